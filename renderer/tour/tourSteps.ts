// The guided tour's steps: the views it walks through, in this order. A step whose view is not in the
// navigation (a view not built, or hidden) is left out, so the tour always matches what the app has.
import { VIEWS } from '../useView.js';

export const TOUR_VIEWS = ['import', 'pivot', 'flows', 'stacking', 'compare', 'steering'] as const;
const DONE_KEY = 'spiegel.tour.done';

export function tourSteps(present: (view: string) => boolean = navLinkExists): string[] {
  return TOUR_VIEWS.filter((v) => (VIEWS as readonly string[]).includes(v) && present(v));
}

export function navLinkExists(view: string): boolean {
  return navLink(view) !== null;
}

export function navLink(view: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`nav.views a[href="#${view}"]`);
}

export const tourDone = () => localStorage.getItem(DONE_KEY) === '1';
export const markTourDone = () => localStorage.setItem(DONE_KEY, '1');

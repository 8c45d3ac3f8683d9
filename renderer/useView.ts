// Which view is open, kept in the URL hash (#pivot, #flows, #stacking, #import, #tables) so a reload or the back button keeps it.
// The host's one-time token also arrives in the hash; transport.ts strips it before the first render.
import { useSyncExternalStore } from 'react';

export const VIEWS = ['pivot', 'flows', 'stacking', 'compare', 'steering', 'import', 'tables', 'settings'] as const;
export type View = (typeof VIEWS)[number];

function viewFromHash(): View {
  // '#pivot?q=…' carries the pivot's state after the view's name.
  const hash = location.hash.replace(/^#/, '').split('?')[0];
  return VIEWS.find((v) => v === hash) ?? 'pivot';
}

// useSyncExternalStore, not useState + a hashchange listener added in an effect: a click on a nav link between
// the first paint and that effect changed the hash unseen, and the view stayed on the pivot (it happened to
// end-to-end tests that click the moment the link shows). React re-reads the hash after subscribing.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useView(): View {
  return useSyncExternalStore(subscribe, viewFromHash);
}

// Which view is open, kept in the URL hash (#pivot, #flows, #stacking, #import, #tables) so a reload or the back button keeps it.
// The host's one-time token also arrives in the hash; transport.ts strips it before the first render.
import { useSyncExternalStore } from 'react';

export const VIEWS = ['pivot', 'flows', 'stacking', 'compare', 'steering', 'import', 'tables', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** The view a hash opens: '#pivot?q=…' carries the pivot's state after the view's name; no or an unknown name opens the pivot. */
export function viewOfHash(hash: string): View {
  const name = hash.replace(/^#/, '').split('?')[0];
  return VIEWS.find((v) => v === name) ?? 'pivot';
}

const viewFromHash = (): View => viewOfHash(location.hash);

// useSyncExternalStore, not useState + a hashchange listener added in an effect: a click on a nav link between
// the first paint and that effect would change the hash unseen. React re-reads the hash after subscribing.
// (The view that reverted the hash on CI was another matter: renderer/useHashState.ts mayMirror.)
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useView(): View {
  return useSyncExternalStore(subscribe, viewFromHash);
}

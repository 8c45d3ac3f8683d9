// Which view is open, kept in the URL hash (#pivot, #flows, #stacking, #import, #tables) so a reload or the back button keeps it.
// The host's one-time token also arrives in the hash; transport.ts strips it before the first render.
import { useEffect, useState } from 'react';

export const VIEWS = ['pivot', 'flows', 'stacking', 'compare', 'steering', 'import', 'tables', 'settings'] as const;
export type View = (typeof VIEWS)[number];

function viewFromHash(): View {
  // '#pivot?q=…' carries the pivot's state after the view's name.
  const hash = location.hash.replace(/^#/, '').split('?')[0];
  return VIEWS.find((v) => v === hash) ?? 'pivot';
}

export function useView(): View {
  const [view, setView] = useState<View>(viewFromHash);
  useEffect(() => {
    const onChange = () => setView(viewFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return view;
}

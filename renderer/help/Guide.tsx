// Help and the guided tour for the whole app: the Help button (Header) and the '?' key open the help of the
// open view; the tour starts by itself the first time the demo region is shown and again from the help.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Tour } from '../tour/Tour.js';
import { tourDone } from '../tour/tourSteps.js';
import { HelpDialog } from './HelpDialog.js';

interface GuideControl {
  openHelp: () => void;
}

const GuideContext = createContext<GuideControl | null>(null);

/** The Help button's hook; null outside the guide (no connection: nothing to explain yet). */
export const useGuide = () => useContext(GuideContext);

/** Typing '?' in a field types a question mark, and in the pivot grid it explains the focused figure. */
function ownsQuestionMark(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.closest('[role=grid], dialog') !== null;
}

interface Props {
  view: string;
  /** The demo region is open: the first run, when the tour starts by itself. */
  demo: boolean;
  children: ReactNode;
}

export function Guide({ view, demo, children }: Props) {
  const [help, setHelp] = useState<'view' | 'shortcuts' | null>(null);
  const [touring, setTouring] = useState(false);
  useEffect(() => {
    if (demo && !tourDone()) setTouring(true);
  }, [demo]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownsQuestionMark(e.target)) return;
      e.preventDefault();
      setHelp((h) => h ?? 'shortcuts');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const openHelp = useCallback(() => setHelp('view'), []);
  const control = useMemo(() => ({ openHelp }), [openHelp]);
  const startTour = useCallback(() => {
    setHelp(null);
    setTouring(true);
  }, []);
  return (
    <GuideContext.Provider value={control}>
      {children}
      {help && !touring && <HelpDialog view={view} part={help} onClose={() => setHelp(null)} onStartTour={startTour} />}
      {touring && <Tour onEnd={() => setTouring(false)} />}
    </GuideContext.Provider>
  );
}

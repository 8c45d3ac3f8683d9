// The guided tour: a welcome, then one step per view (tourSteps), each opening that view and pointing at its
// tab. Skip or Done ends it and remembers that (localStorage), so it does not come back by itself; the help
// can start it again. The tour returns to the view it started from.
import { useLayoutEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog.js';
import { markTourDone, navLink, tourSteps } from './tourSteps.js';
import './tour.css';

export function Tour({ onEnd }: { onEnd: () => void }) {
  const { t } = useTranslation();
  const steps = useMemo(() => [null, ...tourSteps()], []);
  const start = useMemo(() => location.hash, []);
  const [i, setI] = useState(0);
  const [style, setStyle] = useState<CSSProperties | undefined>(undefined);
  const view = steps[i] ?? null;
  const last = i === steps.length - 1;

  useLayoutEffect(() => {
    if (!view) return setStyle(undefined);
    location.hash = `#${view}`;
    const link = navLink(view);
    if (!link) return setStyle(undefined);
    link.classList.add('tour-target');
    const r = link.getBoundingClientRect();
    const width = Math.min(560, window.innerWidth - 32);
    setStyle({ position: 'fixed', margin: 0, top: r.bottom + 12, left: Math.max(16, Math.min(r.left, window.innerWidth - width - 16)), right: 'auto', bottom: 'auto', width });
    return () => link.classList.remove('tour-target');
  }, [view]);

  const end = () => {
    markTourDone();
    if (location.hash !== start) location.hash = start || '#pivot';
    onEnd();
  };
  const actions = (
    <>
      <button type="button" className="secondary tour-skip" onClick={end}>
        {t('tour.skip')}
      </button>
      <span className="tour-count">{t('tour.step', { n: i + 1, total: steps.length })}</span>
      {i > 0 && (
        <button type="button" className="secondary" onClick={() => setI(i - 1)}>
          {t('tour.back')}
        </button>
      )}
      <button type="button" className="tour-next" onClick={last ? end : () => setI(i + 1)}>
        {last ? t('tour.done') : t('tour.next')}
      </button>
    </>
  );
  return (
    <Dialog title={view ? t(`nav.${view}`, { defaultValue: view }) : t('tour.label')} onClose={end} closeLabel={t('tour.skip')} actions={actions} className="tour-dialog" style={style} initialFocus=".tour-next">
      <p>{view ? t(`tour.steps.${view}`) : t('tour.welcome')}</p>
    </Dialog>
  );
}

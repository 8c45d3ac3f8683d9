// Doorstroom for one period: where the children in care on day a − 1 were on day b, by heaviest segment
// ("geen zorg" on either side), as a flow diagram and as a matrix. A band or a matrix cell opens its
// children (in-app only; not in meeting mode).
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import { DOORSTROOM_STATES, type DoorstroomState, type FlowGrain } from '../../core/contract/flows.js';
import type { Lang } from '../../core/registry.js';
import { formatDate } from '../format.js';
import { ChildrenPanel } from './ChildrenPanel.js';
import { DoorstroomMatrix } from './DoorstroomMatrix.js';
import { figure } from './figures.js';
import { FlowChart } from './FlowChart.js';
import { sankeyModel } from './sankeyModel.js';
import { sankeySpec } from './sankeySpec.js';
import { useCall } from './useCall.js';

interface Props {
  api: SpiegelApi;
  version: number;
  grain: FlowGrain;
  period: string;
  periodLabel: string;
  municipality: string | null;
  suppress: boolean;
  meeting: boolean;
  stayers: boolean;
  onStayers: (on: boolean) => void;
  municipalityLabel: (code: string) => string;
}

type Band = { from: DoorstroomState; to: DoorstroomState };
const isState = (v: unknown): v is DoorstroomState => typeof v === 'string' && (DOORSTROOM_STATES as readonly string[]).includes(v);

export function DoorstroomSection(p: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const args = { grain: p.grain, period: p.period, suppress: p.suppress, ...(p.municipality ? { municipality: p.municipality } : {}) };
  const { result, error } = useCall(p.api, 'query/doorstroom', args, p.version);
  const [open, setOpen] = useState<Band | null>(null);
  // Another period, municipality or meeting mode: the open children belong to the old question.
  useEffect(() => setOpen(null), [p.grain, p.period, p.municipality, p.meeting]);

  const label = (s: DoorstroomState) => result?.states.find((x) => x.key === s)?.label[lang] ?? s;
  const model = useMemo(() => (result ? sankeyModel(result.cells, p.stayers) : null), [result, p.stayers]);
  const spec = useMemo(() => {
    if (!result || !model) return null;
    const threshold = result.suppression.threshold;
    const totalText = (side: 'from' | 'to', s: DoorstroomState) => {
      const x = (side === 'from' ? result.fromTotals : result.toTotals).find((v) => v.state === s);
      return x ? figure({ value: x.clients, flag: x.flag }, threshold).text : '';
    };
    const name = (s: DoorstroomState) => result.states.find((x) => x.key === s)?.label[lang] ?? s;
    return sankeySpec(model, {
      description: t('flows.doorstroom.chartLabel', { period: p.periodLabel }),
      from: t('flows.doorstroom.onDay', { day: formatDate(result.dayBefore) }),
      to: t('flows.doorstroom.onDay', { day: formatDate(result.dayEnd) }),
      children: t('flows.doorstroom.children'),
      label: name,
      nodeLabel: (side, s) => `${name(s)} (${totalText(side, s)})`,
    });
  }, [result, model, lang, t, p.periodLabel]);

  const openBand = p.meeting ? null : (from: DoorstroomState, to: DoorstroomState) => setOpen({ from, to });
  const onMark = (d: Record<string, unknown>) => {
    if (openBand && isState(d.from) && isState(d.to) && typeof d.band === 'string') openBand(d.from, d.to);
  };

  return (
    <section className="flows-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('flows.doorstroom.title', { period: p.periodLabel })}</h3>
      <p className="hint">{t('flows.doorstroom.help')}</p>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && model && spec && (
        <>
          <figure className="chart-box sankey-box">
            <figcaption>
              <span>{t('flows.doorstroom.caption', { n: figure({ value: result.clients, flag: 'ok' }, 5).text })}</span>
              <label className="check">
                <input type="checkbox" checked={p.stayers} onChange={(e) => p.onStayers(e.target.checked)} />
                {t('flows.doorstroom.stayers')}
              </label>
            </figcaption>
            {model.bands.length > 0 ? (
              <FlowChart spec={spec} label={t('flows.doorstroom.chartLabel', { period: p.periodLabel })} className="sankey" onMark={onMark} />
            ) : (
              <p className="note">{t('flows.doorstroom.nothing')}</p>
            )}
            <ul className="chart-notes">
              {!p.meeting && <li>{t('flows.doorstroom.clickHint')}</li>}
              {model.hidden > 0 && <li className="chart-suppressed">{t('flows.doorstroom.hidden', { count: model.hidden, n: model.hidden })}</li>}
            </ul>
          </figure>
          <DoorstroomMatrix result={result} onOpen={openBand} open={open} />
          {open && !p.meeting && (
            <ChildrenPanel
              api={p.api}
              version={p.version}
              grain={p.grain}
              period={p.period}
              municipality={p.municipality}
              from={open.from}
              to={open.to}
              title={t('flows.children.heading', { from: label(open.from), to: label(open.to), period: p.periodLabel })}
              municipalityLabel={p.municipalityLabel}
              onClose={() => setOpen(null)}
            />
          )}
        </>
      )}
    </section>
  );
}

// Waiting times (analysis/waiting): assignment → first start and request → start per segment (count, mean,
// median, classes of days); the ageing list of "toegewezen, niet gestart" and trajectories running over 18
// months without a new assignment. The two lists name assignments, so they stay in the app: never in
// meeting mode or the printed report.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WAIT_CLASSES, type WaitingResult } from '../../core/contract/analysis.js';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { Lang } from '../../core/registry.js';
import { useCall } from '../flows/useCall.js';
import { days } from '../flows/figures.js';
import { formatDate, formatNumber } from '../format.js';
import { CaseTable, type CaseColumn } from '../ui/CaseTable.js';
import { CallState } from './CallState.js';
import { figureText } from './values.js';

const LIST_MAX = 50;
type NotStartedItem = WaitingResult['notStarted']['items'][number];
type LongTrajectoryItem = WaitingResult['longTrajectories']['items'][number];
type CaseItem = { municipality: string; toewijzingNr: number; provider: string };
const caseKey = (x: CaseItem) => `${x.municipality}-${x.toewijzingNr}`;

interface Props {
  api: SpiegelApi;
  version: number;
  period: string;
  suppress: boolean;
  meeting: boolean;
  labelOf: (dim: string, key: string) => string;
}

function WaitTable({ rows, caption, threshold, kind }: { rows: WaitingResult['assignmentToStart']; caption: string; threshold: number; kind: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <table className={`pivot wait-table wait-${kind}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('steering.segment')}</th>
          <th scope="col">{t('steering.waiting.count')}</th>
          <th scope="col">{t('steering.waiting.mean')}</th>
          <th scope="col">{t('steering.waiting.median')}</th>
          {WAIT_CLASSES.map((c) => (
            <th key={c.key} scope="col">
              {t('steering.waiting.class', { range: c.key })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const n = figureText(r.count, threshold);
          const hidden = r.count.flag === 'suppressed' || r.count.flag === 'secondary';
          return (
            <tr key={r.segment} data-segment={r.segment} className={r.segment === 'total' ? 'total-row' : undefined}>
              <th scope="row">{r.label[lang]}</th>
              <td className={n.className}>{n.text}</td>
              {/* A mean or median of 1–4 children is hidden with their count. */}
              <td className={hidden ? n.className : 'num'}>{hidden ? n.text : days(r.meanDays)}</td>
              <td className={hidden ? n.className : 'num'}>{hidden ? n.text : days(r.medianDays)}</td>
              {r.classes.map((c, i) => {
                const f = figureText(c, threshold);
                return (
                  <td key={i} className={f.className}>
                    {f.text}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function WaitingSection({ api, version, period, suppress, meeting, labelOf }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { result, error, busy } = useCall(api, 'analysis/waiting', { period, suppress }, version);
  const threshold = result?.suppression.threshold ?? 5;
  // The list totals are plain counts (each assignment one child): 1–4 are hidden like any cell when suppressed.
  const count = (n: number) => (suppress && n > 0 && n < threshold ? `<${threshold}` : formatNumber(n));
  const column = <T,>(key: string, cell: (x: T) => ReactNode, num = false): CaseColumn<T> => ({ key, label: t(`steering.waiting.col.${key}`), cell, num });
  // Both lists name the assignment first: municipality, number, provider.
  const assignmentColumns = <T extends CaseItem>(): CaseColumn<T>[] => [
    column<T>('municipality', (x) => labelOf('municipality', x.municipality)),
    column<T>('assignment', (x) => x.toewijzingNr, true),
    column<T>('provider', (x) => labelOf('provider', x.provider)),
  ];
  const notStartedColumns: CaseColumn<NotStartedItem>[] = [
    ...assignmentColumns(),
    column('product', (x) => x.product),
    column('assignedOn', (x) => formatDate(x.assignedOn)),
    column('ingangsdatum', (x) => formatDate(x.ingangsdatum)),
    column('age', (x) => formatNumber(x.ageDays), true),
  ];
  const longColumns: CaseColumn<LongTrajectoryItem>[] = [
    ...assignmentColumns(),
    column('start', (x) => formatDate(x.start)),
    column('months', (x) => formatNumber(x.months), true),
    column('lastAssignedOn', (x) => formatDate(x.lastAssignedOn)),
  ];
  // A list, when it has items: its first LIST_MAX under "steering.waiting.<name>List", in table.<name>-table.
  const caseList = <T extends CaseItem>(name: 'ageing' | 'long', items: readonly T[], columns: CaseColumn<T>[]) =>
    items.length > 0 && (
      <CaseTable
        className={`${name}-table`}
        summary={t(`steering.waiting.${name}List`, { n: items.length })}
        caption={t(`steering.waiting.${name}Caption`)}
        columns={columns}
        rows={items.slice(0, LIST_MAX)}
        rowKey={caseKey}
      />
    );
  return (
    <section className="steering-section waiting-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.waiting.title', { period })}</h3>
      <CallState error={error} busy={busy} notes={result?.notes} />
      {result && (
        <>
          <WaitTable kind="assignment" rows={result.assignmentToStart} caption={t('steering.waiting.assignmentToStart')} threshold={threshold} />
          <WaitTable kind="request" rows={result.requestToStart} caption={t('steering.waiting.requestToStart')} threshold={threshold} />
          <p className="note not-started-summary">
            {t('steering.waiting.notStarted', { total: count(result.notStarted.total) })}{' '}
            {WAIT_CLASSES.map((c, i) => `${c.key}: ${count(result.notStarted.classes[i] ?? 0)}`).join(' · ')}
          </p>
          {meeting ? (
            <p className="note">{t('steering.waiting.hidden')}</p>
          ) : (
            <>
              {caseList('ageing', result.notStarted.items, notStartedColumns)}
              <p className="note">{t('steering.waiting.long', { total: count(result.longTrajectories.total) })}</p>
              {caseList('long', result.longTrajectories.items, longColumns)}
            </>
          )}
        </>
      )}
    </section>
  );
}

// The pivot workbench: controls that shape the query (kept in the URL hash), the grid with drill-through and
// "explain this figure", a chart, saved views, exports, definitions and meeting mode.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { PivotResult } from '../../core/contract/pivot.js';
import { DIMENSION_INFO, MEASURE_INFO, type Lang } from '../../core/registry.js';
import { DefinitionsPanel } from './grid/DefinitionsPanel.js';
import { DrillPanel } from './grid/DrillPanel.js';
import { PivotControls } from './PivotControls.js';
import { PivotTable } from './PivotTable.js';
import { usePivot } from './usePivot.js';
import { ChartSection } from './workbench/ChartSection.js';
import { useChartTexts } from './workbench/chartTexts.js';
import { ExportMenu } from './workbench/ExportMenu.js';
import { useFilterText } from './workbench/FilterEditor.js';
import { MeetingBanner, MeetingToggle, useMeetingMode } from './workbench/MeetingMode.js';
import { effectiveQuery } from './workbench/queryState.js';
import { useDrill } from './workbench/useDrill.js';
import { usePopulation } from './workbench/usePopulation.js';
import { useViews } from './workbench/useViews.js';
import { useWorkbenchState } from './workbench/useWorkbenchState.js';
import { ViewsMenu } from './workbench/ViewsMenu.js';
import { MakeIndicator } from './workbench/MakeIndicator.js';
import { Cancelled } from '../work/Cancelled.js';
import './workbench.css';
import { BusyNote } from '../ui/BusyNote.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
}

export function PivotView({ api, meta, version }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, update] = useWorkbenchState();
  const meeting = useMeetingMode();
  const query = useMemo(() => effectiveQuery(state.query, meeting.on), [state.query, meeting.on]);
  const { result, error, busy, cancelled, retry } = usePivot(api, query, version);
  const views = useViews(api);
  const hasPopulation = usePopulation(api, version);
  const { drill, open: openDrill, close: closeDrill } = useDrill(api, query);
  const [definitions, setDefinitions] = useState(false);
  const filterText = useFilterText(meta);
  const chartTexts = useChartTexts();

  const caption = useMemo(() => {
    const q = result?.query ?? query;
    const text = t('workbench.caption', {
      measures: q.measures.map((m) => MEASURE_INFO[m].label[lang]).join(', '),
      dims: [...q.rows, ...q.cols].map((d) => DIMENSION_INFO[d].label[lang]).join(' × '),
    });
    return q.filters.length > 0 ? `${text} (${t('workbench.filteredOn', { filters: q.filters.map(filterText).join('; ') })})` : text;
  }, [result, query, lang, t, filterText]);
  const texts = useCallback((q: PivotResult['query'], model: Parameters<typeof chartTexts>[1]) => chartTexts(q, model, caption), [chartTexts, caption]);

  const setCollapsed = useCallback((collapsed: string[][]) => update((s) => ({ ...s, collapsed })), [update]);
  const drillTitle = drill && result ? cellTitle(result, drill.row, drill.col, lang) : undefined;

  return (
    <section className={`pivot-view workbench${meeting.on ? ' meeting' : ''}`} aria-labelledby="pivot-title">
      <div className="workbench-bar">
        <h2 id="pivot-title">{t('workbench.title')}</h2>
        <BusyNote busy={busy} />
        <ViewsMenu
          views={views}
          query={state.query}
          chart={state.chart}
          onRestore={(v) => update(() => ({ query: v.query, chart: v.chart, collapsed: [] }))}
        />
        <ExportMenu api={api} query={query} result={result} collapsed={state.collapsed} chart={state.chart} chartTexts={texts} caption={caption} />
        {!meeting.on && <MakeIndicator api={api} meta={meta} query={state.query} filterText={state.query.filters.map(filterText).join('; ')} />}
        <button type="button" className="secondary" aria-pressed={definitions} onClick={() => setDefinitions((d) => !d)}>
          {definitions ? t('workbench.hideDefinitions') : t('workbench.definitions')}
        </button>
        <MeetingToggle meeting={meeting} />
      </div>
      {meeting.on && <MeetingBanner />}
      {definitions && <DefinitionsPanel lang={lang} onClose={() => setDefinitions(false)} />}
      <PivotControls
        meta={meta}
        query={state.query}
        onChange={(q) => update((s) => ({ ...s, query: q }))}
        hasPopulation={hasPopulation}
        meeting={meeting.on}
      />
      {!meeting.on && <p className="note">{query.suppress ? t('workbench.suppressedView') : t('workbench.workingView')}</p>}
      {cancelled && <Cancelled onRetry={retry} />}
      {error && !cancelled && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <div className="results" aria-busy={busy}>
          <PivotTable
            result={result}
            collapsed={state.collapsed}
            onCollapsedChange={setCollapsed}
            onSort={(sort) => update((s) => ({ ...s, query: { ...s.query, sort } }))}
            onDrill={meeting.on ? () => undefined : openDrill}
            meeting={meeting.on}
            lang={lang}
            caption={caption}
          />
          {drill && !meeting.on && (
            <DrillPanel
              result={drill.status === 'ready' ? drill.result : null}
              meeting={meeting.on}
              title={drillTitle}
              loading={drill.status === 'loading'}
              error={drill.status === 'error' ? t('workbench.drill.failed', { message: drill.message }) : null}
              onClose={closeDrill}
            />
          )}
          <ChartSection result={result} kind={state.chart} onKind={(chart) => update((s) => ({ ...s, chart }))} texts={texts} />
        </div>
      )}
    </section>
  );
}

/** "Ede · Verblijf · 2025" for a cell's row and column paths ("Totaal" for the grand total). */
function cellTitle(result: PivotResult, row: string[], col: string[], lang: Lang): string {
  const { query, labels } = result;
  const parts = [...row.map((k, i) => labels[query.rows[i]!]?.[k]?.[lang] ?? k), ...col.map((k, i) => labels[query.cols[i]!]?.[k]?.[lang] ?? k)];
  return parts.length > 0 ? parts.join(' · ') : lang === 'nl' ? 'Totaal' : 'Total';
}

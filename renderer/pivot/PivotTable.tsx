// The pivot grid: multi-level rows with subtotals and expand/collapse, column header rows per column
// dimension plus a measure row (sortable), a keyboard-navigable ARIA grid, and "explain this figure".
//
// Props (what the composer passes):
//   result             PivotResult from query/pivot (core/contract/pivot.ts), rows/cols in display order.
//   collapsed          string[][] — row paths whose children are hidden; lifted so export/pivot can get the
//                      same list (exportArgs.collapsed) and the export shows exactly what the grid shows.
//   onCollapsedChange  (next: string[][]) => void — a toggle, "alles uitklappen" ([]) or "alles inklappen".
//   onSort             (sort: PivotSort) => void — clicking (or Enter on) a measure header: desc → asc → by key;
//                      the row-dimension corner toggles by key asc/desc. Re-run the query with this sort.
//   onDrill            (row: string[], col: string[]) => void — Enter / double-click / "Toon records" on a
//                      figure; never called in meeting mode. Run query/drill and show grid/DrillPanel.tsx.
//   meeting            boolean — large type, no drill-through (Enter explains instead), no small-cell legend.
//   lang               'nl' | 'en' — labels from the result and the registry.
//   caption            optional accessible name / visible caption of the grid.
// Large results: more than 500 visible rows (or 40.000 figures) are windowed: only the rows in view are
// drawn, in a scroll box with a sticky header (grid/window.ts), and a note says so.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotResult, PivotSort } from '../../core/contract/pivot.js';
import type { Lang } from '../../core/registry.js';
import { formatNumber } from '../format.js';
import { explainCell } from './grid/explain.js';
import { ExplainPanel } from './grid/ExplainPanel.js';
import { GridHeader } from './grid/GridHeader.js';
import { GridRow } from './grid/GridRow.js';
import type { GridAction } from './grid/keys.js';
import { parseNav, useGridKeys } from './grid/useGridKeys.js';
import { useWindow } from './grid/useWindow.js';
import { buildGrid, keyAttr, nextKeySort, nextSort, toggleCollapsed, type GridTexts } from './model.js';
import type { MarkTitles } from './ValueCell.js';
import './grid.css';

export interface PivotTableProps {
  result: PivotResult;
  collapsed: string[][];
  onCollapsedChange: (next: string[][]) => void;
  onSort: (sort: PivotSort) => void;
  onDrill: (row: string[], col: string[]) => void;
  meeting: boolean;
  lang: Lang;
  caption?: string;
}

export function PivotTable({ result, collapsed, onCollapsedChange, onSort, onDrill, meeting, lang, caption }: PivotTableProps) {
  const { t } = useTranslation();
  const threshold = result.suppression.threshold;
  const texts: GridTexts = useMemo(
    () => ({ total: t('grid.total'), totalOf: (label) => t('grid.totalOf', { label }), empty: t('grid.empty'), change: t('grid.change') }),
    [t],
  );
  const model = useMemo(() => buildGrid(result, collapsed, texts, lang), [result, collapsed, texts, lang]);
  const titles: MarkTitles = useMemo(
    () => ({ small: t('grid.smallTitle', { threshold }), suppressed: t('grid.suppressedTitle', { threshold }), secondary: t('grid.secondaryTitle') }),
    [t, threshold],
  );
  const rowTexts = useMemo(() => ({ expand: t('grid.expand'), collapse: t('grid.collapse'), voorlopig: t('grid.voorlopigLegend') }), [t]);
  const flags = useMemo(() => new Set(result.cells.flatMap((r) => r.map((c) => c.flag))), [result]);

  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const win = useWindow(model.rows.length, model.columns.length, scroller, table);
  // Kept by path, so the explanation follows its cell through a sort or a collapse.
  const [explainAt, setExplainAt] = useState<{ row: string[]; col: string[]; mi: number } | null>(null);
  const explainPos = useCallback(
    (p: { row: number; col: number }) => {
      const r = model.rows[p.row - 1];
      const c = model.columns[p.col - 1];
      if (r && c) setExplainAt({ row: r.path, col: c.path, mi: c.mi });
    },
    [model],
  );

  const act = useCallback(
    (a: GridAction) => {
      if (a.type === 'toggle') onCollapsedChange(toggleCollapsed(collapsed, a.path));
      else if (a.type === 'sortKey') onSort(nextKeySort(result.query.sort));
      else if (a.type === 'sort') {
        const c = model.columns[a.column];
        if (c) onSort(nextSort(result.query.sort, c.measure, c.path));
      } else if (a.type === 'drill' && !meeting) onDrill(a.row, a.col);
      else if (a.type === 'explain') explainPos(a.pos);
    },
    [collapsed, onCollapsedChange, onSort, onDrill, meeting, model, result.query.sort, explainPos],
  );
  const keys = useGridKeys(model, table, { meeting, pageSize: win.pageSize, onAction: act });
  const { pos } = keys;
  const { reveal } = win;
  // Keep the focused row drawn in a windowed grid before the focus moves there.
  useEffect(() => {
    if (pos.row >= 1) reveal(pos.row - 1);
  }, [pos.row, reveal]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'Escape' && explained) setExplainAt(null);
    else keys.onKeyDown(e);
  };
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const target = e.target as Element;
    const toggle = target.closest('[data-toggle]')?.getAttribute('data-toggle');
    if (toggle) return onCollapsedChange(toggleCollapsed(collapsed, JSON.parse(toggle) as string[]));
    const at = parseNav(target);
    if (at?.row === 0) act(at.col === 0 ? { type: 'sortKey' } : { type: 'sort', column: at.col - 1 });
  };
  const onDoubleClick = (e: MouseEvent<HTMLTableElement>) => {
    const at = parseNav(e.target as Element);
    const row = at && at.row >= 1 ? model.rows[at.row - 1] : undefined;
    const col = at && at.col >= 1 ? model.columns[at.col - 1] : undefined;
    if (row && col && !meeting) onDrill(row.path, col.path);
  };

  const focusedRow = pos.row >= 1 ? model.rows[pos.row - 1] : undefined;
  const focusedCol = pos.col >= 1 ? model.columns[pos.col - 1] : undefined;
  const onValue = focusedRow !== undefined && focusedCol !== undefined;
  const explained = useMemo(() => {
    if (!explainAt) return null;
    const row = result.rows.findIndex((r) => keyAttr(r.path) === keyAttr(explainAt.row));
    const col = result.cols.length === 0 ? 0 : result.cols.findIndex((c) => keyAttr(c.path) === keyAttr(explainAt.col));
    const measure = result.query.measures[explainAt.mi];
    return row >= 0 && col >= 0 && measure ? explainCell(result, { row, col, measure }, lang, texts.empty) : null;
  }, [explainAt, result, lang, texts.empty]);

  const headerCount = model.headerRows.length + 1;
  const body = model.rows.slice(win.start, win.end);
  return (
    <div className={`pivot-grid${meeting ? ' meeting' : ''}`}>
      {result.notes.length > 0 && (
        <ul className="grid-notes" role="note">
          {result.notes.map((n, i) => (
            <li key={i}>{n[lang]}</li>
          ))}
        </ul>
      )}
      <div className="grid-toolbar" role="toolbar" aria-label={t('grid.toolbar')}>
        <button type="button" className="secondary" onClick={() => onCollapsedChange([])} disabled={collapsed.length === 0}>
          {t('grid.expandAll')}
        </button>
        <button type="button" className="secondary" onClick={() => onCollapsedChange(model.subtotalPaths)} disabled={model.subtotalPaths.length === 0}>
          {t('grid.collapseAll')}
        </button>
        <button type="button" className="secondary" onClick={() => explainPos(pos)} disabled={!onValue} aria-keyshortcuts="?">
          {t('grid.explainButton')}
        </button>
        {!meeting && (
          <button type="button" className="secondary" onClick={() => focusedRow && focusedCol && onDrill(focusedRow.path, focusedCol.path)} disabled={!onValue}>
            {t('grid.drillButton')}
          </button>
        )}
        <span className="grid-help">{meeting ? t('grid.keysHelpMeeting') : t('grid.keysHelp')}</span>
      </div>
      {win.on && <p className="note">{t('grid.windowed', { n: formatNumber(model.rows.length) })}</p>}
      <div className={win.on ? 'grid-scroll windowed' : 'grid-scroll'} ref={scroller} onScroll={win.onScroll}>
        <table
          ref={table}
          role="grid"
          className="pivot grid"
          aria-label={caption ?? t('grid.label')}
          aria-rowcount={headerCount + model.rows.length}
          aria-colcount={model.columns.length + 1}
          onKeyDown={onKeyDown}
          onFocus={keys.onFocus}
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          // A double click drills; it should not also select the figure's text.
          onMouseDown={(e) => e.detail > 1 && e.preventDefault()}
        >
          {caption && <caption>{caption}</caption>}
          <GridHeader model={model} query={result.query} focusCol={pos.row === 0 ? pos.col : null} />
          <tbody>
            {win.start > 0 && <tr aria-hidden="true" className="spacer" style={{ height: win.start * win.rowH }} />}
            {body.map((row, i) => {
              const nav = win.start + i + 1;
              return (
                <GridRow
                  key={row.index}
                  row={row}
                  nav={nav}
                  ariaRowIndex={headerCount + nav}
                  columns={model.columns}
                  cells={result.cells[row.index]}
                  focusCol={pos.row === nav ? pos.col : null}
                  threshold={threshold}
                  titles={titles}
                  texts={rowTexts}
                />
              );
            })}
            {win.end < model.rows.length && <tr aria-hidden="true" className="spacer" style={{ height: (model.rows.length - win.end) * win.rowH }} />}
          </tbody>
        </table>
      </div>
      <Legend voorlopig={model.voorlopig} small={!meeting && flags.has('small')} suppressed={result.suppression.applied && (flags.has('suppressed') || flags.has('secondary'))} threshold={threshold} />
      {explained && <ExplainPanel explanation={explained} meeting={meeting} onClose={() => setExplainAt(null)} />}
    </div>
  );
}

function Legend({ voorlopig, small, suppressed, threshold }: { voorlopig: boolean; small: boolean; suppressed: boolean; threshold: number }) {
  const { t } = useTranslation();
  if (!voorlopig && !small && !suppressed) return null;
  return (
    <ul className="grid-legend">
      {voorlopig && (
        <li>
          <sup className="voorlopig">v</sup> {t('grid.voorlopigLegend')}
        </li>
      )}
      {small && (
        <li>
          <span className="mark-small">123</span> {t('grid.smallLegend', { threshold })}
        </li>
      )}
      {suppressed && <li>{t('grid.suppressedLegend', { threshold })}</li>}
    </ul>
  );
}

// What the chart draws, from a pivot result: pure, so tested without a browser. Bars: one bar per row
// (all row levels) and first measure, coloured by the first column dimension. Lines: the finest-placed
// time dimension along x, everything else as series. Suppressed and empty cells are left out and counted,
// so the chart can say what it does not show.
import type { PivotCell, PivotResult } from '../../../core/contract/pivot.js';
import { figure, shownFormat, type FigureFormat } from '../../../core/export/figures.js';
import { TIME_DIMENSIONS, type DimensionId, type Lang } from '../../../core/registry.js';
import type { ChartKind } from './hashState.js';

export interface ChartPoint {
  x: string; // category (bars) or time label (lines)
  xKey: string; // the key behind x, for sorting time
  series: string; // '' when there is only one
  value: number;
  voorlopig: boolean;
}

export interface ChartModel {
  points: ChartPoint[];
  xOrder: string[];
  seriesOrder: string[];
  /** Dimensions along x and in the series, for titles. */
  xDims: DimensionId[];
  seriesDims: DimensionId[];
  format: FigureFormat; // of the first measure as shown (money in euro, shares as fractions)
  suppressed: number; // cells hidden by small-cell suppression, not drawn
  missing: number; // cells without a value (e.g. per 1,000 without population), not drawn
  /** Set when the chart shows only the first `shown` of `total` bars (rows) or lines (series). */
  truncated: { shown: number; total: number } | null;
}

/** Beyond these a chart is no longer readable (and an SVG of thousands of bars is slow to draw). */
export const MAX_BARS = 50;
export const MAX_LINES = 10;

const isTime = (d: DimensionId) => (TIME_DIMENSIONS as readonly string[]).includes(d);

/** A line needs a time dimension in rows or columns; without one only bars make sense. */
export function timeDimension(query: PivotResult['query']): { side: 'rows' | 'cols'; index: number } | null {
  const c = query.cols.findIndex(isTime);
  if (c >= 0) return { side: 'cols', index: c };
  const r = query.rows.findIndex(isTime);
  return r >= 0 ? { side: 'rows', index: r } : null;
}

/** A line without a time dimension is drawn as bars (and the picker says why). */
export function drawnKind(kind: ChartKind, query: PivotResult['query']): ChartKind {
  return kind === 'line' && !timeDimension(query) ? 'bar' : kind;
}

export function chartModel(result: PivotResult, kind: Exclude<ChartKind, 'none'>, lang: Lang): ChartModel {
  const { query } = result;
  const label = (dim: DimensionId, key: string) => result.labels[dim]?.[key]?.[lang] ?? key;
  const format = shownFormat(query, query.measures[0]!);
  const voorlopig = new Set(result.voorlopig);
  const time = kind === 'line' ? timeDimension(query) : null;

  // Rows: the full paths. Columns: the first column level (or the total column), or down to the time level.
  const colLevel = time?.side === 'cols' ? time.index + 1 : Math.min(1, query.cols.length);
  const rowIdx = result.rows.map((h, i) => [h, i] as const).filter(([h]) => h.path.length === query.rows.length);
  const colIdx = result.cols.map((h, j) => [h, j] as const).filter(([h]) => h.path.length === colLevel);

  const out: ChartModel = {
    points: [], xOrder: [], seriesOrder: [], xDims: [], seriesDims: [], format, suppressed: 0, missing: 0, truncated: null,
  };
  const rowDims = query.rows;
  const colDims = query.cols.slice(0, colLevel);
  if (time) {
    const timeDim = time.side === 'rows' ? rowDims[time.index]! : colDims[time.index]!;
    out.xDims = [timeDim];
    out.seriesDims = [...rowDims, ...colDims].filter((d) => d !== timeDim);
  } else {
    out.xDims = [...rowDims];
    out.seriesDims = colDims.slice(0, 1);
  }

  // Series in the grid's order: registered for every cell, drawn or not (the matrix is full, so the first
  // row already names every column), then kept only where something is drawn.
  const seriesSeen = new Set<string>();
  for (const [rh, i] of rowIdx) {
    for (const [ch, j] of colIdx) {
      const parts = [...rh.path.map((k, l) => [rowDims[l]!, k] as const), ...ch.path.map((k, l) => [colDims[l]!, k] as const)];
      const xParts = parts.filter(([d]) => out.xDims.includes(d));
      const series = parts.filter(([d]) => out.seriesDims.includes(d)).map(([d, k]) => label(d, k)).join(' · ');
      seriesSeen.add(series);
      const value = drawable(result.cells[i]?.[j], out);
      if (value === null) continue;
      if (!time && value === 0) continue; // a zero bar draws nothing; one mark per figure shown
      out.points.push({
        x: xParts.map(([d, k]) => label(d, k)).join(' · '),
        xKey: xParts.map(([, k]) => k).join('\u0000'),
        series,
        value: figure(value, format).value, // money travels in eurocent; the axis reads euro
        voorlopig: parts.some(([d, k]) => isTime(d) && voorlopig.has(k)),
      });
    }
  }
  const drawn = new Set(out.points.map((p) => p.series));
  out.seriesOrder = [...seriesSeen].filter((s) => drawn.has(s));
  if (time) out.points.sort((a, b) => (a.xKey < b.xKey ? -1 : a.xKey > b.xKey ? 1 : 0)); // time keys sort as text
  out.xOrder = [...new Set(out.points.map((p) => p.x))];
  // Lines are limited by series, bars by bar (category).
  const [list, max] = time ? [out.seriesOrder, MAX_LINES] : [out.xOrder, MAX_BARS];
  if (list.length > max) {
    out.truncated = { shown: max, total: list.length };
    const keep = new Set(list.slice(0, max));
    out.points = out.points.filter((p) => keep.has(time ? p.series : p.x));
    if (time) out.seriesOrder = list.slice(0, max);
    else out.xOrder = list.slice(0, max);
  }
  return out;
}

function drawable(cell: PivotCell | undefined, out: ChartModel): number | null {
  if (!cell) return null;
  if (cell.flag === 'suppressed' || cell.flag === 'secondary') {
    out.suppressed++;
    return null;
  }
  const v = cell.values[0];
  if (v === null || v === undefined || !Number.isFinite(v)) {
    out.missing++;
    return null;
  }
  return v;
}

// "Explain this figure": what a cell means, gathered from the result and the one registry in core —
// the measures' definitions, the cell's dimension values, the filters in force, how many records and
// children are behind it, the show-as / compare setting, and why it is hidden if it is.
import type { PivotCell, PivotFilter, PivotQuery, PivotResult } from '../../../core/contract/pivot.js';
import { DIMENSION_INFO, MEASURE_INFO, TIME_DIMENSIONS, type DimensionId, type Lang, type MeasureId } from '../../../core/registry.js';
import { label } from '../model.js';

export interface ExplainedDim {
  dim: DimensionId;
  dimLabel: string;
  value: string | null; // null: all values (a subtotal or total)
  voorlopig: boolean;
}

export interface Explanation {
  measures: { id: MeasureId; label: string; definition: string; focused: boolean }[];
  dims: ExplainedDim[];
  filters: { dimLabel: string; op: PivotFilter[1]; values: string[] }[];
  records: number | null; // null when suppressed (the engine hides it too)
  clients: number | null;
  showAs: PivotQuery['showAs'];
  compare: PivotQuery['compare'];
  per1000: boolean;
  flag: PivotCell['flag'];
  threshold: number;
  suppressionApplied: boolean;
}

export interface ExplainTarget {
  row: number; // index into result.rows / result.cells
  col: number; // index into result.cols
  measure: MeasureId; // the focused column's measure
}

const isTime = (d: DimensionId) => (TIME_DIMENSIONS as readonly string[]).includes(d);

export function explainCell(result: PivotResult, target: ExplainTarget, lang: Lang, empty = '(leeg)'): Explanation | null {
  const { query, labels } = result;
  const rowPath = result.rows[target.row]?.path;
  const colPath = result.cols.length > 0 ? result.cols[target.col]?.path : [];
  const cell = result.cells[target.row]?.[target.col];
  if (!rowPath || !colPath || !cell) return null;
  const voorlopig = new Set(result.voorlopig);
  const side = (dims: DimensionId[], path: string[]): ExplainedDim[] =>
    dims.map((dim, i) => {
      const key = path[i];
      return {
        dim,
        dimLabel: DIMENSION_INFO[dim].label[lang],
        value: key === undefined ? null : label(labels, dim, key, lang, empty),
        voorlopig: key !== undefined && isTime(dim) && voorlopig.has(key),
      };
    });
  return {
    measures: query.measures.map((id) => ({
      id,
      label: MEASURE_INFO[id].label[lang],
      definition: MEASURE_INFO[id].definition[lang],
      focused: id === target.measure,
    })),
    dims: [...side(query.rows, rowPath), ...side(query.cols, colPath)],
    filters: query.filters.map(([dim, op, v]) => ({
      dimLabel: DIMENSION_INFO[dim].label[lang],
      op,
      values: (Array.isArray(v) ? v : [v]).map((k) => label(labels, dim, k, lang, empty)),
    })),
    records: cell.records,
    clients: cell.clients,
    showAs: query.showAs,
    compare: query.compare,
    per1000: query.per1000,
    flag: cell.flag,
    threshold: result.suppression.threshold,
    suppressionApplied: result.suppression.applied,
  };
}

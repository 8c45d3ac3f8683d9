// The grid's keyboard, as a pure function from (model, focused cell, key) to what should happen, following
// the ARIA grid pattern: arrows move one cell, Home/End to the row's ends (with Ctrl: the grid's), PageUp/
// PageDown by a page; Enter drills into a value cell, sorts on a measure header, toggles a subtotal row;
// Space toggles too; '?' explains the focused figure.
//
// Positions: row 0 is the measure header row, row r ≥ 1 is visible body row r - 1; column 0 is the row
// header, column c ≥ 1 is value column c - 1. The column-dimension header rows above are labels only and
// not part of the keyboard grid.
import type { GridModel } from '../model.js';

export interface Pos {
  row: number;
  col: number;
}

export type GridAction =
  | { type: 'move'; pos: Pos }
  | { type: 'toggle'; path: string[] }
  | { type: 'drill'; row: string[]; col: string[] }
  | { type: 'sort'; column: number }
  | { type: 'sortKey' }
  | { type: 'explain'; pos: Pos }
  | { type: 'none' };

export interface KeyInput {
  key: string;
  ctrl?: boolean;
}

export interface KeyOptions {
  pageSize: number;
  meeting: boolean;
}

export function gridSize(model: GridModel): { rows: number; cols: number } {
  return { rows: model.rows.length + 1, cols: model.columns.length + 1 };
}

/** Keeps a position inside the grid after the model changed (a collapse, a new result). */
export function clampPos(model: GridModel, pos: Pos): Pos {
  const { rows, cols } = gridSize(model);
  return { row: Math.min(Math.max(pos.row, 0), rows - 1), col: Math.min(Math.max(pos.col, 0), cols - 1) };
}

export function gridKey(model: GridModel, at: Pos, input: KeyInput, opts: KeyOptions): GridAction {
  const pos = clampPos(model, at);
  const { rows, cols } = gridSize(model);
  const move = (row: number, col: number): GridAction => ({ type: 'move', pos: clampPos(model, { row, col }) });
  const row = pos.row >= 1 ? model.rows[pos.row - 1] : undefined;
  const column = pos.col >= 1 ? model.columns[pos.col - 1] : undefined;

  switch (input.key) {
    case 'ArrowUp':
      return move(pos.row - 1, pos.col);
    case 'ArrowDown':
      return move(pos.row + 1, pos.col);
    case 'ArrowLeft':
      return move(pos.row, pos.col - 1);
    case 'ArrowRight':
      return move(pos.row, pos.col + 1);
    case 'Home':
      return input.ctrl ? move(0, 0) : move(pos.row, 0);
    case 'End':
      return input.ctrl ? move(rows - 1, cols - 1) : move(pos.row, cols - 1);
    case 'PageUp':
      return move(pos.row - Math.max(1, opts.pageSize), pos.col);
    case 'PageDown':
      return move(pos.row + Math.max(1, opts.pageSize), pos.col);
    case '?':
      return row && column ? { type: 'explain', pos } : { type: 'none' };
    case 'Enter':
    case ' ':
      break;
    default:
      return { type: 'none' };
  }

  // Enter or Space.
  if (pos.row === 0) {
    if (pos.col === 0) return { type: 'sortKey' };
    return column?.kind === 'value' ? { type: 'sort', column: pos.col - 1 } : { type: 'none' };
  }
  if (!row) return { type: 'none' };
  if (!column) return row.kind === 'subtotal' ? { type: 'toggle', path: row.path } : { type: 'none' };
  if (input.key === ' ') return { type: 'none' };
  // Meeting mode never shows records; Enter explains the figure instead.
  return opts.meeting ? { type: 'explain', pos } : { type: 'drill', row: row.path, col: column.path };
}

import { describe, expect, it } from 'vitest';
import { buildGrid } from '../model.js';
import { searchDefinitions } from './definitions.js';
import { clampPos, gridKey } from './keys.js';
import { testResult, texts } from './testResult.js';
import { scrollToRow, windowed, windowRange } from './window.js';

// 6 body rows + the measure header row = 7 keyboard rows; row header + 6 value columns = 7 columns.
const model = buildGrid(testResult(), [], texts, 'nl');
const opts = { pageSize: 3, meeting: false };
const key = (row: number, col: number, k: string, o = opts, ctrl = false) => gridKey(model, { row, col }, { key: k, ctrl }, o);

describe('grid keyboard', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(key(1, 1, 'ArrowDown')).toEqual({ type: 'move', pos: { row: 2, col: 1 } });
    expect(key(1, 1, 'ArrowRight')).toEqual({ type: 'move', pos: { row: 1, col: 2 } });
    expect(key(0, 0, 'ArrowUp')).toEqual({ type: 'move', pos: { row: 0, col: 0 } });
    expect(key(0, 0, 'ArrowLeft')).toEqual({ type: 'move', pos: { row: 0, col: 0 } });
    expect(key(6, 6, 'ArrowDown')).toEqual({ type: 'move', pos: { row: 6, col: 6 } });
    expect(key(6, 6, 'ArrowRight')).toEqual({ type: 'move', pos: { row: 6, col: 6 } });
  });

  it('jumps with Home/End, Ctrl+Home/End and by a page', () => {
    expect(key(3, 4, 'Home')).toEqual({ type: 'move', pos: { row: 3, col: 0 } });
    expect(key(3, 2, 'End')).toEqual({ type: 'move', pos: { row: 3, col: 6 } });
    expect(key(3, 2, 'Home', opts, true)).toEqual({ type: 'move', pos: { row: 0, col: 0 } });
    expect(key(3, 2, 'End', opts, true)).toEqual({ type: 'move', pos: { row: 6, col: 6 } });
    expect(key(1, 2, 'PageDown')).toEqual({ type: 'move', pos: { row: 4, col: 2 } });
    expect(key(5, 2, 'PageDown')).toEqual({ type: 'move', pos: { row: 6, col: 2 } });
    expect(key(2, 2, 'PageUp')).toEqual({ type: 'move', pos: { row: 0, col: 2 } });
  });

  it('drills with Enter on a value cell, giving the row and column paths', () => {
    // Row 2 = Ede · Verblijf; column 3 = 2025 clients.
    expect(key(2, 3, 'Enter')).toEqual({ type: 'drill', row: ['0228', 'verblijf'], col: ['2025'] });
    expect(key(6, 6, 'Enter')).toEqual({ type: 'drill', row: [], col: [] });
    expect(key(2, 3, ' ')).toEqual({ type: 'none' });
  });

  it('explains instead of drilling in meeting mode, and on ? anywhere in the body', () => {
    expect(key(2, 3, 'Enter', { ...opts, meeting: true })).toEqual({ type: 'explain', pos: { row: 2, col: 3 } });
    expect(key(4, 1, '?')).toEqual({ type: 'explain', pos: { row: 4, col: 1 } });
    expect(key(0, 1, '?')).toEqual({ type: 'none' });
  });

  it('toggles a subtotal row with Enter or Space on its header, and nothing on a leaf', () => {
    expect(key(1, 0, 'Enter')).toEqual({ type: 'toggle', path: ['0228'] });
    expect(key(4, 0, ' ')).toEqual({ type: 'toggle', path: ['0345'] });
    expect(key(2, 0, 'Enter')).toEqual({ type: 'none' });
    expect(key(6, 0, 'Enter')).toEqual({ type: 'none' });
  });

  it('sorts from the measure header row', () => {
    expect(key(0, 2, 'Enter')).toEqual({ type: 'sort', column: 1 });
    expect(key(0, 0, 'Enter')).toEqual({ type: 'sortKey' });
  });

  it('keeps the focus inside a grid that shrank', () => {
    const collapsed = buildGrid(testResult(), [['0228'], ['0345']], texts, 'nl');
    expect(clampPos(collapsed, { row: 6, col: 9 })).toEqual({ row: 3, col: 6 });
  });
});

describe('large results', () => {
  it('draws only the rows in view above 500 rows', () => {
    expect(windowed(500, 6)).toBe(false);
    expect(windowed(501, 6)).toBe(true);
    expect(windowed(400, 200)).toBe(true);
    // 30 px rows, 600 px viewport, scrolled 3.000 px into the body: rows 100..120 in view, 15 either side.
    expect(windowRange(10_000, 3000, 600, 30)).toEqual({ start: 85, end: 136 });
    expect(windowRange(50, 0, 600, 30)).toEqual({ start: 0, end: 36 });
    // Scrolled past the end (the rows just shrank): the last rows, never an empty range.
    expect(windowRange(50, 5000, 600, 30)).toEqual({ start: 14, end: 50 });
  });

  it('scrolls a row into view below the sticky header, moving as little as possible', () => {
    // Header 60 px, rows 30 px, viewport 600 px, scrolled to 0: body rows 0..17 fully visible.
    expect(scrollToRow(5, 0, 600, 30, 60)).toBeNull();
    expect(scrollToRow(17, 0, 600, 30, 60)).toBeNull();
    expect(scrollToRow(18, 0, 600, 30, 60)).toBe(30);
    expect(scrollToRow(2, 300, 600, 30, 60)).toBe(60);
  });
});

describe('definitions search', () => {
  it('finds measures and dimensions by label or definition, ignoring case and accents', () => {
    const r = searchDefinitions('clienten', 'nl');
    expect(r.measures.map((m) => m.id)).toContain('clients');
    expect(searchDefinitions('peildatum voorlopig', 'nl').dimensions.map((d) => d.id)).toEqual(['month']);
    const all = searchDefinitions('', 'en');
    expect(all.measures).toHaveLength(11);
    expect(all.dimensions).toHaveLength(20);
  });
});

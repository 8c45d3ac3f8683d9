// The grid's one tab stop (roving tabindex): which cell holds it, the keyboard (grid/keys.ts) and moving
// the DOM focus after a move — also when the target row is drawn only after the window scrolled to it.
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { GridModel } from '../model.js';
import { clampPos, gridKey, type GridAction, type Pos } from './keys.js';

interface Options {
  meeting: boolean;
  pageSize: () => number;
  onAction: (action: GridAction) => void;
}

export function parseNav(el: Element | null): Pos | null {
  const nav = el?.closest('[data-nav]')?.getAttribute('data-nav');
  if (!nav) return null;
  const [row, col] = nav.split(':').map(Number);
  return row === undefined || col === undefined ? null : { row, col };
}

export function useGridKeys(model: GridModel, table: RefObject<HTMLTableElement | null>, opts: Options) {
  const [rawPos, setPos] = useState<Pos>({ row: 1, col: 1 });
  const pos = clampPos(model, rawPos);
  const pending = useRef(false);
  const { meeting, pageSize, onAction } = opts;

  // After a keyboard move, focus the cell as soon as it is drawn (a windowed row may need a scroll first).
  useEffect(() => {
    if (!pending.current) return;
    const el = table.current?.querySelector<HTMLElement>(`[data-nav="${pos.row}:${pos.col}"]`);
    if (el) {
      pending.current = false;
      el.focus();
    }
  });

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTableElement>) => {
      if (e.altKey || !(e.target instanceof Element) || !e.target.closest('[data-nav]')) return;
      const action = gridKey(model, pos, { key: e.key, ctrl: e.ctrlKey || e.metaKey }, { meeting, pageSize: pageSize() });
      if (action.type === 'none') return;
      e.preventDefault();
      if (action.type === 'move') {
        pending.current = true;
        setPos(action.pos);
      } else onAction(action);
    },
    [model, pos, meeting, pageSize, onAction],
  );

  // A click or a tab into the grid moves the tab stop to that cell.
  const onFocus = useCallback((e: FocusEvent<HTMLTableElement>) => {
    const at = parseNav(e.target);
    if (at) setPos((p) => (p.row === at.row && p.col === at.col ? p : at));
  }, []);

  return { pos, setPos, onKeyDown, onFocus };
}

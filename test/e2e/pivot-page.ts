// What the pivot workbench's e2e tests share: cell selectors (the grid names each figure by its row and
// column path), chart mark counts, keyboard presses, downloads read back, and the hand-worked import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { expect } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import { writeHandworkedSet } from '../fixtures/handworked.js';
import { isLoopback, type BrowserStack } from './browser.js';

export const TOTAL: string[] = [];
export const key = (k: string[]) => JSON.stringify(k);
export const cellSelector = (row: string[], col: string[], measure = 'clients') =>
  `table.pivot td[data-row='${key(row)}'][data-col='${key(col)}'][data-measure='${measure}']`;

/** CSV as Dutch Excel reads it: BOM, ';', CRLF, "…" quoting. */
export function parseCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)].filter((m, i, all) => i < all.length - 1 || m[0] !== '').map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

export async function importHandworked(stack: BrowserStack): Promise<void> {
  const files = writeHandworkedSet(join(stack.home, 'in'));
  expect((decode(await stack.backend.call('import/files', encode({ paths: files }))) as { ok: boolean }).ok).toBe(true);
}

export function workbench(stack: BrowserStack) {
  const { page } = stack;
  return {
    cellText: (row: string[], col: string[]) => page.locator(cellSelector(row, col)).textContent({ timeout: 10_000 }),
    // Data marks only (role-mark), not the legend's symbols.
    bars: () => page.locator('.chart g.mark-rect.role-mark path').count(),
    points: () => page.locator('.chart g.mark-symbol.role-mark path').count(),
    /** Presses a named button by keyboard: focus, then Enter, as a keyboard user would. */
    async pressButton(name: string) {
      await page.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
    },
    async download(click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
      const [file] = await Promise.all([page.waitForEvent('download'), click()]);
      return { file, bytes: readFileSync((await file.path())!) };
    },
    /** The grid's body figures, row by row, as shown. */
    gridBody: () => page.locator('table.pivot tbody tr.grid-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))),
    /** Opens a pivot the way a pasted link does: through the URL hash. */
    async openLink(query: Record<string, unknown>, chart = 'bar') {
      const q = { cols: [], measures: ['clients'], filters: [], sort: { by: 'key', dir: 'asc' }, showAs: 'value', compare: 'none', per1000: false, suppress: false, ...query };
      await page.evaluate(([json, c]) => (location.hash = '#pivot?' + new URLSearchParams({ q: json!, chart: c! }).toString()), [JSON.stringify(q), chart]);
    },
  };
}

/** No page error, console warning, CSP violation or request beyond loopback; the named methods were called. */
export async function expectClean(stack: BrowserStack, methods: string[]): Promise<void> {
  expect(stack.pageErrors).toEqual([]);
  expect(stack.consoleProblems).toEqual([]);
  expect(await stack.cspViolations()).toEqual([]);
  expect(stack.blocked).toEqual([]);
  expect(stack.requests.filter((u) => !isLoopback(u))).toEqual([]);
  for (const m of methods) expect(stack.requests.some((u) => u.includes(`/api/${m}`)), m).toBe(true);
  expect(stack.requests.filter((u) => u.includes('#token='))).toEqual([]);
}

// The pivot view end to end: the real data worker and browser host, the built renderer in Debian's
// Chromium. Figures are pinned to the hand-worked region (test/fixtures/handworked.md), and the page
// must stay inside its CSP and never reach beyond loopback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import type { Host } from '../../data/host/server.js';
import type { WorkerClient } from '../../data/worker-client.js';
import { writeHandworkedSet, EDE, VEENENDAAL } from '../fixtures/handworked.js';
import { DIST, isLoopback, startBrowserStack, type BrowserStack } from './browser.js';

const key = (k: string[] | 'total') => (k === 'total' ? 'total' : JSON.stringify(k));
const cellSelector = (row: string[] | 'total', col: string[] | 'total') => `table.pivot td[data-row='${key(row)}'][data-col='${key(col)}']`;

describe('pivot view in the browser host', () => {
  let stack: BrowserStack;
  let home: string;
  let backend: WorkerClient;
  let host: Host;
  let page: Page;
  let requests: string[] = [];
  let blocked: string[] = [];
  let consoleProblems: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    stack = await startBrowserStack();
    ({ home, backend, host, page, requests, blocked, consoleProblems, pageErrors } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const cellText = (row: string[] | 'total', col: string[] | 'total') => page.locator(cellSelector(row, col)).textContent({ timeout: 10_000 });
  const marks = () => page.locator('.chart g.mark-rect path').count();
  const shot = (name: string) => stack.shot(name);

  it('builds a renderer without inline scripts or handlers, so script-src self suffices', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows the empty state before any import, with the token gone from the address bar', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Spiegel' }).waitFor();
    await page.getByText('Nog geen gegevens: importeer iJw-berichten met').waitFor();
    expect(await page.locator('.empty code').textContent()).toBe('spiegel import');
    expect(page.url()).not.toContain(host.token);
    await shot('pivot-0-empty');
  });

  it('refreshes on data/changed after an import and shows the hand-worked figures (municipality × year)', async () => {
    const files = writeHandworkedSet(join(home, 'in'));
    const report = decode(await backend.call('import/files', encode({ paths: files }))) as { ok: boolean };
    expect(report.ok).toBe(true);

    await page.locator('table.pivot').waitFor({ timeout: 15_000 });
    expect(await page.locator('.peildatum').textContent()).toBe('Peildatum: 30-06-2025');
    const rowHeaders = await page.locator('table.pivot tbody th[scope=row]').allTextContents();
    expect(rowHeaders).toEqual(['Ede (0228)', 'Veenendaal (0345)']);
    expect(await page.locator('table.pivot thead th[scope=col]').allTextContents()).toEqual(['Gemeente', '2023', '2024', '2025', 'Totaal']);

    // handworked.md, "Clients, municipality × year".
    expect(await cellText([EDE], ['2023'])).toBe('1');
    expect(await cellText([EDE], ['2024'])).toBe('7');
    expect(await cellText([EDE], ['2025'])).toBe('3');
    expect(await cellText([EDE], 'total')).toBe('7');
    expect(await cellText([VEENENDAAL], ['2023'])).toBe('0');
    expect(await cellText([VEENENDAAL], ['2024'])).toBe('1');
    expect(await cellText([VEENENDAAL], ['2025'])).toBe('3');
    expect(await cellText([VEENENDAAL], 'total')).toBe('3');
    expect(await cellText('total', ['2023'])).toBe('1');
    expect(await cellText('total', ['2024'])).toBe('7');
    expect(await cellText('total', ['2025'])).toBe('6');
    expect(await cellText('total', 'total')).toBe('9');
    expect(await page.locator('table.pivot tfoot th').textContent()).toBe('Totaal');

    // Working view: exact, but 1–4 marked; zeros and 5+ are not.
    const small = page.locator(cellSelector([EDE], ['2025']));
    expect(await small.getAttribute('data-flag')).toBe('small');
    expect(await small.getAttribute('title')).toBe('kleiner dan 5');
    expect(await page.locator(cellSelector([EDE], ['2024'])).getAttribute('data-flag')).toBe('ok');
    expect(await page.locator(cellSelector([VEENENDAAL], ['2023'])).getAttribute('title')).toBeNull();

    // One bar segment per non-zero cell: Ede 2023/2024/2025, Veenendaal 2024/2025.
    await expect.poll(marks, { timeout: 10_000 }).toBe(5);
    await shot('pivot-1-municipality-year');
  });

  it('follows a change of the row dimension in grid and chart (segment × year)', async () => {
    await page.getByLabel('Rijen', { exact: true }).selectOption('segment');
    await expect.poll(() => cellText(['specialistisch'], ['2024'])).toBe('6');
    // handworked.md, "Clients, segment × year".
    expect(await cellText(['verblijf'], ['2024'])).toBe('2');
    expect(await cellText(['verblijf'], ['2025'])).toBe('1');
    expect(await cellText(['verblijf'], 'total')).toBe('3');
    expect(await cellText(['crisis'], ['2025'])).toBe('1');
    expect(await cellText(['specialistisch'], ['2023'])).toBe('1');
    expect(await cellText(['specialistisch'], ['2025'])).toBe('4');
    expect(await cellText(['specialistisch'], 'total')).toBe('6');
    expect(await cellText('total', 'total')).toBe('9');
    expect(await page.locator('table.pivot tbody th[scope=row]').allTextContents()).toEqual(['Verblijf', 'Crisis', 'Specialistisch ambulant']);
    // verblijf 2024+2025, crisis 2025, specialistisch 2023+2024+2025.
    await expect.poll(marks).toBe(6);
    const axisLabels = await page.locator('.chart .role-axis-label text').allTextContents();
    expect(axisLabels).toEqual(expect.arrayContaining(['Verblijf', 'Crisis', 'Specialistisch ambulant']));
    await shot('pivot-2-segment-year');
  });

  it('filters on one dimension value (2024 only, segment × municipality)', async () => {
    await page.getByLabel('Kolommen', { exact: true }).selectOption('municipality');
    await page.getByLabel('Filter', { exact: true }).selectOption('year');
    await page.getByLabel('Waarde', { exact: true }).selectOption('2024');
    // handworked.md, "Year 2024 only", transposed. Wait on a figure the filter changes (all years: 3).
    await expect.poll(() => cellText('total', [VEENENDAAL])).toBe('1');
    expect(await cellText(['specialistisch'], [VEENENDAAL])).toBe('1');
    expect(await cellText(['verblijf'], [EDE])).toBe('2');
    expect(await cellText(['specialistisch'], [EDE])).toBe('6');
    expect(await cellText(['verblijf'], [VEENENDAAL])).toBe('0');
    expect(await cellText('total', [EDE])).toBe('7');
    expect(await cellText('total', 'total')).toBe('7');
    expect(await page.locator('table.pivot caption').textContent()).toContain('alleen Jaar: 2024');
    await expect.poll(marks).toBe(3);
    await shot('pivot-3-filter-2024');
  });

  it('shows two row levels with a subtotal per first-level value', async () => {
    await page.getByLabel('Filter', { exact: true }).selectOption('');
    await page.getByLabel('Kolommen', { exact: true }).selectOption('year');
    await page.getByLabel('Rijen', { exact: true }).selectOption('municipality');
    await page.getByLabel('Tweede rijniveau', { exact: true }).selectOption('segment');
    await expect.poll(() => cellText([EDE, 'verblijf'], ['2024'])).toBe('2');
    // Subtotals are distinct clients per municipality, so they equal the one-level figures.
    expect(await cellText([EDE], ['2024'])).toBe('7');
    expect(await cellText([EDE], 'total')).toBe('7');
    expect(await cellText([VEENENDAAL], ['2025'])).toBe('3');
    expect(await cellText('total', 'total')).toBe('9');
    expect(await page.locator('table.pivot tr.subtotal th').first().textContent()).toBe('Totaal Ede (0228)');
    await shot('pivot-4-two-levels');
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByText('Reference date').waitFor();
    expect(await page.locator('table.pivot thead th[scope=col]').first().textContent()).toBe('Municipality');
    expect(await page.locator('table.pivot tfoot th').textContent()).toBe('Total');
    expect(await page.locator('table.pivot tr.subtotal th').first().textContent()).toBe('Total Ede (0228)');
    expect(await page.locator('td[data-flag=small]').first().getAttribute('title')).toBe('fewer than 5');
    expect(await page.getByLabel('Second row level', { exact: true }).inputValue()).toBe('segment');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('pivot-5-english');

    await page.getByRole('button', { name: 'NL' }).click();
    await page.getByText('Peildatum').waitFor();
    expect(await page.locator('table.pivot tfoot th').textContent()).toBe('Totaal');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  it('switches the measure to trajectories and to money (handworked.md)', async () => {
    await page.getByLabel('Tweede rijniveau', { exact: true }).selectOption('');
    await page.getByLabel('Rijen', { exact: true }).selectOption('municipality');
    await page.getByLabel('Kolommen', { exact: true }).selectOption('year');
    await page.getByLabel('Filter', { exact: true }).selectOption('');
    await page.getByLabel('Maat', { exact: true }).selectOption('trajectories');
    // Ede 2024: A, C, D, G (two touching periods, one trajectory), H (two providers: two), I, J = 8.
    await expect.poll(() => cellText([EDE], ['2024'])).toBe('8');
    expect(await cellText([VEENENDAAL], ['2025'])).toBe('3');
    expect(await cellText('total', ['2024'])).toBe('9');
    expect(await cellText('total', 'total')).toBe('11');
    expect(await page.locator('table.pivot caption').textContent()).toMatch(/Trajecten/);
    await shot('pivot-6-trajectories');
    // The hand-worked region has no declarations: every euro cell reads € 0.
    await page.getByLabel('Maat', { exact: true }).selectOption('claimed');
    await expect.poll(() => cellText('total', 'total')).toBe('€ 0');
    await page.getByLabel('Maat', { exact: true }).selectOption('clients');
    await expect.poll(() => cellText('total', 'total')).toBe('9');
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    expect(pageErrors).toEqual([]);
    expect(consoleProblems).toEqual([]);
    expect(await stack.cspViolations()).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => !isLoopback(u))).toEqual([]);
    // The API was reached with the token from the fragment, which never itself went over the wire.
    expect(requests.some((u) => u.includes('/api/query/pivot'))).toBe(true);
    expect(requests.filter((u) => u.includes('#token='))).toEqual([]);
  });
});

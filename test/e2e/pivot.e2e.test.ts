// The pivot workbench end to end (building, filtering, drilling, saved views): the real data worker and
// browser host, the built renderer in Debian's Chromium. Figures are pinned to the hand-worked region
// (test/fixtures/handworked.md); the page must stay inside its CSP and on loopback. Exports and meeting
// mode: pivot-export.e2e.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../data/host/server.js';
import { EDE, VEENENDAAL } from '../fixtures/handworked.js';
import { DIST, startBrowserStack, type BrowserStack } from './browser.js';
import { cellSelector, expectClean, importHandworked, TOTAL, workbench } from './pivot-page.js';

describe('pivot workbench in the browser host', () => {
  let stack: BrowserStack;
  let host: Host;
  let page: Page;
  let w: ReturnType<typeof workbench>;

  beforeAll(async () => {
    stack = await startBrowserStack();
    ({ host, page } = stack);
    w = workbench(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const cellText = (row: string[], col: string[]) => w.cellText(row, col);
  const bars = () => w.bars();
  const points = () => w.points();
  const pressButton = (name: string) => w.pressButton(name);
  const shot = (name: string) => stack.shot(name);
  const rowZone = () => page.getByRole('region', { name: 'Rijen', exact: true });

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

  it('shows the empty state before any import', async () => {
    await page.goto(host.url);
    await page.getByText('Nog geen gegevens: importeer iJw-berichten met').waitFor();
    expect(page.url()).not.toContain(host.token);
  });

  it('opens on clients per municipality × year with the hand-worked figures, exact, in grid and chart', async () => {
    await importHandworked(stack);
    await page.locator('table.pivot').waitFor({ timeout: 20_000 });
    expect(await page.locator('.peildatum').textContent()).toBe('Peildatum: 30-06-2025');
    // handworked.md, "Clients, municipality × year".
    await expect.poll(() => cellText([EDE], ['2024'])).toBe('7');
    expect(await cellText([EDE], ['2023'])).toBe('1');
    expect(await cellText([EDE], ['2025'])).toBe('3');
    expect(await cellText([EDE], TOTAL)).toBe('7');
    expect(await cellText([VEENENDAAL], ['2023'])).toBe('0');
    expect(await cellText([VEENENDAAL], ['2025'])).toBe('3');
    expect(await cellText(TOTAL, ['2025'])).toBe('6');
    expect(await cellText(TOTAL, TOTAL)).toBe('9');
    expect(await page.locator(cellSelector([EDE], ['2025'])).getAttribute('data-flag')).toBe('small');
    // One bar per non-zero figure: Ede 2023/2024/2025, Veenendaal 2024/2025; 2025 holds voorlopig months.
    await expect.poll(bars, { timeout: 10_000 }).toBe(5);
    await page.getByText('Lichter of gestippeld: voorlopige periode').waitFor();
    expect(page.url()).toMatch(/#pivot\?q=/);
    await shot('pivot-1-default');
  });

  it('draws a line over time with one point per figure, zeros included', async () => {
    await page.getByLabel('Grafiek', { exact: true }).selectOption('line');
    // Ede and Veenendaal × 2023, 2024, 2025 (Veenendaal 2023 = 0 is a point too).
    await expect.poll(points, { timeout: 10_000 }).toBe(6);
    await shot('pivot-2-line');
    await page.getByLabel('Grafiek', { exact: true }).selectOption('bar');
    await expect.poll(bars).toBe(5);
  });

  it('opens another view when its link is followed in the same moment the pivot writes its state to the address', async () => {
    // The pivot mirrors each change into the hash. A link followed before that write was lost: the write put
    // #pivot back and the view stayed (seen on CI as "the heading never appeared after the nav click").
    // The link is followed first (the hash changes now, its hashchange event comes a task later); the pivot's
    // change is rendered, and its write run, within the same task.
    await page.getByLabel('Grafiek', { exact: true }).evaluate((select: HTMLSelectElement) => {
      location.hash = '#flows';
      select.value = 'line';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.getByRole('heading', { level: 2, name: 'In- en uitstroom' }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).hash).toMatch(/^#flows/);
    // Back on the pivot it has the change that was made (from sessionStorage); it goes back to bars.
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Draaitabel', exact: true }).click();
    await expect.poll(points, { timeout: 10_000 }).toBe(6);
    await page.getByLabel('Grafiek', { exact: true }).selectOption('bar');
    await expect.poll(bars).toBe(5);
  });

  it('builds a two-level pivot by mouse: drag "Hulpvorm" into the rows', async () => {
    // Dropped below the chip already there, so it lands after it (a drop on a chip inserts before that chip).
    const box = (await rowZone().boundingBox())!;
    await page.locator('.zone-available [data-dim=segment]').dragTo(rowZone(), { targetPosition: { x: box.width / 2, y: box.height - 6 } });
    await expect.poll(() => cellText([EDE, 'verblijf'], ['2024'])).toBe('2');
    expect(await rowZone().locator('[data-dim]').evaluateAll((els) => els.map((e) => e.getAttribute('data-dim')))).toEqual(['municipality', 'segment']);
    // Subtotals are distinct clients per municipality (handworked.md): Ede 2024 = 7, not 2 + 6.
    expect(await cellText([EDE, 'specialistisch'], ['2024'])).toBe('6');
    expect(await cellText([EDE], ['2024'])).toBe('7');
    expect(await cellText([EDE, 'specialistisch'], ['2025'])).toBe('3');
    expect(await cellText([VEENENDAAL, 'crisis'], ['2025'])).toBe('1');
    expect(await cellText([VEENENDAAL], TOTAL)).toBe('3');
    expect(await cellText(TOTAL, TOTAL)).toBe('9');
    // Non-zero leaf figures: Ede·verblijf 2024; Ede·spec 2023/24/25; Veen·verblijf 2025; Veen·crisis 2025; Veen·spec 2024/25.
    await expect.poll(bars).toBe(8);
    await shot('pivot-3-two-levels-mouse');
  });

  it('does the same by keyboard: remove, add back, move up and down, focus following the chip', async () => {
    await pressButton('Hulpvorm verwijderen');
    await expect.poll(() => page.locator(cellSelector([EDE, 'verblijf'], ['2024'])).count()).toBe(0);
    await pressButton('Hulpvorm naar rijen');
    await expect.poll(() => cellText([EDE, 'verblijf'], ['2024'])).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-dim]')?.getAttribute('data-dim'))).toBe('segment');
    await pressButton('Hulpvorm omhoog');
    // Segment first: specialistisch × Ede 2024 is still the six children A C G H I J.
    await expect.poll(() => cellText(['specialistisch', EDE], ['2024'])).toBe('6');
    expect(await cellText(['specialistisch'], TOTAL)).toBe('6');
    await page.keyboard.press('Enter'); // focus stayed on the chip: the next Enter moves it again (now down)
    await expect.poll(() => cellText([EDE, 'specialistisch'], ['2024'])).toBe('6');
  });

  it('filters by one value and by a list of values, as chips that can be removed', async () => {
    const editor = page.locator('.filter-editor');
    await editor.getByLabel('Filterveld').selectOption('year');
    await editor.getByLabel('Voorwaarde').selectOption('==');
    await editor.getByLabel('Waarde', { exact: true }).selectOption('2024');
    await editor.getByRole('button', { name: 'Filter toevoegen' }).click();
    // handworked.md, "Year 2024 only": Ede 7 (verblijf D H = 2), Veenendaal 1, region 7.
    await expect.poll(() => cellText(TOTAL, TOTAL)).toBe('7');
    expect(await cellText([EDE, 'verblijf'], ['2024'])).toBe('2');
    expect(await cellText([VEENENDAAL], TOTAL)).toBe('1');
    expect(await page.locator('table.pivot caption').textContent()).toContain('Jaar is 2024');
    await page.getByRole('button', { name: 'Filter Jaar is 2024 verwijderen' }).click();
    await expect.poll(() => cellText(TOTAL, TOTAL)).toBe('9');

    await editor.getByLabel('Filterveld').selectOption('segment');
    await editor.getByLabel('Voorwaarde').selectOption('in');
    await editor.getByLabel(/^Waarden/).selectOption(['verblijf', 'crisis']);
    await editor.getByRole('button', { name: 'Filter toevoegen' }).click();
    // Verblijf D H L, crisis K: Ede D H = 2, Veenendaal K L = 2, region 4.
    await expect.poll(() => cellText(TOTAL, TOTAL)).toBe('4');
    expect(await cellText([EDE], TOTAL)).toBe('2');
    expect(await cellText([VEENENDAAL], TOTAL)).toBe('2');
    await shot('pivot-4-filter');
    await page.getByRole('button', { name: /^Filter Hulpvorm is een van .* verwijderen$/ }).click();
    await expect.poll(() => cellText(TOTAL, TOTAL)).toBe('9');
  });

  it('opens the definitions panel from the one registry', async () => {
    await page.getByRole('button', { name: 'Definities', exact: true }).click();
    await page.locator('.definitions-panel').getByText('Cliënten', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Definities verbergen', exact: true }).click();
    expect(await page.locator('.definitions-panel').count()).toBe(0);
  });

  it('drills into a cell by mouse and by keyboard', async () => {
    await page.locator(cellSelector([EDE, 'verblijf'], ['2024'])).dblclick();
    const panel = page.locator('.drill-panel');
    await panel.locator('.drill-count').waitFor({ timeout: 10_000 });
    // D (assignment 4001) and H (8001), both verblijf in Ede in 2024.
    expect(await panel.locator('.drill-count').textContent()).toContain('2 kinderen');
    const numbers = await panel.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(numbers)).toEqual(new Set(['4001', '8001']));
    await shot('pivot-5-drill');
    await page.locator(cellSelector([VEENENDAAL, 'crisis'], ['2025'])).focus();
    await page.keyboard.press('Enter');
    // K's crisis care (assignment 11001), one record per month of care in 2025.
    await expect.poll(async () => [...new Set(await panel.locator('tbody tr td:nth-child(5)').allTextContents())]).toEqual(['11001']);
    expect(await panel.locator('.drill-count').textContent()).toContain('1 kind');
  });

  it('saves the view with its chart, survives a reload through the hash, and restores the saved view', async () => {
    await page.getByLabel('Grafiek', { exact: true }).selectOption('stacked');
    await page.locator('.views-menu summary').click();
    await page.getByLabel('Naam van de weergave').fill('Hulpvorm per gemeente');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('button', { name: 'Weergave Hulpvorm per gemeente openen' }).waitFor();
    await page.locator('.views-menu summary').click();

    // Change the working pivot, then reload: the hash brings back this (changed) pivot.
    await pressButton('Hulpvorm verwijderen');
    await expect.poll(() => page.locator(cellSelector([EDE, 'verblijf'], ['2024'])).count()).toBe(0);
    await page.reload();
    await expect.poll(() => cellText([EDE], ['2024']), { timeout: 20_000 }).toBe('7');
    expect(await page.locator(cellSelector([EDE, 'verblijf'], ['2024'])).count()).toBe(0);
    expect(await page.getByLabel('Grafiek', { exact: true }).inputValue()).toBe('stacked');

    await page.locator('.views-menu summary').click();
    await page.getByRole('button', { name: 'Weergave Hulpvorm per gemeente openen' }).click();
    await expect.poll(() => cellText([EDE, 'verblijf'], ['2024'])).toBe('2');
    expect(await page.getByLabel('Grafiek', { exact: true }).inputValue()).toBe('stacked');
    await page.locator('.views-menu summary').click();
    await shot('pivot-6-restored');
  });

  it('speaks English too', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('region', { name: 'Rows', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Municipality to columns', exact: true }).waitFor();
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await rowZone().waitFor();
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    await expectClean(stack, ['query/pivot', 'query/drill', 'views/save', 'views/list', 'meta/dimensions']);
  });
});

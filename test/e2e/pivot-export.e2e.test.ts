// The pivot workbench's exports and meeting mode end to end: CSV read back and compared cell by cell with
// the grid (also with a row collapsed), the clipboard with the CSV, XLSX, the chart as PNG/SVG drawn from
// suppressed figures; meeting mode suppressing on screen. Pivots are opened through the URL hash, as a
// pasted link would. Figures: test/fixtures/handworked.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDE, VEENENDAAL } from '../fixtures/handworked.js';
import { ARTIFACTS, startBrowserStack, type BrowserStack } from './browser.js';
import { cellSelector, expectClean, importHandworked, key, parseCsv, TOTAL, workbench } from './pivot-page.js';

describe('pivot workbench exports and meeting mode in the browser host', () => {
  let stack: BrowserStack;
  let page: Page;
  let w: ReturnType<typeof workbench>;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-export-');
    page = stack.page;
    w = workbench(stack);
    await stack.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(stack.host.url).origin });
    await page.goto(stack.host.url);
    await page.getByText('Nog geen gegevens').waitFor();
    await importHandworked(stack);
    // The opening pivot with the imported figures (handworked.md: Ede 2024 = 7).
    await page.locator(cellSelector([EDE], ['2024']), { hasText: /^7$/ }).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('exports CSV that equals the grid cell by cell, also with a row collapsed; the clipboard equals the CSV; XLSX too', async () => {
    await w.openLink({ rows: ['municipality', 'segment'], cols: ['year'], suppress: true }, 'stacked');
    // Suppressed (handworked.md): Ede 2023 is C alone.
    await expect.poll(() => w.cellText([EDE], ['2023']), { timeout: 10_000 }).toBe('<5');
    await page.locator('.export-menu summary').click();

    for (const collapse of [false, true]) {
      if (collapse) {
        await page.locator(`[data-toggle='${key([EDE])}']`).click();
        await expect.poll(() => page.locator(cellSelector([EDE, 'verblijf'], ['2024'])).count()).toBe(0);
      }
      const { file, bytes } = await w.download(() => page.getByRole('button', { name: 'CSV (Excel)' }).click());
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const lines = parseCsv(bytes);
      const header = lines.findIndex((l) => l[0] === 'Gemeente' && l[1] === 'Hulpvorm');
      expect(header).toBeGreaterThan(0);
      const body = lines.slice(header + 1);
      expect(body.map((l) => l.slice(2))).toEqual(await w.gridBody());
      expect(body.some((l) => l[1] === 'Verblijf' && (l[0] ?? '').startsWith('Ede'))).toBe(!collapse);
      for (const small of ['1', '2', '3', '4']) expect(body.flat()).not.toContain(small);
      if (!collapse) {
        await page.getByRole('button', { name: 'Kopieer naar klembord' }).click();
        await page.getByText('Tabel gekopieerd naar het klembord').waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied.split('\r\n').filter(Boolean).map((l) => l.split('\t'))).toEqual(lines);
      }
    }
    const xlsx = await w.download(() => page.getByRole('button', { name: 'XLSX' }).click());
    expect(xlsx.file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // Suppressed, every leaf figure of this pivot is hidden: no picture rather than an empty one.
    await page.getByRole('button', { name: 'Grafiek als PNG' }).click();
    await page.getByText('na onderdrukking blijft niets te tekenen').waitFor();
    await stack.shot('pivot-export-1-csv');
    await page.locator('.export-menu summary').click();
  });

  it('exports the chart as PNG and SVG, drawn from the suppressed figures while the screen is exact', async () => {
    await w.openLink({ rows: ['year'] });
    // handworked.md: 2023 = 1 (C), 2024 = 7, 2025 = 6; three bars on screen.
    await expect.poll(() => w.cellText(['2024'], TOTAL)).toBe('7');
    expect(await w.cellText(['2023'], TOTAL)).toBe('1');
    expect(await w.cellText(['2025'], TOTAL)).toBe('6');
    await expect.poll(w.bars).toBe(3);
    await page.locator('.export-menu summary').click();
    const png = await w.download(() => page.getByRole('button', { name: 'Grafiek als PNG' }).click());
    expect(png.file.suggestedFilename()).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    writeFileSync(join(ARTIFACTS, 'pivot-export-chart.png'), png.bytes);
    const svg = await w.download(() => page.getByRole('button', { name: 'Grafiek als SVG' }).click());
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg/);
    expect(text).toContain('kleine aantallen (1-4) onderdrukt');
    // Suppressed: 2023 (1) is primary, 2025 (6) secondary (the only other figure beside the shown total), so one bar: 2024.
    const marks = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(text);
    expect(marks?.[1]?.match(/<path/g)?.length).toBe(1);
    await page.locator('.export-menu summary').click();
    await stack.shot('pivot-export-2-year');
  });

  it('meeting mode: suppressed on screen, no drill-through, a banner; Esc leaves it', async () => {
    await w.openLink({ rows: ['municipality'], cols: ['year'] });
    await expect.poll(() => w.cellText([EDE], ['2023'])).toBe('1');
    await page.getByRole('button', { name: 'Vergadermodus', exact: true }).click();
    await page.getByText('Vergadermodus: kleine aantallen onderdrukt').waitFor();
    // handworked.md, "With suppression": shown are only Veenendaal 2023 (0), total 2024 (7) and the grand total (9).
    await expect.poll(() => w.cellText([EDE], ['2023'])).toBe('<5');
    expect(await w.cellText([EDE], ['2024'])).toBe('x');
    expect(await w.cellText([VEENENDAAL], ['2024'])).toBe('<5');
    expect(await w.cellText([VEENENDAAL], ['2023'])).toBe('0');
    expect(await w.cellText(TOTAL, ['2024'])).toBe('7');
    expect(await w.cellText(TOTAL, ['2025'])).toBe('x');
    expect(await w.cellText(TOTAL, TOTAL)).toBe('9');
    // Nothing drawable is left (the zero draws no bar); the chart says what it leaves out.
    await page.getByText('5 onderdrukte cellen zijn niet getekend.').waitFor();
    expect(await w.bars()).toBe(0);
    expect(await page.getByRole('button', { name: 'Toon records (Enter)' }).count()).toBe(0);
    await page.locator(cellSelector(TOTAL, TOTAL)).dblclick();
    expect(await page.locator('.drill-panel').count()).toBe(0);
    expect(await page.locator('.workbench.meeting').count()).toBe(1);
    await page.locator('.workbench.meeting').evaluate((el) => el.scrollTo(0, 0));
    await stack.shot('pivot-export-3-meeting');

    await page.getByText('Vergadermodus: kleine aantallen onderdrukt').click(); // focus out of the grid
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.workbench.meeting').count()).toBe(0);
    await expect.poll(() => w.cellText([EDE], ['2024'])).toBe('7');
    await expect.poll(w.bars).toBe(5);
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    await expectClean(stack, ['query/pivot', 'export/pivot']);
  });
});

// The steering view (Sturing, issue 9) end to end on the hand-worked region (test/fixtures/handworked.md):
// make an indicator from a pivot, see its monthly series and status, close a month, and print the monthly
// report to PDF (pages rendered with pdftoppm and looked at). The page must stay inside its CSP and on loopback.
//
// The indicator: clients in specialistisch ambulant per month. Its care (handworked.md; specialistisch spells
// as in flows.e2e.test.ts): A 2024-03-10..2025-02-28 · C 2023-01-01..2024-02-15 · G 2024-01-01..2024-12-31 ·
// H (45) 2024-05-01..2025-03-31 · I 2024-01-01..2025-06-30 · J 2024-01-01..open (peildatum 2025-06-30).
// Children in care in a month:
//   2023-06..2023-12  C                1   (7 months)
//   2024-01..2024-02  C G I J          4
//   2024-03..2024-04  A G I J          4
//   2024-05..2024-12  A G H I J        5   (8 months)
//   2025-01..2025-02  A H I J          4
//   2025-03           H I J            3
//   2025-04..2025-06  I J              2   (voorlopig: less than 3 months before the peildatum)
// Baseline 2024-06 (left empty: the engine's own value, 5), target 1 on 2025-12-31, lower is better. The series
// runs from 12 months before the baseline (2023-06) to the target month (2025-12): 25 months with a value.
// Target line: 5 − 4·k/18 for the k-th month after 2024-06. Status (last 3 non-voorlopig months after the
// baseline): 2025-01..03, values 4 4 3 against 3,444 3,222 3,000 → mean gap (0,556 + 0,778 + 0)/3 = 0,444 >
// band 0,1 × |1 − 5| = 0,4 → off track. Closing 2025-04 makes it count: 2025-02..04, values 4 3 2 against
// 3,222 3,000 2,778 → mean gap (0,778 + 0 − 0,778)/3 = 0 → on track.
import { existsSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.js';
import { startBrowserStack, type BrowserStack } from './browser.js';
import { expectClean, importHandworked, workbench } from './pivot-page.js';
import { printToPdf, steeringPage } from './steering-page.js';

const NAME = 'Minder specialistisch ambulant';

describe('steering view in the browser host', () => {
  let stack: BrowserStack;
  let page: Page;
  let s: ReturnType<typeof steeringPage>;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-steering-');
    page = stack.page;
    s = steeringPage(stack);
    await page.goto(stack.host.url);
    await page.getByText('Nog geen gegevens').waitFor();
    await importHandworked(stack);
    await page.locator('table.pivot').first().waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('makes an indicator from the pivot: its measure and filter, a baseline month, a target and a direction', async () => {
    await workbench(stack).openLink({ rows: ['month'], filters: [['segment', '==', 'specialistisch']] }, 'line');
    // The pivot shows the hand-worked monthly figure the indicator will take as its baseline.
    await expect.poll(() => workbench(stack).cellText(['2024-06'], []), { timeout: 15_000 }).toBe('5');
    await page.getByRole('button', { name: 'Maak indicator', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Indicator maken van deze draaitabel' });
    await dialog.waitFor();
    await dialog.getByLabel('Naam', { exact: true }).fill(NAME);
    await dialog.getByLabel('Project', { exact: true }).fill('Ambulant dichtbij');
    await dialog.getByLabel('Nulmeting: maand').selectOption('2024-06');
    await dialog.getByLabel('Doelwaarde').fill('1');
    // A date pasted as 2025-12-31 is read and shown back as Spiegel writes dates (a text field, not the
    // browser's date input with its mm/dd/yyyy in an American locale).
    await dialog.getByLabel('Doeldatum').fill('2025-12-31');
    await dialog.getByLabel('Doeldatum').press('Tab');
    expect(await dialog.getByLabel('Doeldatum').inputValue()).toBe('31-12-2025');
    await dialog.getByLabel('Richting').selectOption('down');
    await stack.shot('steering-1-make-indicator');
    await expectAccessible(page, 'the Maak indicator dialog');
    await dialog.getByRole('button', { name: 'Indicator opslaan' }).click();
    await page.getByText(`Indicator ‘${NAME}’ opgeslagen.`).waitFor();
  });

  it('shows it in the steering view, suppressed: only months with 5 or more children are drawn', async () => {
    await page.getByRole('link', { name: 'Bekijk in Sturing' }).click();
    await page.getByRole('heading', { name: 'Sturing', level: 2 }).waitFor();
    await s.card(NAME).waitFor({ timeout: 15_000 });
    // 2024-05..2024-12 have 5 children; every other month has 1–4 and is left out.
    await expect.poll(() => s.points(NAME), { timeout: 15_000 }).toBe(8);
    expect(await s.targetLines(NAME)).toBe(1);
    expect(await s.text(NAME, '.baseline-value')).toBe('5');
    expect(await s.text(NAME, '.latest-value')).toBe('<5voorlopig');
    expect(await s.text(NAME, '.hint')).toContain('8 van 25 maanden getekend');
    await stack.shot('steering-2-suppressed');
  });

  it('draws all 25 months exact in the working view, with the status and its rule', async () => {
    await page.getByLabel('Kleine aantallen onderdrukken').uncheck();
    await expect.poll(() => s.points(NAME), { timeout: 15_000 }).toBe(25);
    expect(await s.text(NAME, '.latest-value')).toBe('2voorlopig');
    expect(await s.text(NAME, '.target-value')).toBe('1');
    expect(await s.status(NAME)).toBe('offTrack');
    expect(await s.text(NAME, '.status-badge')).toBe('Uit koers');
    expect(await s.text(NAME, '.status-rule')).toContain('gemiddeld over de laatste 3 maanden');
    expect(await s.text(NAME, '.status-rule')).toContain('(maanden: jan 2025, feb 2025, mrt 2025)');
    await stack.shot('steering-3-exact');
    await expectAccessible(page, 'the steering view');
  });

  it('closes a month: the month is frozen with its batch, stops being voorlopig and counts for the status', async () => {
    await page.getByLabel('Maand', { exact: true }).selectOption('2025-04');
    await page.getByRole('button', { name: 'Maand sluiten', exact: true }).click();
    await expect.poll(() => s.closedRow('2025-04').count(), { timeout: 15_000 }).toBe(1);
    // The hand-worked set is one import: batch #1; one indicator frozen.
    expect(await s.closedRow('2025-04').locator('td.batches').textContent()).toBe('#1');
    expect(await s.closedRow('2025-04').locator('td.num').textContent()).toBe('1');
    await expect.poll(() => s.status(NAME), { timeout: 15_000 }).toBe('onTrack');
    expect(await s.text(NAME, '.status-rule')).toContain('(maanden: feb 2025, mrt 2025, apr 2025)');
    await page.locator('.months-section').scrollIntoViewIfNeeded();
    await stack.shot('steering-4-month-closed');
  });

  it('suppresses in meeting mode and hides closing, reopening and deleting; Esc leaves it', async () => {
    await page.getByRole('button', { name: 'Vergadermodus', exact: true }).click();
    await page.getByText('Vergadermodus: kleine aantallen onderdrukt').waitFor();
    await expect.poll(() => s.text(NAME, '.latest-value'), { timeout: 15_000 }).toBe('<5voorlopig');
    await expect.poll(() => s.points(NAME), { timeout: 15_000 }).toBe(8);
    expect(await page.getByRole('button', { name: 'Maand sluiten' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'apr 2025 heropenen' }).count()).toBe(0);
    expect(await page.locator('.indicator-more').count()).toBe(0);
    await stack.shot('steering-5-meeting');
    await page.keyboard.press('Escape');
    await expect.poll(() => s.text(NAME, '.latest-value'), { timeout: 15_000 }).toBe('2voorlopig');
  });

  it('prints the monthly report to PDF: the indicator, its chart and definition, suppressed', async () => {
    await page.getByRole('button', { name: 'Maandrapportage', exact: true }).click();
    await page.getByRole('heading', { name: 'Maandrapportage sturing', level: 2 }).waitFor();
    const report = page.locator('.steering-report');
    await expect.poll(() => s.points(NAME), { timeout: 15_000 }).toBe(8);
    // Suppressed whatever the working view said: the latest month (2 children) is "<5", no figure of 1–4 shown.
    expect(await s.text(NAME, '.latest-value')).toBe('<5voorlopig');
    const figures = await report.locator('.indicator-figures dd.latest-value, .indicator-figures dd.baseline-value').allTextContents();
    for (const f of figures) expect(f).not.toMatch(/^[1-4](voorlopig)?$/);
    expect(await report.locator('.indicator-definition').textContent()).toContain('Cliënten per maand. Filter: Hulpvorm is Specialistisch ambulant.');
    await stack.shot('steering-6-report-screen');
    await expectAccessible(page, 'the monthly report');

    const { pdf, text, pngs } = await printToPdf(stack, 'steering-report');
    expect(existsSync(pdf) && statSync(pdf).size > 1000).toBe(true);
    expect(pngs.length).toBeGreaterThan(0);
    expect(text).toContain(NAME);
    expect(text).toContain('Maandrapportage sturing');
    expect(text).toContain('Peildatum: 30-06-2025');
    // The toolbar and the app's header are not printed.
    expect(text).not.toContain('Afdrukken of PDF');
    expect(text).not.toContain('Draaitabel');
  });

  it('speaks English too', async () => {
    await page.getByRole('button', { name: 'Back to Steering' }).or(page.getByRole('button', { name: 'Terug naar Sturing' })).click();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Steering', level: 2 }).waitFor();
    await expect.poll(() => s.text(NAME, '.status-badge')).toBe('On track');
    await stack.shot('steering-7-english');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByRole('heading', { name: 'Sturing', level: 2 }).waitFor();
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    await expectClean(stack, ['indicators/save', 'indicators/series', 'months/list', 'months/close', 'analysis/signals', 'analysis/forecast', 'analysis/waiting', 'analysis/delivery']);
  });
});

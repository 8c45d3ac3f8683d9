// The flows view (In- en uitstroom, issue 6) end to end: the real data worker and browser host, the built
// renderer in Debian's Chromium. Every figure is worked out by hand from the hand-worked region
// (test/fixtures/handworked.md, DOMAIN.md §5–§6) in the comments next to it; the page must stay inside its
// CSP and on loopback.
//
// Region spells (all of a child's care merged): A 2024-03-10..2025-02-28 · C 2023-01-01..2024-02-15 ·
// D 2024-01-01..2024-09-30 · G 2024-01-01..2024-12-31 · H 2024-02-01..2025-03-31 · I 2024-01-01..2025-06-30
// (Ede then Veenendaal, touching) · J 2024-01-01..open · K 2025-01-10..2025-02-10 · L 2025-03-01..open.
// Peildatum 2025-06-30; the first care is 2023-01-01, so every period has an incomplete history.
// A generated region at a realistic size: flows-region.e2e.test.ts.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserStack, type BrowserStack } from './browser.js';
import { flowsPage } from './flows-page.js';
import { expectClean, importHandworked, parseCsv } from './pivot-page.js';

describe('flows view in the browser host', () => {
  let stack: BrowserStack;
  let page: Page;
  let f: ReturnType<typeof flowsPage>;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-flows-');
    page = stack.page;
    f = flowsPage(stack);
    await page.goto(stack.host.url);
    await page.getByText('Nog geen gegevens').waitFor();
    await importHandworked(stack);
    await page.locator('table.pivot').first().waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('opens from the navigation on the region per year, suppressed, then exact in the working view', async () => {
    await page.getByRole('link', { name: 'In- en uitstroom', exact: true }).click();
    await page.getByRole('heading', { name: 'In- en uitstroom', level: 2 }).waitFor();
    await expect.poll(() => f.periods(), { timeout: 15_000 }).toEqual(['2023', '2024', '2025']);
    // Suppressed view (default): 2024 beginstand 1 (C) and eindstand 4 (A H I J) are 1–4; nieuw 6 (A D G H I J)
    // is shown (its parts herhaald 0 and doorstroom 0 are zeros, never suppressed); zeros stay zeros.
    await expect.poll(() => f.figure('2024', 'all', 'beginstand'), { timeout: 15_000 }).toBe('<5');
    expect(await f.figure('2024', 'all', 'eindstand')).toBe('<5');
    expect(await f.figure('2024', 'all', 'instroom.nieuw')).toBe('6');
    expect(await f.figure('2024', 'all', 'instroom.herhaald')).toBe('0');
    await stack.shot('flows-1-suppressed');

    // Keyboard: Tab-reachable checkbox, Space toggles it.
    await page.getByLabel('Kleine aantallen onderdrukken').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => f.figure('2024', 'all', 'beginstand'), { timeout: 10_000 }).toBe('1');
    // 2023: C starts. 2024: in C; A D G H I J start; C (stop 31: gepland), D (shortened assignment, RedenWijziging
    // 01: onbekend) and G (assignment end, no stop: onbekend) end; A H I J remain. 2025 (to 30-06): K L start;
    // A (stop 31) and K (stop 31) gepland, H and I (assignment ends) onbekend; J L remain.
    const expected: Record<string, Record<string, string>> = {
      '2023': { beginstand: '0', 'instroom.nieuw': '1', 'instroom.herhaald': '0', 'instroom.total': '1', 'uitstroom.total': '0', eindstand: '1' },
      '2024': { beginstand: '1', 'instroom.nieuw': '6', 'instroom.total': '6', 'uitstroom.gepland': '1', 'uitstroom.onbekend': '2', 'uitstroom.total': '3', eindstand: '4' },
      '2025': { beginstand: '4', 'instroom.nieuw': '2', 'instroom.total': '2', 'uitstroom.gepland': '2', 'uitstroom.onbekend': '2', 'uitstroom.total': '4', eindstand: '2' },
    };
    for (const [period, figures] of Object.entries(expected)) {
      for (const [fig, value] of Object.entries(figures)) expect(await f.figure(period, 'all', fig), `${period} ${fig}`).toBe(value);
    }
    // Every period has an incomplete history (°); 2025 holds voorlopig months (*).
    expect(await page.locator("table.flows-table tr[data-period='2025'] sup.voorlopig").count()).toBe(1);
    expect(await page.locator('table.flows-table tr[data-period] sup.history').count()).toBe(3);
    // Chart: one stock point per period; bars for the non-zero parts: 2023 nieuw; 2024 nieuw, uitstroom;
    // 2025 nieuw, uitstroom = 5. The shaded history band is a layer of its own (3 periods).
    await expect.poll(() => f.marks('stock-chart', 'stockpoints'), { timeout: 10_000 }).toBe(3);
    expect(await f.marks('flow-bars', 'flowbars')).toBe(5);
    expect(await f.marks('flow-bars', 'history')).toBe(3);
    await stack.shot('flows-2-region-year');
  });

  it('exports the table suppressed, whatever the screen shows', async () => {
    await page.locator('.export-menu summary').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (Excel)' }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const lines = parseCsv(readFileSync((await file.path())!));
    // 2024: beginstand 1 and eindstand 4 are small, nieuw 6 is not (see above).
    const row2024 = lines.find((l) => l[0] === '2024');
    expect(row2024).toBeDefined();
    expect(row2024).toContain('<5');
    expect(row2024).toContain('6');
    for (const small of ['1', '2', '3', '4']) expect(lines.slice(1).flat()).not.toContain(small);
    await page.locator('.export-menu summary').click();
  });

  it('switches to quarters and to a breakdown per segment, each with its own spells', async () => {
    await f.select('Periode-indeling', 'quarter');
    await expect.poll(() => f.periods(), { timeout: 10_000 }).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    // 2024-Q1: in C; D G I J (01-01), H (02-01), A (03-10) start; C ends (02-15, stop 31). Q3: in A D G H I J;
    // nobody starts (I's move is one region spell); D ends (09-30, onbekend).
    const q: [string, string, string][] = [
      ['2024-Q1', 'beginstand', '1'], ['2024-Q1', 'instroom.nieuw', '6'], ['2024-Q1', 'uitstroom.gepland', '1'], ['2024-Q1', 'eindstand', '6'],
      ['2024-Q3', 'beginstand', '6'], ['2024-Q3', 'instroom.total', '0'], ['2024-Q3', 'uitstroom.onbekend', '1'], ['2024-Q3', 'eindstand', '5'],
    ];
    for (const [period, fig, value] of q) await expect.poll(() => f.figure(period, 'all', fig), { timeout: 10_000, message: `${period} ${fig}` }).toBe(value);
    await stack.shot('flows-3-region-quarter');

    await f.select('Uitsplitsing', 'segment');
    // Specialistisch spells: A, C, G (touching periods merged), H from 05-01, I (Ede then Veenendaal), J.
    // 2024-Q2: in A G I J; H starts while in verblijf the day before: doorstroom, not nieuw.
    await expect.poll(() => f.figure('2024-Q2', 'specialistisch', 'instroom.doorstroom'), { timeout: 10_000 }).toBe('1');
    expect(await f.figure('2024-Q2', 'specialistisch', 'beginstand')).toBe('4');
    expect(await f.figure('2024-Q2', 'specialistisch', 'instroom.nieuw')).toBe('0');
    expect(await f.figure('2024-Q2', 'specialistisch', 'eindstand')).toBe('5');
    // Verblijf spells D (..09-30) and H (02-01..08-31): both end in Q3; H goes on in specialistisch (doorstroom).
    expect(await f.figure('2024-Q3', 'verblijf', 'beginstand')).toBe('2');
    expect(await f.figure('2024-Q3', 'verblijf', 'uitstroom.doorstroom')).toBe('1');
    expect(await f.figure('2024-Q3', 'verblijf', 'uitstroom.total')).toBe('2');
    expect(await f.figure('2024-Q3', 'verblijf', 'eindstand')).toBe('0');
    // Crisis: K, 2025-01-10..02-10.
    expect(await f.figure('2025-Q1', 'crisis', 'instroom.nieuw')).toBe('1');
    expect(await f.figure('2025-Q1', 'crisis', 'uitstroom.total')).toBe('1');

    // The chart of specialistisch: a stock point per quarter (10); bars: 2023-Q1 nieuw (C); 2024-Q1 nieuw (A G I J)
    // and uitstroom (C); 2024-Q2 doorstroom (H); 2024-Q4 uitstroom (G); 2025-Q1 uitstroom (A H); 2025-Q2 uitstroom (I) = 7.
    await f.select('Groep in de grafiek', 'specialistisch');
    await expect.poll(() => f.marks('flow-bars', 'flowbars'), { timeout: 10_000 }).toBe(7);
    expect(await f.marks('stock-chart', 'stockpoints')).toBe(10);
    await stack.shot('flows-4-segment-quarter');
  });

  it('filters on one segment: verblijf alone, with its own spells', async () => {
    await f.select('Uitsplitsing', 'region');
    await f.select('Zorgvorm', 'verblijf');
    // Verblijf spells D and H: in care on 2024-06-30 both, both ended by 09-30.
    await expect.poll(() => f.figure('2024-Q3', null, 'beginstand'), { timeout: 10_000 }).toBe('2');
    expect(await f.figure('2024-Q3', null, 'uitstroom.total')).toBe('2');
    expect(await f.figure('2024-Q3', null, 'eindstand')).toBe('0');
    expect(await page.locator('table.flows-table caption').textContent()).toContain('Zorgvorm: Verblijf');
    await stack.shot('flows-5-segment-filter');
    await f.select('Zorgvorm', '');
  });

  it('draws doorstroom for a quarter and opens the children behind a band, by mouse and by keyboard', async () => {
    await f.select('Periode voor doorstroom en groei', '2024-Q3');
    // Heaviest segment on 2024-06-30 and on 2024-09-30: D verblijf → verblijf; H verblijf (and ambulant) →
    // specialistisch; A G I J specialistisch → specialistisch.
    await expect.poll(() => f.matrix('verblijf', 'specialistisch'), { timeout: 10_000 }).toBe('1');
    expect(await f.matrix('verblijf', 'verblijf')).toBe('1');
    expect(await f.matrix('specialistisch', 'specialistisch')).toBe('4');
    expect(await f.matrix('verblijf', 'total')).toBe('2');
    expect(await f.matrix('total', 'specialistisch')).toBe('5');
    expect(await f.matrix('total', 'total')).toBe('6');
    await expect.poll(() => f.marks('sankey', 'bands'), { timeout: 10_000 }).toBe(3);
    await stack.shot('flows-6-doorstroom');

    // Without the stayers one band is left: verblijf → specialistisch. Click it.
    await page.getByLabel('Ook kinderen tonen die in dezelfde zorgvorm blijven').uncheck();
    await expect.poll(() => f.marks('sankey', 'bands')).toBe(1);
    await page.locator('.sankey g.bands_marks path').first().click();
    const panel = page.locator('.children-panel');
    await expect.poll(() => panel.locator('.children-count').textContent(), { timeout: 10_000 }).toBe('1 kind');
    // H: verblijf assignment 8001 on 06-30, ambulant 8002 on both days.
    expect(await f.assignments()).toEqual(new Set(['8001', '8002']));
    expect(await panel.locator('td code').first().textContent()).toMatch(/^[0-9a-f]{12}$/);
    await stack.shot('flows-7-band-children');

    // The matrix cell by keyboard: A (1001), G (7002 from 04-01), I (9001 in Ede on 06-30, 9002 in Veenendaal on 09-30), J (10001).
    await page.getByRole('button', { name: /^Specialistisch ambulant naar Specialistisch ambulant: 4 kinderen tonen$/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.children-count').textContent(), { timeout: 10_000 }).toBe('4 kinderen');
    expect(await f.assignments()).toEqual(new Set(['1001', '7002', '9001', '9002', '10001']));
    await page.getByLabel('Ook kinderen tonen die in dezelfde zorgvorm blijven').check();
  });

  it('decomposes growth per segment for a quarter', async () => {
    // Specialistisch spells (see above) in 2024-Q2: in A G I J on 04-01; H starts 05-01 while in verblijf the
    // day before (from another segment); nobody leaves: 4 + 1 = 5. Verblijf: D and H stay: 2 → 2.
    await f.select('Periode voor doorstroom en groei', '2024-Q2');
    await expect.poll(() => f.growth('specialistisch', 'fromOtherSegments'), { timeout: 10_000 }).toBe('1');
    const spec: [string, string][] = [['beginstand', '4'], ['nieuw', '0'], ['herhaald', '0'], ['toOtherSegments', '0'], ['outOfCare', '0'], ['eindstand', '5'], ['change', '+1']];
    for (const [fig, value] of spec) expect(await f.growth('specialistisch', fig), fig).toBe(value);
    const verblijf: [string, string][] = [['beginstand', '2'], ['fromOtherSegments', '0'], ['toOtherSegments', '0'], ['outOfCare', '0'], ['eindstand', '2'], ['change', '0']];
    for (const [fig, value] of verblijf) expect(await f.growth('verblijf', fig), fig).toBe(value);
    // The waterfall of the busiest segment (specialistisch): seven steps, all known.
    await expect.poll(() => f.marks('waterfall', 'steps'), { timeout: 10_000 }).toBe(7);
    expect(await page.locator('.growth-box figcaption').textContent()).toContain('Specialistisch ambulant');
    await stack.shot('flows-8-growth');

    // 2024-Q3: verblijf loses H to specialistisch (in care there the day after 08-31) and D out of care: 2 − 1 − 1 = 0.
    // H was already in the specialistisch spells since 05-01, so that segment neither gains nor loses: 5 → 5.
    await f.select('Periode voor doorstroom en groei', '2024-Q3');
    await expect.poll(() => f.growth('verblijf', 'toOtherSegments'), { timeout: 10_000 }).toBe('1');
    expect(await f.growth('verblijf', 'outOfCare')).toBe('1');
    expect(await f.growth('verblijf', 'eindstand')).toBe('0');
    expect(await f.growth('specialistisch', 'beginstand')).toBe('5');
    expect(await f.growth('specialistisch', 'fromOtherSegments')).toBe('0');
    expect(await f.growth('specialistisch', 'change')).toBe('0');
    await page.locator("table.growth-table tr[data-segment='verblijf'] button").click();
    await expect.poll(() => page.locator('.growth-box figcaption').textContent()).toContain('Verblijf');
    await expect.poll(() => f.marks('waterfall', 'steps')).toBe(7);
  });

  it('shows durations of care', async () => {
    // Region spells ended by the peildatum, in days (end − start + 1): K 32, D 274, A 356, G 366, C 411, H 425, I 547
    // → 7, mean 2411/7 = 344,4, median 366; classes 1–90: K; 183–365: D A; 366–730: G C H I.
    expect(await f.duration('spells', 'ended', 'count')).toBe('7');
    expect(await f.duration('spells', 'ended', 'mean')).toBe('344,4');
    expect(await f.duration('spells', 'ended', 'median')).toBe('366');
    expect(await f.duration('spells', 'ended', 'class-0')).toBe('1');
    expect(await f.duration('spells', 'ended', 'class-2')).toBe('2');
    expect(await f.duration('spells', 'ended', 'class-3')).toBe('4');
    // Still running on 2025-06-30: J (547 days) and L (122 days): mean and median 334,5.
    expect(await f.duration('spells', 'ongoing', 'count')).toBe('2');
    expect(await f.duration('spells', 'ongoing', 'median')).toBe('334,5');
    await page.locator('.durations-box').scrollIntoViewIfNeeded();
    await stack.shot('flows-9-durations');
  });

  it('suppresses and hides the children in meeting mode; Esc leaves it', async () => {
    await page.locator("table.doorstroom-matrix button.cell-button").first().click();
    await page.locator('.children-panel').waitFor();
    await page.getByRole('button', { name: 'Vergadermodus', exact: true }).click();
    await page.getByText('Vergadermodus: kleine aantallen onderdrukt').waitFor();
    // Region 2024-Q3 uitstroom is D alone.
    await expect.poll(() => f.figure('2024-Q3', 'all', 'uitstroom.total'), { timeout: 10_000 }).toBe('<5');
    expect(await page.locator('.children-panel').count()).toBe(0);
    expect(await page.locator('table.doorstroom-matrix button.cell-button').count()).toBe(0);
    await stack.shot('flows-10-meeting');
    await page.keyboard.press('Escape');
    await expect.poll(() => f.figure('2024-Q3', 'all', 'uitstroom.total'), { timeout: 10_000 }).toBe('1');
  });

  it('speaks English too', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Inflow and outflow', level: 2 }).waitFor();
    await page.getByLabel('Breakdown', { exact: true }).waitFor();
    await stack.shot('flows-11-english');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByRole('heading', { name: 'In- en uitstroom', level: 2 }).waitFor();
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    await expectClean(stack, ['query/flows', 'query/doorstroom', 'query/doorstroom-children', 'query/growth', 'query/durations', 'export/flows']);
  });
});

// The compare view (Vergelijken, issue 8) end to end on the hand-worked region (test/fixtures/handworked.md)
// with hand-built reference files (compare-page.ts): a population table, a leerplicht extract, DUO's school
// list and a CBS StatLine table. Every figure is worked out by hand in the comments next to it.
//
// Care periods (handworked.md): Ede A 2024-03-10..2025-02-28 (P1) · C 2023-01-01..2024-02-15 · D verblijf
// 2024-01-01..09-30 · G 2024 · H verblijf 2024-02-01..08-31 (P1) and specialistisch 2024-05-01..2025-03-31 (P2)
// · I Ede to 2024-06-30, Veenendaal 2024-07-01..2025-06-30 · J open. Veenendaal K crisis 2025-01-10..02-10, L
// verblijf from 2025-03-01. Every child born 2012-05: aged 0–17 throughout. Peildatum 30-06-2025. Provider P1
// = 12345678 for everything but H's specialistisch care (P2 = 87654321). No declarations: money is zero.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOver, type SpiegelApi } from '../../core/contract/api.js';
import { SHARED_DIR } from '../fixtures/import/examples.js';
import { writeHandworkedSet } from '../fixtures/handworked.js';
import { expectAccessible } from './axe.js';
import { startBrowserStack, type BrowserStack } from './browser.js';
import { ALEXANDER, bodyCells, comparePage, TRIANGEL, VUURVLINDER, writeReferenceFiles } from './compare-page.js';
import { expectClean, parseCsv } from './pivot-page.js';

const DUO02 = join(SHARED_DIR, 'reference', 'open-data', 'duo-02-alle-schoolvestigingen-basisonderwijs.csv');
const P1 = '12345678';
const P2 = '87654321';
const SMALL = ['1', '2', '3', '4'];

describe('compare view in the browser host', () => {
  let stack: BrowserStack;
  let page: Page;
  let api: SpiegelApi;
  let c: ReturnType<typeof comparePage>;

  const download = async (button = 'CSV (Excel)') => {
    await page.locator('.compare-panel .export-menu summary').first().click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.compare-panel .export-menu').first().getByRole('button', { name: button }).click()]);
    const lines = parseCsv(readFileSync((await file.path())!));
    await page.locator('.compare-panel .export-menu summary').first().click();
    return lines;
  };
  const suppression = (on: boolean) => page.getByLabel('Kleine aantallen onderdrukken').setChecked(on);

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-compare-');
    page = stack.page;
    c = comparePage(stack);
    api = clientOver(stack.backend.call, () => () => {});
    expect((await api.invoke('import/files', { paths: writeHandworkedSet(join(stack.home, 'in')) })).ok).toBe(true);
    const ref = writeReferenceFiles(join(stack.home, 'ref'));
    for (const [path, kind, source] of [[ref.population, 'population', 'cbs-bevolking'], [DUO02, 'duo-schools', 'duo-02'], [ref.leerplicht, 'leerplicht', 'leerplicht']] as const) {
      const r = await api.invoke('tables/import', { path, kind, source });
      expect(r.ok && r.value.status, `${kind}: ${JSON.stringify(r)}`.slice(0, 600)).toBe('imported');
    }
    const cbs = await api.invoke('benchmark/import', { path: ref.cbs });
    expect(cbs.ok && cbs.value.status, JSON.stringify(cbs).slice(0, 600)).toBe('imported');
    await page.goto(stack.host.url);
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Vergelijken', exact: true }).click();
    await page.getByRole('heading', { name: 'Vergelijken', level: 2 }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('compares municipalities per 1,000 youth, suppressed, then exact in the working view', async () => {
    await c.select('Jaar', '2024');
    // 2024: Ede A C D G H I J = 7 of 1.400 youth; Veenendaal I = 1 (<5); the region 7 of 1.900 → 3,7 per 1.000.
    // Secondary suppression (DOMAIN.md §3): the region's 7 is shown and Veenendaal is the one hidden cell of the
    // municipalities, so the smallest other non-zero one, Ede's 7, goes too ('x') — and with it Ede's rate.
    // Ede met verblijf (D H = 2) is hidden. The chart has nothing left to draw.
    await expect.poll(() => c.cell('municipalities-table', 'region', 'clients'), { timeout: 20_000 }).toBe('7');
    expect(await c.cell('municipalities-table', 'region', 'perThousand')).toBe('3,7');
    expect(await c.cell('municipalities-table', '0228', 'clients')).toBe('x');
    expect(await c.cell('municipalities-table', '0228', 'perThousand')).toBe('x');
    expect(await c.cell('municipalities-table', '0228', 'population')).toBe('1.400');
    expect(await c.cell('municipalities-table', '0228', 'metVerblijf')).toBe('<5');
    expect(await c.cell('municipalities-table', '0345', 'clients')).toBe('<5');
    expect(await c.marks('municipality-bars', 'bars')).toBe(0);
    await page.getByText('Niets te tekenen').first().waitFor();
    await expectAccessible(page, 'compare municipalities');
    await stack.shot('compare-1-municipalities-suppressed');

    await suppression(false);
    await expect.poll(() => c.cell('municipalities-table', '0345', 'clients'), { timeout: 15_000 }).toBe('1');
    expect(await c.cell('municipalities-table', '0228', 'clients')).toBe('7');
    expect(await c.cell('municipalities-table', '0228', 'perThousand')).toBe('5,0'); // 7 of 1.400
    expect(await c.cell('municipalities-table', '0345', 'perThousand')).toBe('2,0'); // 1 of 500
    expect(await c.cell('municipalities-table', '0228', 'metVerblijf')).toBe('1,4'); // 2 of 1.400
    expect(await c.cell('municipalities-table', '0228', 'zonderVerblijf')).toBe('4,3'); // 6 of 1.400
    expect(await c.cell('municipalities-table', '0228', 'perThousandPrev')).toBe('0,7'); // 2023: C, 1 of 1.400
    expect(await c.cell('segments-table', '0228', 'verblijf.clients')).toBe('2');
    expect(await c.cell('segments-table', '0228', 'specialistisch.clients')).toBe('6');
    expect(await c.marks('municipality-bars', 'bars')).toBe(2);
    await stack.shot('compare-2-municipalities-exact');
  });

  it('hides a rate whose count is hidden, in the result itself (not only on screen)', async () => {
    // Ede's 7 children are hidden secondarily (above); all are 0–17, so the rate 5,0 per 1.000 × 1.400 would
    // give the 7 back. The engine must hide Ede's 0–17 count and its rates too, for every export and the CLI.
    const r = await api.invoke('compare/municipalities', { period: '2024', suppress: true });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const ede = r.value.rows.find((row) => row.key === '0228')!.current;
    expect(ede.clients.flag).toBe('secondary');
    expect(ede.perThousand!.clients.value).toBeNull();
  });

  it('exports the municipalities suppressed, whatever the screen shows', async () => {
    const lines = await download();
    expect(lines.length).toBeGreaterThan(2);
    for (const small of SMALL) expect(bodyCells(lines), small).not.toContain(small);
    expect(bodyCells(lines)).toContain('<5');
  });

  it('moves between tabs with the arrow keys', async () => {
    await c.tab('Gemeenten').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => c.tab('Aanbieders').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aanbieders');
    await page.keyboard.press('End');
    await expect.poll(() => c.tab('Kwaliteit').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    await expect.poll(() => c.tab('Gemeenten').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => c.tab('Kwaliteit').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => c.tab('Aanbieders').getAttribute('aria-selected')).toBe('true');
  });

  it('compares providers and opens a profile to share, always suppressed', async () => {
    // Working view, 2024: P1 A C D G H I J = 7; P2 H = 1.
    await expect.poll(() => c.cell('providers-table', P1, 'clients'), { timeout: 15_000 }).toBe('7');
    expect(await c.cell('providers-table', P2, 'clients')).toBe('1');
    expect(await c.cell('providers-table', 'total', 'clients')).toBe('7');
    await expectAccessible(page, 'compare providers');
    await stack.shot('compare-3-providers');
    await suppression(true);
    // P2's 1 is hidden; the total 7 is shown, so P1's 7 goes too.
    await expect.poll(() => c.cell('providers-table', P2, 'clients'), { timeout: 15_000 }).toBe('<5');
    expect(await c.cell('providers-table', P1, 'clients')).toBe('x');
    const lines = await download();
    for (const small of SMALL) expect(bodyCells(lines), small).not.toContain(small);

    await page.getByRole('button', { name: `Profiel van ${P1} openen` }).click();
    // P1 per year: 2023 C (1, hidden); 2024 A C D G H I J (7); 2025 A I J K L (5).
    await expect.poll(() => c.cell('profile-total', 'clients', '2024'), { timeout: 15_000 }).toBe('7');
    expect(await c.cell('profile-total', 'clients', '2023')).toBe('<5');
    expect(await c.cell('profile-total', 'clients', '2025')).toBe('5');
    // The screen's suppression is off, the profile stays suppressed.
    await suppression(false);
    await expect.poll(() => c.cell('profile-total', 'clients', '2023'), { timeout: 10_000 }).toBe('<5');
    await expectAccessible(page, 'provider profile');
    await stack.shot('compare-4-profile');
    const profile = await download();
    for (const small of SMALL) expect(bodyCells(profile), small).not.toContain(small);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.compare-tabs').isVisible()).toBe(false);
    expect(await page.locator('.provider-profile table.profile-total').isVisible()).toBe(true);
    await stack.shot('compare-5-profile-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '← Terug naar de aanbieders' }).click();
  });

  it('shows schools as a funnel plot with pupils beside every rate', async () => {
    await c.tab('Scholen').click();
    // 2024-2025 (to the peildatum): in care A D G H I J K L. De Triangel: 6 of 40 = 15,0 %; De Vuurvlinder: K L = 2
    // of 20; Sint Alexander: 0 of 30 (B C E F had no care that year). Region 8 of 90 = 8,9 %.
    await expect.poll(() => c.cell('schools-table', TRIANGEL, 'rate'), { timeout: 20_000 }).toBe('15,0 %');
    expect(await c.cell('schools-table', TRIANGEL, 'pupils')).toBe('40');
    expect(await c.cell('schools-table', TRIANGEL, 'clients')).toBe('6');
    expect(await c.cell('schools-table', VUURVLINDER, 'clients')).toBe('2');
    expect(await c.cell('schools-table', VUURVLINDER, 'pupils')).toBe('20');
    expect(await c.cell('schools-table', ALEXANDER, 'rate')).toBe('0,0 %');
    expect(await c.cell('schools-table', ALEXANDER, 'pupils')).toBe('30');
    // Exact binomial at p = 8/90: P(X ≥ 6 | 40) = 0,14 and P(X = 0 | 30) = 0,06, both above 2,5 %: inside.
    expect(await page.locator(`table.schools-table tr[data-key='${TRIANGEL}']`).getAttribute('data-position')).toBe('inside');
    expect(await page.locator('.compare-panel').textContent()).toContain('8 van 90 leerlingen');
    await expect.poll(() => c.marks('funnel', 'schools'), { timeout: 10_000 }).toBe(3);
    await expectAccessible(page, 'compare schools');
    await stack.shot('compare-6-schools-exact');

    // Suppressed: De Vuurvlinder's 2 pupils in care are hidden; the region's 8 is shown, so the smallest other
    // non-zero school, De Triangel (6), goes too. Both lose their rate and their point: Sint Alexander (0) is left.
    await suppression(true);
    await expect.poll(() => c.cell('schools-table', VUURVLINDER, 'clients'), { timeout: 15_000 }).toBe('<5');
    expect(await c.cell('schools-table', VUURVLINDER, 'rate')).toBe('–');
    expect(await c.cell('schools-table', TRIANGEL, 'clients')).toBe('x');
    expect(await c.cell('schools-table', TRIANGEL, 'rate')).toBe('–');
    expect(await c.cell('schools-table', TRIANGEL, 'pupils')).toBe('40');
    await expect.poll(() => c.marks('funnel', 'schools'), { timeout: 10_000 }).toBe(1);
    await stack.shot('compare-7-schools-suppressed');
    const lines = await download();
    for (const small of SMALL) expect(bodyCells(lines), small).not.toContain(small);
  });

  it('benchmarks against CBS and reconciles Spiegel with CBS', async () => {
    await c.tab('Benchmark').click();
    await c.select('Cijfer', '85099NED:JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A045560');
    // 85099NED 2024, jeugdhulp (A045560), youth in care: Ede 10, Veenendaal 5 → jeugdregio 15; NL 450.000.
    await expect.poll(() => c.cell('benchmark-table', '0228', 'own'), { timeout: 20_000 }).toBe('10');
    expect(await c.cell('benchmark-table', '0228', 'jeugdregio')).toBe('15');
    expect(await c.cell('benchmark-table', '0228', 'nederland')).toBe('450.000');
    expect(await c.cell('benchmark-table', '0345', 'own')).toBe('5');
    // Reconciliation Ede 2024: Spiegel's jeugdhulp A C D G H I J = 7 against CBS 10: −3, beyond CBS's rounding.
    await expect.poll(() => c.cell('reconcile-table', 'jeugdhulp', 'spiegel'), { timeout: 15_000 }).toBe('7');
    expect(await c.cell('reconcile-table', 'jeugdhulp', 'cbs')).toBe('10');
    expect(await c.cell('reconcile-table', 'jeugdhulp', 'difference')).toMatch(/^[-−]3$/);
    expect(await c.cell('reconcile-table', 'metVerblijf', 'spiegel')).toBe('<5'); // D H
    expect(await c.marks('benchmark-chart', 'own')).toBe(2);
    // Counts: no reference marks (the Netherlands' 450.000 would flatten the municipalities).
    expect(await c.marks('benchmark-chart', 'refs')).toBe(0);
    await expectAccessible(page, 'compare benchmark');

    // Per 1.000 youth: Ede 7,1; jeugdregio weighted by youth 0–17 (7,1 × 1.400 + 10,0 × 500) / 1.900 = 7,86 → 7,9;
    // Netherlands 120,3; each size class holds only the municipality itself.
    await c.select('Cijfer', '85099NED:JongerenMetJeugdzorgPer1000Jongeren_2|VormenVanJeugdzorg=A045560');
    await expect.poll(() => c.cell('benchmark-table', '0228', 'own'), { timeout: 10_000 }).toBe('7,1');
    expect(await c.cell('benchmark-table', '0228', 'jeugdregio')).toBe('7,9');
    expect(await c.cell('benchmark-table', '0228', 'nederland')).toBe('120,3');
    expect(await c.cell('benchmark-table', '0345', 'sizeClass')).toBe('10');
    await expect.poll(() => c.marks('benchmark-chart', 'refs'), { timeout: 10_000 }).toBe(6);
    await stack.shot('compare-8-benchmark');
  });

  it('shows message-traffic quality per provider', async () => {
    await c.tab('Kwaliteit').click();
    // 2024, P2: one assignment (8002, from 2024-05-01) started on 2024-05-01: 1 of 1 (hidden when suppressed).
    await expect.poll(() => c.cell('quality-table', P2, 'startWithin14.of'), { timeout: 20_000 }).toBe('<5');
    await suppression(false);
    await expect.poll(() => c.cell('quality-table', P2, 'startWithin14.of'), { timeout: 15_000 }).toBe('1');
    expect(await c.cell('quality-table', P2, 'startWithin14.share')).toBe('100,0 %');
    // P1's assignments due to start in 2024: A 1001, B 2001 (start retracted), D 4001, F 6001 (never started),
    // G 7001 and 7002, H 8001, I 9001 and 9002, J 10001 = 10 (E's 5001 was deleted: not due); started within
    // 14 days: all but B and F = 8 → 80,0 %. The region adds P2's 8002: 9 of 11 = 81,8 %.
    expect(await c.cell('quality-table', P1, 'startWithin14.of')).toBe('10');
    expect(await c.cell('quality-table', P1, 'startWithin14.share')).toBe('80,0 %');
    expect(await c.cell('quality-table', 'region', 'startWithin14.share')).toBe('81,8 %');
    expect(await c.marks('quality-bars', 'bars')).toBe(2);
    await expectAccessible(page, 'compare quality');
    await stack.shot('compare-9-quality');
    const lines = await download();
    for (const small of SMALL) expect(bodyCells(lines), small).not.toContain(small);
  });

  it('suppresses on screen in meeting mode; Esc leaves it', async () => {
    await c.tab('Gemeenten').click();
    await expect.poll(() => c.cell('municipalities-table', '0345', 'clients'), { timeout: 15_000 }).toBe('1');
    await page.getByRole('button', { name: 'Vergadermodus', exact: true }).click();
    await page.getByText('Vergadermodus: kleine aantallen onderdrukt').waitFor();
    await expect.poll(() => c.cell('municipalities-table', '0345', 'clients'), { timeout: 15_000 }).toBe('<5');
    await stack.shot('compare-10-meeting');
    await page.keyboard.press('Escape');
    await expect.poll(() => c.cell('municipalities-table', '0345', 'clients'), { timeout: 15_000 }).toBe('1');
  });

  it('speaks English too', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Compare', level: 2 }).waitFor();
    await c.tab('Schools').click();
    await expect.poll(() => c.cell('schools-table', TRIANGEL, 'rate'), { timeout: 15_000 }).toBe('15,0 %');
    await stack.shot('compare-11-english');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByRole('heading', { name: 'Vergelijken', level: 2 }).waitFor();
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    await expectClean(stack, ['compare/municipalities', 'compare/providers', 'compare/provider-profile', 'compare/schools', 'compare/quality', 'benchmark/compare', 'benchmark/reconcile', 'export/compare', 'export/schools']);
  });
});

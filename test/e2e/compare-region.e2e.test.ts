// The compare view on a generated region (about 860 children over 2015–2025 with its leerplicht extract, DUO
// school files and population: data/generate/schools.ts) at a realistic size: clients and money per municipality
// and per provider, the top-5 concentration, and every school's pupils and pupils in care, against the
// generator's ground truth (data/generate/truth/compare.ts and schools.ts), and one funnel mark per school.
// Hand-worked figures: compare.e2e.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOver } from '../../core/contract/api.js';
import { writeRegion } from '../../data/generate/region.js';
import { truthCompare, truthConcentration } from '../../data/generate/truth/compare.js';
import { truthSchools } from '../../data/generate/truth/schools.js';
import type { Truth } from '../../data/generate/truth/types.js';
import { ARTIFACTS, startBrowserStack, type BrowserStack } from './browser.js';
import { comparePage } from './compare-page.js';
import { expectClean } from './pivot-page.js';

const YEAR = '2024';
const euro = (cents: number) => `€ ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(cents / 100)}`;
const count = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
const pct = (share: number) => `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share * 100)} %`;

describe('compare view on a generated region', () => {
  let stack: BrowserStack;
  let page: Page;
  let c: ReturnType<typeof comparePage>;
  let truth: Truth;
  let dir: string;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-compare-gen-');
    page = stack.page;
    c = comparePage(stack);
    dir = join(stack.home, 'region');
    await writeRegion(dir, { seed: 7, scale: 0.02, schools: true });
    truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
    const api = clientOver(stack.backend.call, () => () => {});
    expect((await api.invoke('import/files', { paths: [dir] })).ok).toBe(true);
    const tables = [['bevolking.csv', 'population'], ['duo-scholen.csv', 'duo-schools'], ['duo-leerlingen.csv', 'duo-pupils'], ['leerplicht.csv', 'leerplicht']] as const;
    for (const [file, kind] of tables) {
      const r = await api.invoke('tables/import', { path: join(dir, 'tabellen', file), kind, source: `gen-${kind}` });
      expect(r.ok && r.value.status, `${kind}: ${JSON.stringify(r).slice(0, 400)}`).toBe('imported');
    }
    await page.goto(stack.host.url);
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Vergelijken', exact: true }).click();
    await page.getByRole('heading', { name: 'Vergelijken', level: 2 }).waitFor();
    await c.select('Jaar', YEAR);
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows per municipality the clients and money of the ground truth', async () => {
    const expected = truthCompare(truth, YEAR, 'municipality');
    await expect.poll(() => c.rows('municipalities-table'), { timeout: 30_000 }).toContain('region');
    await stack.shot('compare-gen-1-municipalities-suppressed');
    await page.getByLabel('Kleine aantallen onderdrukken').uncheck();
    await expect.poll(() => page.locator('table.municipalities-table td[data-flag="suppressed"]').count(), { timeout: 15_000 }).toBe(0);
    const rows = (await c.rows('municipalities-table')).filter((k): k is string => k !== null);
    expect(rows.length).toBeGreaterThan(2);
    for (const key of rows) {
      // A municipality without care that year (in the population table only) has no truth entry: zeros.
      const t = expected.get(key) ?? { clients: 0, approved: 0 };
      expect(await c.cell('municipalities-table', key, 'clients'), `${key} clients`).toBe(count(t.clients));
      expect(await c.cell('municipalities-table', key, 'approved'), `${key} approved`).toBe(euro(t.approved));
    }
    // One bar per municipality with a population.
    expect(await c.marks('municipality-bars', 'bars')).toBe(rows.length - 1);
    await stack.shot('compare-gen-2-municipalities');
  });

  it('shows per provider the clients, claimed and approved money, and the top-5 concentration', async () => {
    await c.tab('Aanbieders').click();
    const expected = truthCompare(truth, YEAR, 'provider');
    await expect.poll(async () => (await c.rows('providers-table')).length, { timeout: 30_000 }).toBeGreaterThan(3);
    const rows = (await c.rows('providers-table')).filter((k): k is string => k !== null && k !== 'total');
    for (const agb of rows) {
      const t = expected.get(agb);
      expect(t, agb).toBeDefined();
      expect(await c.cell('providers-table', agb, 'clients'), `${agb} clients`).toBe(count(t!.clients));
      expect(await c.cell('providers-table', agb, 'claimed'), `${agb} claimed`).toBe(euro(t!.claimed));
      expect(await c.cell('providers-table', agb, 'approved'), `${agb} approved`).toBe(euro(t!.approved));
    }
    expect(await c.cell('providers-table', 'total', 'clients')).toBe(count(expected.get('region')!.clients));
    const top5 = truthConcentration(truth, YEAR, 5);
    expect(await page.locator('dl.concentration [data-key=top5] [data-figure=money]').textContent()).toContain(pct(top5.money));
    expect(await page.locator('dl.concentration [data-key=top5] [data-figure=clients]').textContent()).toContain(pct(top5.clients));
    await expect.poll(() => c.marks('provider-shares', 'shares'), { timeout: 10_000 }).toBeGreaterThan(0);
    await stack.shot('compare-gen-3-providers');
    await page.locator('table.providers-table button.profile-link').first().click();
    await page.locator('table.profile-total').waitFor({ timeout: 15_000 });
    await stack.shot('compare-gen-4-profile');
    await page.getByRole('button', { name: '← Terug naar de aanbieders' }).click();
  });

  it('shows every school with its pupils and pupils in care, one funnel mark each', async () => {
    await c.tab('Scholen').click();
    await expect.poll(async () => (await c.rows('schools-table')).length, { timeout: 30_000 }).toBeGreaterThan(3);
    const year = await page.getByLabel('Schooljaar', { exact: true }).inputValue();
    const expected = truthSchools(dir, truth);
    const schools = expected.years.get(year)!;
    const rows = (await c.rows('schools-table')).filter((k): k is string => k !== null);
    expect(new Set(rows)).toEqual(new Set(schools.keys()));
    for (const code of rows) {
      const t = schools.get(code)!;
      expect(await c.cell('schools-table', code, 'pupils'), `${code} pupils`).toBe(count(t.pupils));
      expect(await c.cell('schools-table', code, 'clients'), `${code} clients`).toBe(count(t.clients));
    }
    const region = expected.region.get(year)!;
    expect(await page.locator('.compare-panel').textContent()).toContain(`${count(region.clients)} van ${count(region.pupils)} leerlingen`);
    // Working view: every school with pupils is a point.
    await expect.poll(() => c.marks('funnel', 'schools'), { timeout: 10_000 }).toBe([...schools.values()].filter((s) => s.pupils > 0).length);
    await page.locator('.funnel-box').screenshot({ path: join(ARTIFACTS, 'compare-gen-5-funnel.png') });
    // The table's first rows (the whole table runs to some 150 schools).
    const box = (await page.locator('table.schools-table').boundingBox())!; // relative to the viewport
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-gen-6-schools-table.png'), fullPage: true, clip: { x: box.x, y: box.y + scrollY, width: Math.min(box.width, 1240), height: Math.min(box.height, 600) } });
  });

  it('shows message-traffic quality for every provider', async () => {
    await c.tab('Kwaliteit').click();
    await expect.poll(async () => (await c.rows('quality-table')).length, { timeout: 30_000 }).toBeGreaterThan(3);
    await stack.shot('compare-gen-7-quality');
  });

  it('stayed clean', async () => {
    await expectClean(stack, ['compare/municipalities', 'compare/providers', 'compare/provider-profile', 'compare/schools', 'compare/quality']);
  });
});

// The flows view on a generated region (about 860 children over 2015–2025, with the planted shift of
// data/generate/shift.ts): the region's figures per year against spells built from the generator's truth.json
// (flows-page.ts: truthStockFlow), the shift year's doorstroom, and months per municipality — at a realistic
// size, for the screenshots. Hand-worked figures: flows.e2e.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import { writeRegion } from '../../data/generate/region.js';
import type { Truth } from '../../data/generate/truth/types.js';
import { ARTIFACTS, startBrowserStack, type BrowserStack } from './browser.js';
import { flowsPage, truthStockFlow } from './flows-page.js';
import { expectClean } from './pivot-page.js';

describe('flows view on a generated region', () => {
  let stack: BrowserStack;
  let page: Page;
  let f: ReturnType<typeof flowsPage>;
  let truth: Truth;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-flows-gen-');
    page = stack.page;
    f = flowsPage(stack);
    const dir = join(stack.home, 'region');
    // About 860 children over 2015–2025, with the planted shift (50 residential → ambulant, 120 new ambulant) in 2022.
    await writeRegion(dir, { seed: 7, scale: 0.02, shift: true });
    truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
    expect((decode(await stack.backend.call('import/files', encode({ paths: [dir] }))) as { ok: boolean }).ok).toBe(true);
    await page.goto(stack.host.url);
    await page.getByRole('link', { name: 'In- en uitstroom', exact: true }).click();
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows per year the figures of the ground truth, and the identity between years', async () => {
    const years = Array.from({ length: 11 }, (_, i) => String(2015 + i));
    await expect.poll(() => f.periods(), { timeout: 20_000 }).toEqual(years);
    await stack.shot('flows-gen-1-suppressed');
    await page.getByLabel('Kleine aantallen onderdrukken').uncheck();
    await expect.poll(() => page.locator('table.flows-table td[data-flag="suppressed"]').count(), { timeout: 10_000 }).toBe(0);
    for (const y of years) {
      const expected = truthStockFlow(truth.periods, `${y}-01-01`, y === '2025' ? truth.peildatum : `${y}-12-31`);
      for (const [fig, value] of Object.entries(expected)) expect(await f.figure(y, 'all', fig), `${y} ${fig}`).toBe(value);
    }
    expect(await f.marks('stock-chart', 'stockpoints')).toBe(11);
    await stack.shot('flows-gen-2-year');
  });

  it('draws the doorstroom of the shift year with at least the 50 planted residential → ambulant moves', async () => {
    await f.select('Periode voor doorstroom en groei', String(truth.shift!.year));
    await expect.poll(async () => Number(await f.matrix('verblijf', 'specialistisch')), { timeout: 10_000 }).toBeGreaterThanOrEqual(truth.shift!.moved.length);
    expect(await f.marks('sankey', 'bands')).toBeGreaterThan(3);
    await page.locator('.sankey-box').screenshot({ path: join(ARTIFACTS, 'flows-gen-3-sankey.png') });
    await page.locator('.growth-box').screenshot({ path: join(ARTIFACTS, 'flows-gen-4-growth.png') });
  });

  it('switches to months per municipality', async () => {
    await f.select('Periode-indeling', 'month');
    await f.select('Uitsplitsing', 'municipality');
    await expect.poll(async () => (await f.periods(null)).length, { timeout: 20_000 }).toBe(132);
    await page.locator('.stock-flow-chart').screenshot({ path: join(ARTIFACTS, 'flows-gen-5-months.png') });
  });

  it('stayed clean', async () => {
    await expectClean(stack, ['query/flows', 'query/doorstroom', 'query/growth']);
  });
});

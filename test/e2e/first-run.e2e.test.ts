// A first run from an empty data folder (issue 11), through the same path as `spiegel serve`: no real data, so
// data/demo.ts builds the demo region (here at a small scale, to keep the test short) and the host opens it.
// The analyst sees the demo labelled synthetic, the guided tour on top, and — after skipping it — the
// FoodValley-style example goals in Sturing, which the demo brings along (data/steering/demo-goals.ts).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseDatabase } from '../../data/demo.js';
import { expectAccessible } from './axe.js';
import { startBrowserStack, type BrowserStack } from './browser.js';
import { expectClean } from './pivot-page.js';

// The five goals every new demo gets (data/steering/demo-goals.ts, docs/STEERING.md), by name.
const GOALS = [
  'Minder kinderen in verblijf', 'Meer kinderen uit verblijf', 'Crisisplaatsingen gevolgd door verblijf van 50 % naar 25 %',
  'Groepsgerichte zorg halveren', 'Minder verlengde jeugdhulp na 18',
];

describe('first run from an empty data folder', () => {
  let stack: BrowserStack;
  let page: Page;
  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-first-', {
      database: async (home, real) => {
        mkdirSync(home, { recursive: true });
        return chooseDatabase(home, real, { scale: 0.01 });
      },
    });
    page = stack.page;
  }, 600_000);
  afterAll(async () => {
    await expectClean(stack, ['meta/dimensions', 'indicators/series']);
    await stack.close();
  });

  it('opens the demo region, labelled synthetic, with the guided tour on top', async () => {
    await page.goto(stack.host.url);
    const tour = page.getByRole('dialog');
    await tour.waitFor({ timeout: 60_000 });
    expect(await tour.getByRole('heading').innerText()).toBe('Rondleiding');
    expect(await tour.innerText()).toContain('demoregio');
    expect(await page.getByText('Demoregio — synthetische gegevens').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'first run, tour');
    await stack.shot('first-run-1-tour');
    await tour.getByRole('button', { name: 'Rondleiding overslaan' }).first().click();
    await expect.poll(() => tour.count()).toBe(0);
  }, 120_000);

  it('shows the demo goals in Sturing', async () => {
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Sturing', exact: true }).click();
    await expect.poll(() => page.locator('article.indicator-card').count(), { timeout: 60_000 }).toBe(GOALS.length);
    const names = await page.locator('article.indicator-card h3, article.indicator-card h4').allInnerTexts();
    for (const g of GOALS) expect(names, g).toContain(g);
    await stack.shot('first-run-2-steering');
  }, 120_000);
});

// Every view in the navigation (read from the page, so views added later are covered) passes axe-core with
// zero serious or critical violations: empty, on a demo region, with its help panel open, with the shortcuts
// ('?') and with the guided tour. The demo region is a generated one marked synthetic, as data/demo.ts marks
// the real demo, so the first run shows the tour. SPIEGEL_DOCS_IMG=1 also writes the views' screenshots for
// docs/handleiding.md (docs/img/).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import { DIMENSION_INFO, MEASURE_INFO } from '../../core/registry.js';
import { writeRegion } from '../../data/generate/region.js';
import { expectAccessible } from './axe.js';
import { ARTIFACTS, ROOT, startBrowserStack, type BrowserStack } from './browser.js';

const TOUR_ORDER = ['import', 'pivot', 'flows', 'stacking', 'compare', 'steering'];
const DOCS_IMG = join(ROOT, 'docs/img');

describe('accessibility of every view (axe-core)', () => {
  let stack: BrowserStack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-a11y-');
    page = stack.page;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const nav = () => page.getByRole('navigation', { name: 'Weergave' });
  /** The views as the navigation lists them now: [id, Dutch name]. */
  const views = async () => (await nav().getByRole('link').evaluateAll((as) => as.map((a) => [a.getAttribute('href')!.slice(1), a.textContent!]))) as [string, string][];
  const dialog = () => page.getByRole('dialog');
  const open = async (id: string) => {
    await nav().locator(`a[href="#${id}"]`).click();
    await expect.poll(() => nav().locator('a[aria-current=page]').getAttribute('href')).toBe(`#${id}`);
    await page.locator('main h2').first().waitFor();
    await page.waitForLoadState('networkidle');
    // Loading notes and charts settle after the data arrives ("Gegevens laden…", "Bezig met rekenen…").
    await expect.poll(() => page.locator('main').getByText(/laden…|rekenen…/).count(), { timeout: 60_000 }).toBe(0);
  };
  /** The docs' screenshots scaled down (the window at 0.75: 960 × 645 pixels; a taller page at 0.6), about
   *  100 KB each and still legible. Playwright's screenshot has no scale, so DevTools' own capture is used. */
  const docShot = async (name: string, height = 860) => {
    const file = join(ARTIFACTS, `a11y-${name}.png`);
    const cdp = await page.context().newCDPSession(page);
    try {
      const clip = { x: 0, y: 0, width: 1280, height, scale: height > 860 ? 0.6 : 0.75 };
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip, captureBeyondViewport: height > 860 });
      writeFileSync(file, Buffer.from(data, 'base64'));
    } finally {
      await cdp.detach();
    }
    if (process.env.SPIEGEL_DOCS_IMG === '1') {
      mkdirSync(DOCS_IMG, { recursive: true });
      copyFileSync(file, join(DOCS_IMG, `${name}.png`));
    }
  };

  it("the helper finds a planted violation, under the app's CSP, and names it", async () => {
    await page.goto(stack.host.url);
    await nav().waitFor();
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'planted';
      document.querySelector('main')!.append(b); // a button without a name: critical (button-name)
    });
    await expect(expectAccessible(page, 'planted')).rejects.toThrow(/button-name \(critical\)[^]*#planted/);
    await page.evaluate(() => document.getElementById('planted')!.remove());
    await expectAccessible(page, 'planted removed');
    expect(await stack.cspViolations()).toEqual([]);
  });

  it('passes on every view before any import, and each analysis view says what it needs', async () => {
    const all = await views();
    expect(all.map(([id]) => id)).toEqual(expect.arrayContaining(['pivot', 'flows', 'stacking', 'import', 'tables']));
    for (const [id, name] of all) {
      await open(id);
      await expectAccessible(page, `${name} (empty)`);
    }
    // The empty states are per view: the flows' names care periods, the pivot's the messages it counts.
    await open('flows');
    expect(await page.locator('[data-empty=flows] h2').innerText()).toBe('In- en uitstroom: welke gegevens nodig zijn');
    expect(await page.locator('[data-empty=flows] .empty-needs').innerText()).toMatch(/zorgperioden nodig: start- en stopberichten \(JW305\/JW307\)/);
    await open('pivot');
    expect(await page.locator('[data-empty=pivot] h2').innerText()).toBe('Draaitabel: welke gegevens nodig zijn');
    await docShot('leeg');
    // No tour on a real (empty) database: it belongs to the demo's first run.
    expect(await dialog().count()).toBe(0);
  });

  it('on the demo region opens with the tour, which walks the views present and is remembered when skipped', async () => {
    const dir = join(stack.home, 'region');
    await writeRegion(dir, { seed: 11, scale: 0.02 });
    expect((decode(await stack.backend.call('import/files', encode({ paths: [dir] }))) as { ok: boolean }).ok).toBe(true);
    const db = new Database(join(stack.home, 'spiegel.sqlite'));
    db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('synthetic', '1'), ('dataset-label', 'Demoregio (test)')").run();
    db.close();
    await page.goto(`${stack.host.url.split('#')[0]}`);
    await page.reload();
    await dialog().waitFor({ timeout: 30_000 });
    expect(await dialog().getByRole('heading').innerText()).toBe('Rondleiding');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Volgende');
    await expectAccessible(page, 'tour, welcome');
    const present = (await views()).map(([id]) => id);
    const expected = TOUR_ORDER.filter((v) => present.includes(v));
    const seen: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      await dialog().getByRole('button', { name: 'Volgende' }).click();
      const id = expected[i]!;
      await expect.poll(() => new URL(page.url()).hash.split('?')[0]).toBe(`#${id}`);
      seen.push(id);
      expect(await dialog().innerText()).toContain(`Stap ${i + 2} van ${expected.length + 1}`);
      expect(await page.locator('nav a.tour-target').getAttribute('href')).toBe(`#${id}`);
      if (id === 'pivot') await docShot('rondleiding');
    }
    expect(seen).toEqual(expected);
    await expectAccessible(page, 'tour, last step');
    expect(await dialog().getByRole('button', { name: 'Klaar' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Rondleiding overslaan' }).first().click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('spiegel.tour.done'))).toBe('1');
    await page.reload();
    await page.getByText('Demoregio — synthetische gegevens').waitFor({ timeout: 30_000 });
    expect(await dialog().count()).toBe(0);
  }, 300_000);

  it('passes on every view with data, with its help panel open, and with the shortcuts', async () => {
    // Every view is checked before the test fails, so one run lists all that is wrong.
    const problems: string[] = [];
    const check = (label: string) => expectAccessible(page, label).catch((e: Error) => void problems.push(e.message));
    for (const [id, name] of await views()) {
      await open(id);
      // The figures, not only the controls: the analysis views are checked and pictured once a table is there.
      if (['pivot', 'flows', 'stacking', 'compare', 'steering'].includes(id)) await page.locator('main table').first().waitFor({ timeout: 60_000 });
      await check(name);
      await docShot(id, id === 'pivot' ? 1500 : 860);
      const help = page.getByRole('button', { name: 'Help', exact: true });
      await help.click();
      await dialog().waitFor();
      expect(await dialog().getByRole('heading', { level: 2 }).innerText()).toBe(`Help: ${name}`);
      await check(`${name}, help`);
      if (id === 'pivot') {
        // The definitions are the registry's own texts, not copies.
        expect(await dialog().locator('[data-definition=clients] dd').innerText()).toBe(MEASURE_INFO.clients.definition.nl);
        expect(await dialog().locator('[data-definition=municipality] dt').innerText()).toBe(DIMENSION_INFO.municipality.label.nl);
        await docShot('help');
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog().count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('help-button');
    }
    // In English the same help, with the registry's English texts.
    await open('pivot');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    expect(await dialog().getByRole('heading', { level: 2 }).innerText()).toBe('Help: Pivot table');
    expect(await dialog().locator('[data-definition=clients] dd').innerText()).toBe(MEASURE_INFO.clients.definition.en);
    await check('pivot, help, English');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.locator('body').press('?');
    await dialog().waitFor();
    expect(await dialog().getByRole('heading', { level: 2 }).innerText()).toBe('Sneltoetsen');
    expect(await dialog().locator('tr[data-shortcut=help] td').first().innerText()).toBe('?');
    await check('shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(problems.join('\n')).toBe('');
    expect(stack.pageErrors).toEqual([]);
    expect(await stack.cspViolations()).toEqual([]);
  }, 300_000);
});

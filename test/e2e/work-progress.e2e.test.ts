// Long work in the browser host: the progress strip under the header (renderer/work/WorkProgress.tsx) while
// the model is rebuilt after an import, its growing bar, cancelling it ("Berekening geannuleerd." with
// "Opnieuw"), and afterwards the pivot with the generator's ground truth. The data worker waits STEP_MS at every
// checkpoint of long work (ServiceOptions.stepDelayMs), so the strip can be watched and cancelled whatever the
// speed of the machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import { truthPivot } from '../../data/generate/truth/pivot.js';
import { writeRegion } from '../../data/generate/region.js';
import type { Truth } from '../../data/generate/truth/types.js';
import { expectAccessible } from './axe.js';
import { ARTIFACTS, startBrowserStack, type BrowserStack } from './browser.js';
import { expectClean, TOTAL, workbench } from './pivot-page.js';

// Long enough that the test has pressed cancel before the work could finish: the rebuild has about twenty
// checkpoints (20 s), an export two or three (computing, the XLSX rows, writing: at least 6 s to press cancel in).
const STEP_MS = { model: 1000, export: 3000 };

describe('long work: progress and cancelling', () => {
  let stack: BrowserStack;
  let page: Page;
  let truth: Truth;

  const strip = () => page.locator('.work-progress');
  const bar = () => page.getByRole('progressbar', { name: /^Model opnieuw opbouwen — / });
  const valueNow = async () => Number(await bar().getAttribute('aria-valuenow', { timeout: 10_000 }));

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-work-', { stepDelayMs: STEP_MS });
    page = stack.page;
    const dir = join(stack.home, 'region');
    await writeRegion(dir, { seed: 7, scale: 0.02 });
    truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
    expect((decode(await stack.backend.call('import/files', encode({ paths: [dir] }))) as { ok: boolean }).ok).toBe(true);
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the model rebuild after the import with a growing bar, and cancels it', async () => {
    // The first view needs the model, which the import left to be rebuilt.
    await page.goto(stack.host.url);
    await strip().waitFor({ timeout: 30_000 });
    await expect.poll(() => strip().locator('.work-title').textContent(), { timeout: 10_000 }).toMatch(/^Model opnieuw opbouwen — [a-z]/);
    const first = await valueNow();
    await expect.poll(valueNow, { timeout: 20_000 }).toBeGreaterThan(first);
    const text = await bar().getAttribute('aria-valuetext');
    expect(text).toMatch(/^\d{1,3} % · (nog ongeveer (\d+ s|\d+ min( \d+ s)?)|resterende tijd wordt berekend)$/);
    await stack.shot('work-progress-1-model');
    await expectAccessible(page, 'progress strip during the model rebuild');
    // The strip lies under the header, not over it.
    const header = await page.locator('header.app-header').boundingBox();
    const box = await strip().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);

    // Clicked inside the page so the label can be read before any answer can arrive: React renders a click's
    // update in a microtask, while the cancelled call's answer comes back in a later task.
    const label = await page.getByRole('button', { name: 'Annuleren', exact: true }).evaluate(async (button: HTMLButtonElement) => {
      button.focus();
      button.click();
      await new Promise<void>((r) => queueMicrotask(r));
      await new Promise<void>((r) => queueMicrotask(r));
      return `${button.textContent} ${button.getAttribute('aria-disabled')} ${String(document.activeElement === button)}`;
    });
    expect(label).toBe('Bezig met annuleren… true true');
    await page.getByText('Berekening geannuleerd.', { exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => strip().count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('p.error').count()).toBe(0);
    await stack.shot('work-progress-2-cancelled');
    await expectAccessible(page, 'cancelled calculation');
  }, 120_000);

  it('rebuilds on "Opnieuw" and then shows the pivot with the ground truth', async () => {
    await page.getByRole('button', { name: 'Opnieuw', exact: true }).click();
    await bar().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText('Berekening geannuleerd.').count()).toBe(0);
    const w = workbench(stack);
    await page.locator('table.pivot').waitFor({ timeout: 60_000 });
    // From here the model is built: no long work, so the strip must never show, however slow the queries are.
    await page.evaluate(() => {
      const w = window as unknown as { __stripSeen: boolean };
      w.__stripSeen = false;
      new MutationObserver(() => (w.__stripSeen ||= document.querySelector('.work-progress') !== null)).observe(document.body, { childList: true, subtree: true });
    });
    await w.openLink({ rows: ['year'], suppress: false }, 'none');
    const nl = new Intl.NumberFormat('nl-NL');
    const want = truthPivot(truth, { rows: ['year'], cols: [], measures: ['clients'] }, { totals: 'union' });
    expect(want.rowKeys.length).toBeGreaterThanOrEqual(10);
    for (const [i, [year]] of want.rowKeys.entries()) {
      const clients = want.cells[i]![0]![0]!;
      await expect.poll(() => w.cellText([year!], TOTAL), { timeout: 20_000 }).toBe(nl.format(clients));
    }
    // Distinct children over all years, not the sum of the years.
    expect(await w.cellText(TOTAL, TOTAL)).toBe(nl.format(want.grandTotal[0]!));
    expect(await page.evaluate(() => (window as unknown as { __stripSeen: boolean }).__stripSeen)).toBe(false);
    await stack.shot('work-progress-3-retried');
  }, 180_000);

  it('cancels an export half-way (no file), also in meeting mode where the strip sits at the bottom, and exports on a second try', async () => {
    let downloads = 0;
    page.on('download', () => downloads++);
    const exportBar = () => page.getByRole('progressbar', { name: /^Export maken — / });
    const cancelled = page.getByText('Export geannuleerd; er is geen bestand gemaakt.', { exact: true });

    await page.locator('.export-menu summary').click();
    await page.getByRole('button', { name: 'CSV (Excel)', exact: true }).click();
    await exportBar().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Annuleren', exact: true }).click();
    await cancelled.waitFor({ timeout: 20_000 });
    await expect.poll(() => strip().count(), { timeout: 10_000 }).toBe(0);
    expect(downloads).toBe(0);
    expect(await page.locator('.export-menu .error').count()).toBe(0);

    // Meeting mode covers the window; the strip then lies at the bottom, on top, and is not covered.
    await page.getByRole('button', { name: 'Vergadermodus', exact: true }).click();
    await page.locator('.workbench.meeting').waitFor();
    await page.getByRole('button', { name: 'XLSX', exact: true }).click();
    expect(await cancelled.count()).toBe(0); // the last outcome goes when a new export starts
    await exportBar().waitFor({ timeout: 20_000 });
    const viewport = page.viewportSize()!;
    const box = (await strip().boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(viewport.height);
    const onTop = await strip().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    expect(onTop).toBe(true);
    expect(await strip().locator('.work-title').textContent()).toMatch(/^Export maken — (cijfers berekenen|bestand schrijven)$/);
    await page.getByRole('button', { name: 'Annuleren', exact: true }).click();
    // The strip stays until the export stops at its next checkpoint (this picture may catch it or the message).
    await page.screenshot({ path: join(ARTIFACTS, 'work-progress-5-meeting.png') });
    await cancelled.waitFor({ timeout: 20_000 });
    expect(downloads).toBe(0);
    await page.getByRole('button', { name: 'Vergadermodus verlaten (Esc)', exact: true }).click();

    // Not cancelled, the same button gives the file.
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'CSV (Excel)', exact: true }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    await page.getByText(`${file.suggestedFilename()} opgeslagen.`).waitFor();
  }, 180_000);

  it('stayed clean', async () => {
    await expectClean(stack, ['work/status', 'work/cancel', 'meta/dimensions', 'query/pivot', 'export/pivot']);
  });
});

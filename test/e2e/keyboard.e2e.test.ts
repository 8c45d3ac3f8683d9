// The main tasks by keyboard alone (Tab, Shift+Tab, Enter, arrow keys, Escape and '?'; never the mouse):
// skip the first-run tour, switch views, build a pivot by adding a row dimension, open the help and the
// shortcuts, and export the pivot as CSV. After every step the focus is where a keyboard user expects it,
// and visibly so (the :focus-visible outline). Figures: the hand-worked region (test/fixtures/handworked.md).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDE } from '../fixtures/handworked.js';
import { startBrowserStack, type BrowserStack } from './browser.js';
import { cellSelector, importHandworked, parseCsv, workbench } from './pivot-page.js';

interface Focused {
  tag: string;
  text: string;
  name: string | null;
  visible: boolean;
  inDialog: boolean;
  zone: string | null;
}

describe('keyboard-only walkthrough', () => {
  let stack: BrowserStack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-keyboard-');
    page = stack.page;
    await importHandworked(stack);
    // Marked as the demo region is (data/demo.ts), so the first run opens with the tour.
    const db = new Database(join(stack.home, 'spiegel.sqlite'));
    db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('synthetic', '1')").run();
    db.close();
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** What has the focus: its text or accessible name, whether its focus ring shows, and where it sits. */
  const focused = () =>
    page.evaluate((): Focused => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { tag: 'body', text: '', name: null, visible: false, inDialog: false, zone: null };
      const style = getComputedStyle(el);
      const ring = el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return {
        tag: el.tagName.toLowerCase(),
        text: (el.textContent ?? '').trim(),
        name: el.getAttribute('aria-label'),
        visible: ring,
        inDialog: el.closest('dialog') !== null,
        zone: el.closest('section[aria-label]')?.getAttribute('aria-label') ?? null,
      };
    });
  /** Tab (or Shift+Tab) until the focused element answers to `name`; every stop on the way shows its focus. */
  const tabTo = async (name: string, back = false, max = 120) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const f = await focused();
      if (f.tag !== 'body') expect(f.visible, `focus ring on ${f.tag} "${f.name ?? f.text}"`).toBe(true);
      if (f.name === name || f.text === name) return f;
    }
    throw new Error(`"${name}" not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
  };
  const dialog = () => page.getByRole('dialog');
  const hash = () => new URL(page.url()).hash.split('?')[0];

  it('skips the first-run tour by keyboard; it does not come back', async () => {
    await page.goto(stack.host.url);
    await dialog().waitFor({ timeout: 30_000 });
    expect((await focused()).text).toBe('Volgende');
    await page.keyboard.press('Enter'); // the first step: the Import tab
    await expect.poll(hash).toBe('#import');
    expect((await focused()).text).toBe('Volgende');
    const skip = await tabTo('Rondleiding overslaan', true);
    expect(skip.inDialog).toBe(true);
    await stack.shot('keyboard-1-tour-skip-focused');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(['', '#pivot']).toContain(await hash()); // back where the tour began: the start page, the pivot
    await page.reload();
    await page.locator('table.pivot').waitFor({ timeout: 30_000 });
    expect(await dialog().count()).toBe(0);
  });

  it('switches views with Tab and Enter', async () => {
    const flows = await tabTo('In- en uitstroom');
    expect(flows.tag).toBe('a');
    await page.keyboard.press('Enter');
    await expect.poll(hash).toBe('#flows');
    await page.getByRole('heading', { name: 'In- en uitstroom', level: 2 }).waitFor();
    expect((await focused()).text).toBe('In- en uitstroom'); // the link keeps the focus
    await tabTo('Draaitabel', true);
    await page.keyboard.press('Enter');
    await expect.poll(hash).toBe('#pivot');
    await page.locator('table.pivot').waitFor({ timeout: 20_000 });
  });

  it('builds a pivot: Hulpvorm added to the rows by keyboard, the focus follows the field', async () => {
    const add = await tabTo('Hulpvorm naar rijen');
    expect(add.zone).toBe('Beschikbare velden');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Rijen', exact: true }).locator('li[data-dim=segment]').count()).toBe(1);
    // The focus moved with the field into the rows zone, on the button that does the same again (→ columns).
    await expect.poll(async () => (await focused()).zone).toBe('Rijen');
    expect((await focused()).visible).toBe(true);
    await stack.shot('keyboard-2-field-added');
    // handworked.md: Ede 2024 has 7 clients; the new level splits it, the subtotal stays 7.
    await expect.poll(() => page.locator(cellSelector([EDE], ['2024'])).textContent(), { timeout: 20_000 }).toBe('7');
    expect(await page.locator(`table.pivot td[data-row^='["${EDE}",']`).count()).toBeGreaterThan(0);
  });

  it('opens the help with Enter and the shortcuts with ?, closes both with Escape, and the focus returns', async () => {
    await tabTo('Help');
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    expect(await dialog().getByRole('heading', { level: 2 }).innerText()).toBe('Help: Draaitabel');
    expect((await focused()).inDialog).toBe(true);
    // Arrow keys scroll the help; Tab stays inside the dialog.
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.tag !== 'body') expect(f.inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await focused()).toMatchObject({ text: 'Help', visible: true });
    await page.keyboard.press('?');
    await dialog().waitFor();
    expect(await dialog().getByRole('heading', { level: 2 }).innerText()).toBe('Sneltoetsen');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await focused()).toMatchObject({ text: 'Help', visible: true });
  });

  it('exports the pivot as CSV by keyboard: the menu opens with Enter, the file holds the figures, suppressed', async () => {
    const summary = await tabTo('Exporteren', true);
    expect(summary.tag).toBe('summary');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('details.export-menu').getAttribute('open')).toBe('');
    await tabTo('CSV (Excel)');
    const w = workbench(stack);
    const { bytes } = await w.download(() => page.keyboard.press('Enter'));
    const lines = parseCsv(bytes);
    const header = lines.findIndex((l) => l[0] === 'Gemeente' && l[1] === 'Hulpvorm');
    expect(header).toBeGreaterThan(0);
    const body = lines.slice(header + 1);
    const years = lines.slice(0, header).find((l) => l.includes('2023'))!;
    const ede = body.find((l) => (l[0] ?? '').startsWith('Totaal Ede') && l[1] === '')!;
    // handworked.md: in 2023 Ede had one client (C): suppressed to <5; the rows are split by Hulpvorm now.
    expect(ede[years.indexOf('2023')], JSON.stringify(lines)).toBe('<5');
    expect(body.filter((l) => (l[0] ?? '').startsWith('Ede') && l[1] !== '').length).toBeGreaterThan(0);
    for (const small of ['1', '2', '3', '4']) expect(body.flat()).not.toContain(small);
    expect((await focused()).text).toBe('CSV (Excel)');
    await stack.shot('keyboard-3-exported');
    expect(stack.pageErrors).toEqual([]);
    expect(await stack.cspViolations()).toEqual([]);
  });
});

// The pivot's busy note ("Bezig met rekenen…") has a slot of its own in the bar and never lies over a button,
// the meeting-mode button above all (issue 11). Busy is made to last deterministically: the page's calls to
// query/pivot are held at the network layer until the test lets them through, so the note is on screen for
// as long as the test looks at it — no timing involved.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDE } from '../fixtures/handworked.js';
import { expectAccessible } from './axe.js';
import { startBrowserStack, type BrowserStack } from './browser.js';
import { cellSelector, expectClean, importHandworked, workbench } from './pivot-page.js';

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('pivot busy note beside the meeting-mode button', () => {
  let stack: BrowserStack;
  let page: Page;
  let w: ReturnType<typeof workbench>;
  const held: Route[] = [];
  let holding = false;
  const release = async () => {
    holding = false;
    for (const r of held.splice(0)) await r.continue();
    await page.unroute('**/api/query/pivot');
  };
  const hold = async () => {
    holding = true;
    await page.route('**/api/query/pivot', (route) => (holding ? void held.push(route) : void route.continue()));
  };

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-busy-');
    page = stack.page;
    w = workbench(stack);
    await page.goto(stack.host.url);
    await page.getByText('Nog geen gegevens').waitFor();
    await importHandworked(stack);
    // handworked.md: Ede 2024 = 7 clients.
    await page.locator(cellSelector([EDE], ['2024']), { hasText: /^7$/ }).waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const note = () => page.locator('.workbench-bar .busy');
  /** The note's box against every button and menu in the bar: none may overlap it. */
  async function expectNoOverlap(label: string) {
    const noteBox = await note().boundingBox();
    expect(noteBox, label).not.toBeNull();
    const controls = page.locator('.workbench-bar > button, .workbench-bar > details > summary, .workbench-bar button.meeting-toggle');
    const n = await controls.count();
    expect(n, label).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) {
      const box = (await controls.nth(i).boundingBox())!;
      expect(intersects(noteBox!, box), `${label}: note over "${await controls.nth(i).innerText()}"`).toBe(false);
    }
  }

  it('shows the note while the pivot is computing, clear of the meeting-mode button', async () => {
    // Empty but present while idle: the live region exists before it speaks, and its width is kept.
    await expect.poll(() => note().innerText()).toBe('');
    const idleToggle = await page.getByRole('button', { name: 'Vergadermodus', exact: true }).boundingBox();
    await hold();
    await w.openLink({ rows: ['municipality'], cols: [] });
    await expect.poll(() => held.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await note().innerText()).toBe('Bezig met rekenen…');
    expect(await page.locator('.results').getAttribute('aria-busy')).toBe('true');
    const toggle = page.getByRole('button', { name: 'Vergadermodus', exact: true });
    expect(intersects((await note().boundingBox())!, (await toggle.boundingBox())!)).toBe(false);
    // The button did not move when the note appeared.
    expect(await toggle.boundingBox()).toEqual(idleToggle);
    await expectNoOverlap('working view');
    await expectAccessible(page, 'the pivot while busy');
    await stack.shot('pivot-busy-1-working');
    await release();
    await expect.poll(() => note().innerText()).toBe('');
    // handworked.md: Ede has 7 clients over all years.
    await expect.poll(() => w.cellText([EDE], [])).toBe('7');
  });

  it('in meeting mode (large type) the note and the leave button do not overlap either', async () => {
    await hold();
    await page.getByRole('button', { name: 'Vergadermodus', exact: true }).click();
    await page.getByText('Vergadermodus: kleine aantallen onderdrukt').waitFor();
    // Meeting mode asks for the suppressed pivot (the working view was not); it is held, so the note stays.
    await expect.poll(() => held.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => note().innerText()).toBe('Bezig met rekenen…');
    const leave = page.getByRole('button', { name: 'Vergadermodus verlaten (Esc)' });
    expect(intersects((await note().boundingBox())!, (await leave.boundingBox())!)).toBe(false);
    await expectNoOverlap('meeting mode');
    await expectAccessible(page, 'meeting mode while busy');
    await page.locator('.workbench.meeting').evaluate((el) => el.scrollTo(0, 0));
    await stack.shot('pivot-busy-2-meeting');
    await release();
    await expect.poll(() => note().innerText()).toBe('');
    await leave.click();
    await expect.poll(() => page.locator('.workbench.meeting').count()).toBe(0);
  });

  it('stayed within its CSP and on loopback', async () => {
    await expectClean(stack, ['query/pivot']);
  });
});

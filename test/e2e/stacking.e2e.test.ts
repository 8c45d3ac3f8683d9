// The stacking view (Stapeling en opeenvolging, issue 7) end to end: the real data worker and browser host, the
// built renderer in Debian's Chromium, on a generated region with the planted stepped care
// (data/generate/stepped.ts: 9 children reaching number 3, 6 number 4, 4 number 5, 2 number 7, all starting in
// the sixth year, plus 6 prospective children). Every figure is checked against the generator's ground truth
// (data/generate/truth/stacking.ts: day-by-day runs, no code shared with core/stacking), and the planted counts
// against the plan itself. The page must stay inside its CSP and on loopback.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import { day } from '../../data/generate/dates.js';
import { writeRegion } from '../../data/generate/region.js';
import { STEPPED } from '../../data/generate/stepped.js';
import { truthConcurrent, truthRegie, truthStacking, type TruthStacking } from '../../data/generate/truth/stacking.js';
import type { Truth } from '../../data/generate/truth/types.js';
import { jw301, jw305, jw307 } from '../fixtures/ijw-builder.js';
import { testBsn, wmo301, wmo305 } from '../fixtures/iwmo-builder.js';
import { ARTIFACTS, startBrowserStack, type BrowserStack } from './browser.js';
import { expectClean, parseCsv } from './pivot-page.js';
import { stackingPage } from './stacking-page.js';

describe('stacking view on a generated region with planted stepped care', () => {
  let stack: BrowserStack;
  let page: Page;
  let f: ReturnType<typeof stackingPage>;
  let truth: Truth;
  let s: TruthStacking;
  let year: string;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-stacking-');
    page = stack.page;
    f = stackingPage(stack);
    const dir = join(stack.home, 'region');
    await writeRegion(dir, { seed: 7, scale: 0.02, stepped: true });
    truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
    s = truthStacking(truth);
    year = String(truth.stepped!.year);
    expect((decode(await stack.backend.call('import/files', encode({ paths: [dir] }))) as { ok: boolean }).ok).toBe(true);
    await page.goto(stack.host.url);
    await page.getByRole('link', { name: 'Stapeling en opeenvolging', exact: true }).click();
    await page.getByRole('heading', { name: 'Stapeling en opeenvolging', level: 2 }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows stacking per month of the planted year equal to the ground truth', async () => {
    await f.select('Periode', year);
    await page.getByLabel('Kleine aantallen onderdrukken').uncheck();
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    await expect.poll(() => f.points(), { timeout: 20_000 }).toEqual(months);
    let bars = 0;
    for (const m of months) {
      // The measuring day: the month's last day.
      const last = new Date(Date.UTC(Number(year), Number(m.slice(5)), 0)).toISOString().slice(0, 10);
      const want = truthConcurrent(s, last);
      await expect.poll(() => f.cell(m, 'clients'), { timeout: 10_000, message: `${m} clients` }).toBe(String(want.clients));
      expect(await f.cell(m, 'one'), `${m} one`).toBe(String(want.one));
      expect(await f.cell(m, 'two'), `${m} two`).toBe(String(want.two));
      expect(await f.cell(m, 'threePlus'), `${m} 3+`).toBe(String(want.threePlus));
      bars += [want.one, want.two, want.threePlus].filter((n) => n > 0).length;
    }
    // One bar segment per non-zero part per month.
    await expect.poll(() => f.marks('stack-chart', 'stackbars'), { timeout: 10_000 }).toBe(bars);
    expect(await f.marks('heatmap', 'pairs')).toBeGreaterThan(0);
    await stack.shot('stacking-1-page');
    await page.locator('.stacking-over-time').screenshot({ path: join(ARTIFACTS, 'stacking-1-over-time.png') });
    await page.locator('.stacking-combinations').screenshot({ path: join(ARTIFACTS, 'stacking-2-combinations.png') });
  });

  it('shows the highest number of the episodes that began in the year, as the truth has it', async () => {
    // Episodes whose number 1 started in the year, by their highest number.
    const [a, b] = [day(`${year}-01-01`), day(`${year}-12-31`)];
    const want: Record<string, number> = {};
    for (const [bsn, list] of s.episodes) {
      list.forEach((e, i) => {
        const first = s.trajectories.find((t) => t.bsn === bsn && t.episode === i && t.number === 1);
        if (!first || first.start < a || first.start > b) return;
        const k = e.highest >= 10 ? '10+' : String(e.highest);
        want[k] = (want[k] ?? 0) + 1;
      });
    }
    // The plant alone puts 9, 6, 4 and 2 episodes at 3, 4, 5 and 7.
    for (const [n, count] of STEPPED) expect(want[String(n)] ?? 0).toBeGreaterThanOrEqual(count);
    for (const [k, n] of Object.entries(want)) await expect.poll(() => f.highest(k), { timeout: 10_000, message: `highest ${k}` }).toBe(String(n));
    expect(await f.marks('highest-chart', 'highest')).toBe(Object.keys(want).length);
    expect(await f.marks('transitions', 'bands')).toBeGreaterThan(0);
    await page.locator('.stacking-sequences').screenshot({ path: join(ARTIFACTS, 'stacking-3-sequences.png') });
  });

  it('lists the trajectories numbered 3 started in the year, and 3 or higher', async () => {
    const exact = truthRegie(s, `${year}-01-01`, `${year}-12-31`, 3);
    // Every planted child reaches number 3 within the year.
    expect(exact.length).toBeGreaterThanOrEqual(STEPPED.reduce((n, [, c]) => n + c, 0));
    await expect.poll(() => f.regieRows(), { timeout: 15_000 }).toEqual(exact);
    expect(await page.locator('.regie-count').textContent()).toContain(`${exact.length} trajecten gestart van 01-01-${year} tot en met 31-12-${year}`);
    // Each row shows the child's earlier numbered trajectories 1 and 2 (JB/JR and same-day ones may come too).
    const numbers = await page.locator('table.regie-table tr[data-nr]').first().locator('td.earlier li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-number')));
    expect(numbers).toContain('1');
    expect(numbers).toContain('2');
    await stack.shot('stacking-4-regie');
    await page.locator('.regie-section').screenshot({ path: join(ARTIFACTS, 'stacking-5-regie-list.png') });

    await page.getByLabel('Ook trajecten met nummer 4 en hoger').check();
    const higher = truthRegie(s, `${year}-01-01`, `${year}-12-31`, 3, true);
    // Planted: 3rd…7th of their children: 21 + 12 + 6 + 2 + 2 = 43 at least.
    expect(higher.length).toBeGreaterThanOrEqual(43);
    await expect.poll(() => f.regieRows(), { timeout: 15_000 }).toEqual(higher);
    await page.getByLabel('Ook trajecten met nummer 4 en hoger').uncheck();
    await expect.poll(() => f.regieRows(), { timeout: 15_000 }).toEqual(exact);
    // The prospective list: at least the 6 planted children.
    expect(await page.locator('table.prospective-table tr[data-pseudonym]').count()).toBeGreaterThanOrEqual(truth.stepped!.prospective.length);
  });

  it('exports the list only after confirming it is the own case list', async () => {
    // The data process refuses without the confirmation, whoever asks.
    const refused = decode(await stack.backend.call('export/regie-op-drie', encode({ query: { period: year }, format: 'csv' }))) as { ok: boolean; error?: { code: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('bad-request');

    await page.getByRole('button', { name: 'Lijst exporteren…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const csv = dialog.getByRole('button', { name: 'CSV (Excel)' });
    expect(await csv.isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'stacking-6-export-dialog.png') });
    // Keyboard: the checkbox takes Space.
    await dialog.getByLabel('Ik bevestig dat dit de eigen cliëntenlijst van de gemeente is').focus();
    await page.keyboard.press('Space');
    expect(await csv.isDisabled()).toBe(false);
    const [file] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const lines = parseCsv(readFileSync((await file.path())!));
    const cells = new Set(lines.slice(1).flat());
    // Every listed ToewijzingNummer is in the file, exact (not suppressed).
    for (const row of truthRegie(s, `${year}-01-01`, `${year}-12-31`, 3)) expect(cells.has(row.split('|')[1]!), row).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('hides the lists in meeting mode; Esc leaves it', async () => {
    await page.getByRole('button', { name: 'Vergadermodus', exact: true }).click();
    await page.getByText('Vergadermodus: kleine aantallen onderdrukt').waitFor();
    await page.getByText('Vergadermodus: de regie-op-drielijsten zijn verborgen.').waitFor();
    expect(await page.locator('table.regie-table').count()).toBe(0);
    expect(await page.locator('table.prospective-table').count()).toBe(0);
    expect(await page.locator('.regie-export').count()).toBe(0);
    await stack.shot('stacking-7-meeting');
    await page.keyboard.press('Escape');
    await page.locator('table.regie-table').waitFor({ timeout: 10_000 });
  });

  it('says iWmo files must be imported before the samenloop section has figures', async () => {
    await page.getByText('Geen iWmo-gegevens geïmporteerd. Importeer iWmo-berichten WMO301, WMO305 en WMO307 (in het scherm Importeren)', { exact: false }).waitFor({ timeout: 10_000 });
    expect(await page.locator('table.samenloop-table').count()).toBe(0);
    await page.locator('.stacking-samenloop').screenshot({ path: join(ARTIFACTS, 'stacking-8-samenloop-empty.png') });
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    await expectClean(stack, ['query/stacking', 'query/sequences', 'query/regie-op-drie', 'query/regie-op-drie-prospective', 'export/regie-op-drie', 'query/samenloop']);
  });
});

// The hand-worked case of test/unit/samenloop.test.ts ("from imported messages"), imported from files: one young
// person turns 18 on 2024-05-01 (born 2006-05) after youth care ending 2024-04-30 and gets Wmo from 2024-06-01;
// the other turns 18 on 2024-07-01 (born 2006-07) with youth care running on. The provider messages are dated
// December so the peildatum is 2024-12-31 and the whole year counts. By hand: Jeugd 2, Wmo 1, both 1, same day 0
// (Jeugd ends a month before Wmo starts); cohort 2 = to Wmo 1 + prolonged 1 + both 0 + neither 0.
describe('samenloop section with imported iJw and iWmo messages', () => {
  let stack: BrowserStack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-samenloop-');
    page = stack.page;
    const moved = { bsn: testBsn(1), geboortedatum: '2006-05-10', geslacht: '2' as const };
    const stays = { bsn: testBsn(2), geboortedatum: '2006-07-15', geslacht: '1' as const };
    const g = (id: string) => ({ afzender: '0228', ontvanger: '42420001', id, dagtekening: '2024-01-10' });
    const p = (id: string) => ({ afzender: '42420001', ontvanger: '0228', id, dagtekening: '2024-12-10' });
    const assign = (nr: number) => [{ nr, categorie: '45', toewijzingsdatum: '2023-08-20', ingangsdatum: '2023-09-01' }];
    const messages = [
      jw301(g('1'), moved, assign(1)), jw305(p('2'), moved, [{ nr: 1, categorie: '45', begindatum: '2023-09-01' }]),
      jw307(p('3'), moved, [{ nr: 1, categorie: '45', begindatum: '2023-09-01', einddatum: '2024-04-30', reden: '35' }]),
      jw301(g('4'), stays, assign(2)), jw305(p('5'), stays, [{ nr: 2, categorie: '45', begindatum: '2023-09-01' }]),
      wmo301(g('6'), moved, [{ nr: 9, categorie: '02', toewijzingsdatum: '2024-05-20', ingangsdatum: '2024-06-01' }]),
      wmo305(p('7'), moved, [{ nr: 9, categorie: '02', begindatum: '2024-06-01' }]),
    ];
    const dir = join(stack.home, 'messages');
    mkdirSync(dir);
    messages.forEach((text, i) => writeFileSync(join(dir, `m${i}.xml`), text));
    const report = decode(await stack.backend.call('import/files', encode({ paths: [dir] }))) as { ok: boolean; value?: { files: { status: string }[] } };
    expect(report.ok).toBe(true);
    expect(report.value?.files.map((f) => f.status)).toEqual(Array(7).fill('imported'));
    await page.goto(stack.host.url);
    await page.getByRole('link', { name: 'Stapeling en opeenvolging', exact: true }).click();
    await page.getByRole('heading', { name: 'Stapeling en opeenvolging', level: 2 }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the hand-worked figures, suppressed by default and exact without suppression', async () => {
    const cell = (fig: string) => page.locator(`table.samenloop-table tr[data-figure='${fig}'] td`).textContent({ timeout: 10_000 });
    await stackingPage(stack).select('Periode', '2024');
    // Every non-zero figure is behind fewer than 5 people; zeros are never suppressed.
    await expect.poll(() => cell('jeugd'), { timeout: 15_000 }).toBe('<5');
    expect(await cell('bothSameDay')).toBe('0');
    await page.getByLabel('Kleine aantallen onderdrukken').uncheck();
    const want = { jeugd: '2', wmoClients: '1', both: '1', bothSameDay: '0', 'turning18.cohort': '2', 'turning18.toWmo': '1', 'turning18.prolonged': '1', 'turning18.both': '0', 'turning18.neither': '0' };
    await expect.poll(() => cell('jeugd'), { timeout: 15_000 }).toBe('2');
    for (const [fig, n] of Object.entries(want)) expect(await cell(fig), fig).toBe(n);
    expect(await page.getByText('Wmo-gegevens in de database: van 01-06-2024 tot en met 01-06-2024.').count()).toBe(1);
    // One bar per figure (a zero draws an empty bar).
    await expect.poll(() => stackingPage(stack).marks('samenloop-chart', 'samenloop'), { timeout: 10_000 }).toBe(9);
    expect(await page.locator('.samenloop-empty').count()).toBe(0);
    await page.locator('.stacking-samenloop').screenshot({ path: join(ARTIFACTS, 'stacking-8-samenloop.png') });
    await expectClean(stack, ['query/samenloop']);
  });
});

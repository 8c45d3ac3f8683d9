// The import view end to end: the official iJw 3.2 examples picked through the file input of the built
// renderer, in Debian's Chromium, against the real data worker on an empty database. Expected texts come from
// the official files and their documented quirks (shared/reference/ijw/SOURCES.md), never from the app.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from '../../data/generate/index.js';
import { EXAMPLES_DIR, EXAMPLE_CODES } from '../fixtures/import/examples.js';
import { isLoopback, startBrowserStack, type BrowserStack } from './browser.js';

const EXAMPLE_FILES = EXAMPLE_CODES.map((c) => join(EXAMPLES_DIR, `${c}.xml`));
const exampleText = (code: string) => readFileSync(join(EXAMPLES_DIR, `${code}.xml`), 'utf8');
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
const linesWith = (text: string, pattern: RegExp) => text.split('\n').flatMap((l, i) => (pattern.test(l) ? [i + 1] : []));

// SOURCES.md quirk 4: 12 of the 14 examples are valid; JW315 has ToewijzingEinddatum 2027-06-31 (not a date),
// JW318 a bare RetourCode under Verzoek on line 33.
const REJECTED = ['JW315', 'JW318'];
const VALID = EXAMPLE_CODES.filter((c) => !REJECTED.includes(c));
const JW315_BAD_LINES = linesWith(exampleText('JW315'), /<jw315:ToewijzingEinddatum>2027-06-31</);
// Fact rows of the stored types, counted in the files: one assignment version per ToegewezenProduct, one start
// per StartProduct, one stop per StopProduct, one declaration line per ReferentieNummer (DOMAIN.md: a line's
// identity is provider + ReferentieNummer; the example repeats RN004 with other content, a line conflict).
const RECORDS: Record<string, number> = {
  JW301: count(exampleText('JW301'), /<jw301:ToegewezenProduct>/g),
  JW305: count(exampleText('JW305'), /<jw305:StartProduct>/g),
  JW307: count(exampleText('JW307'), /<jw307:StopProduct>/g),
  JW323: new Set(exampleText('JW323').match(/<ijw:ReferentieNummer>[^<]+</g)).size,
};
const SOURCE = 'Officiële voorbeelden iJw 3.2';

describe('import view in the browser host', () => {
  let stack: BrowserStack;
  let page: Page;
  let pivotBefore = '';

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-import-');
    page = stack.page;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const shot = (name: string) => stack.shot(`import-${name}`);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name, exact: true });
  const historyRows = () => page.locator('table.history tbody tr');
  const cells = async (row: ReturnType<Page['locator']>) => (await row.locator('th, td').allTextContents()).map((t) => t.trim());
  const pivotText = async () => {
    await page.locator('.pivot-view .results').waitFor({ timeout: 20_000 });
    return page.locator('table.pivot').innerText();
  };

  it('opens on the pivot empty state, and the Import tab keeps its place in the URL across a reload', async () => {
    expect(new Set(VALID).size).toBe(12);
    expect(JW315_BAD_LINES).toEqual([44, 66]);
    expect(exampleText('JW318').split('\n')[32]).toMatch(/^\s*<jw318:RetourCode>/);

    await page.goto(stack.host.url);
    await page.getByText('Nog geen gegevens: importeer iJw-berichten met').waitFor();
    expect(await nav('Draaitabel').getAttribute('aria-current')).toBe('page');
    // The empty state points to the Import tab.
    await page.locator('.empty').getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Importeren' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#import');
    expect(await nav('Import').getAttribute('aria-current')).toBe('page');
    await page.getByText('Nog geen imports.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Importeren' }).waitFor();
    expect(page.url()).not.toContain(stack.host.token);
    await page.getByText('Nog geen imports.').waitFor();
    await shot('0-empty');

    // The tabs are plain links: reachable with Tab, followed with Enter.
    await nav('Draaitabel').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Nog geen gegevens: importeer iJw-berichten met').waitFor();
    expect(new URL(page.url()).hash).toBe('#pivot');
    await nav('Import').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Importeren' }).waitFor();
  });

  it('takes dropped files into the list of chosen files, and clears it', async () => {
    const dataTransfer = await page.evaluateHandle(
      ([a, b]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([a!], 'JW301.xml', { type: 'text/xml' }));
        dt.items.add(new File([b!], 'JW305.xml', { type: 'text/xml' }));
        return dt;
      },
      [exampleText('JW301'), exampleText('JW305')],
    );
    await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer });
    await page.getByText(/^2 bestanden gekozen \(/).waitFor();
    expect(await page.locator('.picked-list li').allInnerTexts()).toEqual(['JW301.xml', 'JW305.xml']);
    await page.getByRole('button', { name: 'Wissen' }).click();
    await page.locator('.picked').waitFor({ state: 'detached' });
  });

  it('imports the 14 official examples: 12 stored, JW315 and JW318 rejected with line and element', async () => {
    await page.setInputFiles('input[name=files]', EXAMPLE_FILES);
    await page.getByText(/^14 bestanden gekozen \(\d+ kB\)$/).waitFor();
    await page.getByLabel('Bron (optioneel)').fill(SOURCE);
    await shot('1-picked');
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();

    // How the import ended (or the error it met), then its report.
    await page.locator('.outcome, .import-view .error').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('.outcome, .import-view .error').first().innerText()).toBe('Import klaar: 14 bestanden: 12 ingelezen, 2 afgekeurd.');
    await page.locator('.report').waitFor({ timeout: 30_000 });
    expect(await page.locator('#report-title').innerText()).toMatch(/^Rapport van import 1 \(\d{2}-\d{2}-\d{4} \d{2}:\d{2}\)$/);
    expect(await page.locator('.report-summary').innerText()).toMatch(
      new RegExp(`^${SOURCE} · 14 bestanden · 12 berichten opgeslagen · 0 al bekend · 2 afgekeurd · \\d+ waarschuwingen$`),
    );

    // Counts per message type: each valid example is one file holding one message.
    const typeRows = page.locator('table.report-types tbody tr');
    expect(await typeRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(VALID);
    for (const code of VALID) {
      const [, files, messages, records] = await cells(page.locator(`table.report-types tr[data-code=${code}]`));
      expect([files, messages], code).toEqual(['1', '1']);
      if (RECORDS[code] !== undefined) expect(records, code).toBe(String(RECORDS[code]));
    }
    expect(await page.locator('table.report-types tr[data-code=JW301] th').innerText()).toBe('Toewijzing JW301');
    expect(await cells(page.locator('table.report-types tfoot tr'))).toEqual(expect.arrayContaining(['Totaal', '12']));

    // Rejected files, one row per error, with the line and element of the official files' faults.
    const rejected = page.locator('table.report-rejected tbody tr');
    const rows = await Promise.all((await rejected.all()).map(cells));
    expect(rows.map(([file, line, element]) => [file, line, element])).toEqual([
      ...JW315_BAD_LINES.map((line) => ['JW315.xml', String(line), 'ToewijzingEinddatum']),
      ['JW318.xml', '33', 'RetourCode'],
    ]);
    for (const row of rows) expect(row[3]!.length).toBeGreaterThan(10);

    // Warnings: each row shows a description and its code, with a count.
    for (const row of await page.locator('table.report-warnings tbody tr').all()) {
      const code = await row.getAttribute('data-code');
      expect(await row.locator('th code').innerText()).toBe(code);
      expect(Number(await row.locator('td.num').innerText())).toBeGreaterThan(0);
    }
    await shot('2-report');

    // History: this one batch.
    await expect.poll(() => historyRows().count()).toBe(1);
    const [date, source, files, messages, rejectedCount, , status] = await cells(historyRows().first());
    expect(date).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect([source, files, messages, rejectedCount, status]).toEqual([SOURCE, '14', '12', '2', 'Ingelezen']);
  }, 180_000);

  it('shows the imported data in the pivot view', async () => {
    await nav('Draaitabel').click();
    await page.getByRole('heading', { name: 'Draaitabel' }).waitFor();
    expect(await page.getByText('Nog geen gegevens').count()).toBe(0);
    pivotBefore = await pivotText();
    expect(pivotBefore.length).toBeGreaterThan(0);
  });

  it('undoes the batch after a confirm that says what it removes; the pivot is empty again', async () => {
    await nav('Import').click();
    await page.getByRole('button', { name: /^Ongedaan maken: import 1 / }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').innerText()).toMatch(new RegExp(`^Import van \\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2} \\(${SOURCE}\\) ongedaan maken\\?$`));
    expect(await dialog.innerText()).toContain('Berichten die geen andere import bevat worden verwijderd');
    expect(await dialog.innerText()).toContain('Deze import houdt nu 12 berichten vast.');
    // Undo cannot be taken back: the focus starts on Cancel, so an Enter by habit does nothing harmful.
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null && document.activeElement?.textContent)).toBe('Annuleren');
    await shot('3-undo-dialog');
    // Escape backs out without changing anything.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await cells(historyRows().first()))[6]).toBe('Ingelezen');

    await page.getByRole('button', { name: /^Ongedaan maken: import 1 / }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ongedaan maken' }).click();
    // No other batch holds the 12 messages, so all 12 go.
    await page.getByText('Import 1 ongedaan gemaakt: 12 berichten verwijderd, 0 bewaard').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await cells(historyRows().first()))[6]).toMatch(/^Ongedaan gemaakt op \d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect(await page.getByRole('button', { name: /^Ongedaan maken: import 1 / }).count()).toBe(0);
    await shot('4-undone');

    await nav('Draaitabel').click();
    await page.getByText('Nog geen gegevens: importeer iJw-berichten met').waitFor({ timeout: 20_000 });
  });

  it('imports the same files again: the messages are new again and the figures come back', async () => {
    await nav('Import').click();
    await page.setInputFiles('input[name=files]', EXAMPLE_FILES);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect.poll(() => page.locator('#report-title').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/^Rapport van import 2 /);
    expect(await page.locator('.outcome').first().innerText()).toBe('Import klaar: 14 bestanden: 12 ingelezen, 2 afgekeurd.');
    await expect.poll(() => historyRows().count()).toBe(2);
    // Newest first.
    expect((await cells(historyRows().nth(0))).slice(2, 7)).toEqual(['14', '12', '2', expect.any(String), 'Ingelezen']);
    expect((await cells(historyRows().nth(1)))[6]).toMatch(/^Ongedaan gemaakt op /);
    await shot('5-reimported');

    await nav('Draaitabel').click();
    expect(await pivotText()).toBe(pivotBefore);
  });

  it('cancels a running import: nothing of it stays', async () => {
    const dir = join(stack.home, 'region');
    await writeRegion(dir, { seed: 11, scale: 0.01 });
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .slice(0, 3000);

    await nav('Import').click();
    await page.setInputFiles('input[name=files]', files);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    // Wait until the data process reports the import (its phase in the heading, a value on the bar).
    await page.getByRole('heading', { name: /Controleren tegen de iJw-schema's|Opslaan/ }).waitFor({ timeout: 120_000 });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^[\d.]+ van 3\.000 bestanden · [\d.]+ berichten?( · [\d.]+ afgekeurd)? · (nog ongeveer .+|resterende tijd wordt berekend)$/);
    await shot('6-progress');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.locator('.outcome, .import-view .error').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('.outcome, .import-view .error').first().innerText()).toBe('Import geannuleerd: er is niets van opgeslagen.');
    await shot('7-cancelled');

    // Still the two batches of before, and the same figures.
    expect(await historyRows().count()).toBe(2);
    await nav('Draaitabel').click();
    expect(await pivotText()).toBe(pivotBefore);
  }, 300_000);

  it('shows the import view in English', async () => {
    await nav('Import').click();
    await page.getByRole('button', { name: /^Rapport van import 2 / }).click();
    await page.locator('.report').waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Earlier imports' }).waitFor();
    expect(await page.locator('table.report-types thead th').first().innerText()).toBe('Message type');
    expect(await page.locator('table.report-types tr[data-code=JW301] th').innerText()).toBe('Assignment JW301');
    expect(await page.getByRole('navigation', { name: 'View' }).getByRole('link').allInnerTexts()).toEqual(['Pivot table', 'Inflow and outflow', 'Stacking and succession', 'Compare', 'Steering', 'Import', 'Tables', 'Settings']);
    await shot('8-english');
    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await page.getByRole('heading', { name: 'Eerdere imports' }).waitFor();
  });

  it('stayed within its CSP and on loopback the whole time', async () => {
    expect(stack.pageErrors).toEqual([]);
    expect(stack.consoleProblems).toEqual([]);
    expect(await stack.cspViolations()).toEqual([]);
    expect(stack.blocked).toEqual([]);
    expect(stack.requests.filter((u) => !isLoopback(u))).toEqual([]);
    expect(stack.requests.some((u) => u.includes('/api/import/files'))).toBe(true);
    expect(stack.requests.some((u) => u.includes('/api/import/undo'))).toBe(true);
    expect(stack.requests.filter((u) => u.includes('#token='))).toEqual([]);
  });
});

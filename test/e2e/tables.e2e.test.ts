// The tables view end to end: DUO open data (shared/reference/open-data) picked through the file input,
// previewed, mapped and imported in Debian's Chromium against the real data worker. Expected facts come from
// SOURCES.md and from decoding the files here, never from the app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../fixtures/import/examples.js';
import { isLoopback, startBrowserStack, type BrowserStack } from './browser.js';

const OPEN_DATA = join(SHARED_DIR, 'reference', 'open-data');
const DUO02 = join(OPEN_DATA, 'duo-02-alle-schoolvestigingen-basisonderwijs.csv');
const DUO06 = join(OPEN_DATA, 'duo-06-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv');

// SOURCES.md: file 02 is Windows-1252 with ';', 6,122 rows (one per school location); file 06 has 9,737 rows
// with LEERLINGEN_1996 … LEERLINGEN_2025.
const duo02Lines = windows1252(readFileSync(DUO02)).split(/\r?\n/).filter(Boolean);
const duo02Header = duo02Lines[0]!.split(';');
const firstNames = duo02Lines.slice(1, 11).map((l) => l.split(';')[duo02Header.indexOf('VESTIGINGSNAAM')]);

/** Node's decoder reads bytes 0x80–0x9F as Latin-1 control codes; Windows-1252 puts printable characters there
 *  (0x92 is ’). Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as they are. */
function windows1252(bytes: Uint8Array): string {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? high[b - 0x80] : String.fromCharCode(b);
  return out;
}

describe('tables view in the browser host', () => {
  let stack: BrowserStack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-tables-');
    page = stack.page;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const shot = (name: string) => stack.shot(`tables-${name}`);
  const facts = () => page.locator('.table-preview ul.facts li').allInnerTexts();
  const mapped = (field: string) => page.locator(`table.mapping-table tr[data-field=${field}] select`);
  const pick = async (kind: string, file: string) => {
    await page.getByLabel('Soort tabel').selectOption(kind);
    await page.setInputFiles('input[name=table-file]', file);
    await page.locator('.table-preview').waitFor({ timeout: 60_000 });
  };

  it('opens on the Tables tab with an empty list', async () => {
    expect(firstNames.some((n) => n!.includes('\u2019'))).toBe(true); // the 0x92 quote of SOURCES.md
    await page.goto(stack.host.url);
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Tabellen' }).click();
    await page.getByRole('heading', { name: 'Tabellen (CSV/XLSX)' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#tables');
    await page.getByText('Nog geen tabellen geladen.').waitFor();
  });

  it('previews DUO file 02 with the detected encoding and delimiter and a suggested mapping', async () => {
    await pick('duo-schools', DUO02);
    expect(await facts()).toEqual(['Formaat: CSV', 'Tekenset: Windows-1252 (ANSI)', 'Scheidingsteken: puntkomma (;)', '6.122 regels met gegevens']);
    const nameColumn = duo02Header.indexOf('VESTIGINGSNAAM') + 1;
    expect(await page.locator(`table.preview-rows tbody td:nth-child(${nameColumn})`).allInnerTexts()).toEqual(firstNames);
    expect(await page.getByText('Voorstel op grond van de kolomnamen').count()).toBe(1);
    expect(await mapped('vestigingscode').inputValue()).toBe('VESTIGINGSCODE');
    await shot('1-preview');
  });

  it('imports it, saves the mapping for the source, and uses it the next time', async () => {
    // Leave the postcode out this time: the saved mapping must remember that choice.
    await mapped('pc4').selectOption('');
    await page.getByRole('button', { name: 'Tabel importeren' }).click();
    await page.locator('.table-result').waitFor({ timeout: 60_000 });
    expect(await page.locator('.table-result .outcome').innerText()).toMatch(/^6\.122 regels gelezen, 6\.122 rijen opgeslagen voor bron ‘duo-02-alle-schoolvestigingen-basisonderwijs’ \(0 rijen vervangen\)/);
    const row = page.locator('table.tables-list tbody tr[data-kind=duo-schools]');
    await row.waitFor();
    expect((await row.locator('th, td').allInnerTexts()).slice(0, 3)).toEqual(['Schoolvestigingen (DUO)', 'duo-02-alle-schoolvestigingen-basisonderwijs', '6.122']);
    await shot('2-imported');

    await pick('duo-schools', DUO02);
    await page.getByText('Koppeling zoals eerder bewaard voor bron ‘duo-02-alle-schoolvestigingen-basisonderwijs’.').waitFor();
    expect(await mapped('pc4').inputValue()).toBe('');
    expect(await mapped('vestigingscode').inputValue()).toBe('VESTIGINGSCODE');
  });

  it('reads DUO file 06 as a wide table: one row per LEERLINGEN_ year column', async () => {
    await pick('duo-pupils', DUO06);
    expect(await facts()).toEqual(['Formaat: CSV', 'Tekenset: UTF-8 met BOM', 'Scheidingsteken: puntkomma (;)', '9.737 regels met gegevens']);
    expect(await page.locator('.table-preview .note').innerText()).toBe('Brede tabel: de 30 kolommen LEERLINGEN_1996 … LEERLINGEN_2025 worden elk een rij.');
    await page.getByRole('button', { name: 'Tabel importeren' }).click();
    await page.locator('.table-result').waitFor({ timeout: 120_000 });
    expect(await page.locator('.table-result .outcome').innerText()).toMatch(/^9\.737 regels gelezen, /);
    // SOURCES.md: 762 cells hold DUO's '<5'.
    expect(await page.locator('.table-result ul.notes').innerText()).toMatch(/\b762\b/);
    const row = page.locator('table.tables-list tbody tr[data-kind=duo-pupils]');
    await row.waitFor();
    expect((await row.locator('td').nth(2).innerText())).toBe('1996–2025 (30)');
    await shot('3-wide');
  }, 180_000);

  it('stayed within its CSP and on loopback the whole time', async () => {
    expect(stack.pageErrors).toEqual([]);
    expect(stack.consoleProblems).toEqual([]);
    expect(await stack.cspViolations()).toEqual([]);
    expect(stack.blocked).toEqual([]);
    expect(stack.requests.filter((u) => !isLoopback(u))).toEqual([]);
    expect(stack.requests.some((u) => u.includes('/api/tables/import'))).toBe(true);
  });
});

// The settings view end to end in Chromium against the real data worker, on its own temporary data folder:
// what it says about the store (threshold, peildatum, reference tables, where the files are, the backup),
// changing the threshold and the peildatum, and "erase all data" in two steps — ending in an empty store the
// page carries on with (the host restarts its worker: data/worker-restart.ts). Figures come from
// test/fixtures/handworked.md (peildatum 30-06-2025) and SOURCES.md (DUO file 02: 6,122 school locations), not from the app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOver, type SpiegelApi } from '../../core/contract/api.js';
import { writeBackup } from '../../data/db/backup.js';
import { openDatabase } from '../../data/db/open.js';
import { SHARED_DIR } from '../fixtures/import/examples.js';
import { writeHandworkedSet } from '../fixtures/handworked.js';
import { expectAccessible } from './axe.js';
import { startBrowserStack, type BrowserStack } from './browser.js';

const DUO02 = join(SHARED_DIR, 'reference', 'open-data', 'duo-02-alle-schoolvestigingen-basisonderwijs.csv');

describe('settings view in the browser host', () => {
  let stack: BrowserStack;
  let page: Page;
  let api: SpiegelApi;
  let dbFile: string;
  let home: string;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-settings-');
    page = stack.page;
    // browser.ts's layout: the database beside the home folder that holds the key.
    dbFile = join(stack.home, 'spiegel.sqlite');
    home = join(stack.home, 'home');
    api = clientOver(stack.backend.call, () => () => {});
    const report = await api.invoke('import/files', { paths: writeHandworkedSet(join(stack.home, 'in')) });
    expect(report.ok).toBe(true);
    expect((await api.invoke('tables/import', { path: DUO02, kind: 'duo-schools', source: 'duo-02' })).ok).toBe(true);
    // A backup, as a migration leaves one, taken over a second connection.
    const other = openDatabase(dbFile);
    writeBackup(other, dbFile, 8, new Date('2025-07-01T10:00:00Z'));
    other.close();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const shot = (name: string) => stack.shot(`settings-${name}`);
  const section = (id: string) => page.locator(`section[data-setting=${id}]`);

  it('opens from the navigation and says what is set and where everything is', async () => {
    await page.goto(stack.host.url);
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#settings');
    expect(await page.getByLabel('Drempel (aantal kinderen)').inputValue()).toBe('5');
    expect(await section('threshold').locator('.setting-now').innerText()).toBe('Nu: cijfers achter 1 tot en met 4 kinderen worden onderdrukt (drempel 5).');
    expect(await section('peildatum').locator('.setting-now').innerText()).toBe('Uit de gegevens: 30-06-2025. Er is geen eigen peildatum ingesteld.');
    expect(await page.locator('[data-reference=codebook]').getAttribute('data-present')).toBe('false');
    expect(await page.locator('[data-reference=population]').getAttribute('data-present')).toBe('false');
    expect(await page.locator('[data-reference=schools] .present').innerText()).toBe('Aanwezig: Schoolvestigingen (DUO) (duo-02, 6.122).');
    expect(await page.locator('.locations dd code').allInnerTexts()).toEqual([home, dbFile, `${dbFile}.backups`, join(home, 'pseudonym.key')]);
    await page.getByText('spiegel serve --home MAP').waitFor(); // the browser host cannot choose a folder itself
    await page.getByText('Laatste reservekopie: 01-07-2025').waitFor();
    await expectAccessible(page, 'the settings view');
    await shot('1-overview');

    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 2, name: 'Settings' }).waitFor();
    expect(await section('threshold').locator('.setting-now').innerText()).toBe('Now: figures behind 1 to 4 children are suppressed (threshold 5).');
    await section('peildatum').getByText('dd-mm-yyyy, for example 31-12-2025').waitFor(); // docs/handleiding.md: dd-mm also in English
    await shot('1-english');
    await page.getByRole('radio', { name: 'Nederlands' }).check();
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
  });

  it('stores a threshold of 10 and an own peildatum; the header shows the new peildatum', async () => {
    await page.getByLabel('Drempel (aantal kinderen)').fill('4');
    await page.getByText('Kies een heel getal van 5 tot en met 50.').waitFor();
    expect(await section('threshold').getByRole('button', { name: 'Opslaan' }).isDisabled()).toBe(true);
    await page.getByLabel('Drempel (aantal kinderen)').fill('10');
    await section('threshold').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen: drempel 10.').waitFor();
    expect(await section('threshold').locator('.setting-now').innerText()).toBe('Nu: cijfers achter 1 tot en met 9 kinderen worden onderdrukt (drempel 10).');
    const stored = await api.invoke('settings/get', {});
    expect(stored.ok && stored.value.suppressionThreshold).toBe(10);

    // A Dutch date field, not the browser's (which shows mm/dd/yyyy in an American locale): dd-mm-jjjj.
    const field = page.getByLabel('Eigen peildatum');
    expect(await field.getAttribute('type')).toBe('text');
    await section('peildatum').getByText('dd-mm-jjjj, bijvoorbeeld 31-12-2025').waitFor();
    await field.fill('31-02-2025');
    await field.press('Tab');
    await section('peildatum').getByRole('alert').getByText('31-02-2025 bestaat niet: februari 2025 heeft 28 dagen.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await section('peildatum').getByRole('button', { name: 'Opslaan' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'an impossible peildatum');
    await shot('2-impossible-date');
    await field.fill('31-12-2024');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await section('peildatum').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je eigen peildatum 31-12-2024 is in gebruik.').waitFor();
    expect(await field.inputValue()).toBe('31-12-2024');
    const withDate = await api.invoke('settings/get', {});
    expect(withDate.ok && withDate.value.peildatum.override).toBe('2024-12-31');
    await page.locator('.app-header .peildatum').getByText('31-12-2024').waitFor();
    await shot('2-changed');
  });

  it('erases all data after two confirmations, and the page carries on with an empty store', async () => {
    await page.getByRole('button', { name: 'Alle gegevens wissen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Alle gegevens wissen?' });
    await dialog.waitFor();
    expect(await dialog.locator('li code').allInnerTexts()).toEqual([dbFile, `${dbFile}.backups`, join(home, 'pseudonym.key')]);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null && document.activeElement?.textContent)).toBe('Annuleren');
    await expectAccessible(page, 'the first erase confirmation');
    await shot('3-erase-step1');
    await dialog.getByRole('button', { name: 'Verder' }).click();
    const last = page.getByRole('dialog', { name: 'Definitief wissen' });
    await last.waitFor();
    expect(existsSync(dbFile)).toBe(true); // nothing happens before the second confirmation
    await shot('4-erase-step2');
    await last.getByRole('button', { name: 'Ja, alles wissen' }).click();

    const outcome = section('erase').locator('.outcome');
    await outcome.waitFor();
    // The WAL and SHM are folded back when the database closes; what is left to remove is these four.
    expect(await outcome.locator('.removed-list code').allInnerTexts()).toEqual([dbFile, `${dbFile}.backups`, join(home, 'pseudonym.key'), home]);
    expect(await outcome.locator('p').first().innerText()).toBe('Gewist: 4 bestanden en mappen.');
    await outcome.getByText('Spiegel gaat verder met een lege database, als na een nieuwe installatie.', { exact: false }).waitFor();
    expect(existsSync(`${dbFile}.backups`)).toBe(false); // (the store and key are made anew as the page carries on)
    await expectAccessible(page, 'the erase outcome');
    await shot('5-erased');

    // No restart of the host: the same page, opened again, shows an empty store with the default settings.
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
    await section('peildatum').getByText('Er zijn nog geen berichten om een peildatum uit af te leiden.').waitFor();
    expect(await page.getByLabel('Drempel (aantal kinderen)').inputValue()).toBe('5');
    expect(await page.locator('[data-present=true]').count()).toBe(0);
    await page.getByText('Er is nog geen reservekopie; die wordt gemaakt vóór elke database-update.').waitFor();
    const meta = await api.invoke('meta/dimensions', {});
    expect(meta.ok && meta.value.counts).toEqual({ messages: 0, clients: 0, carePeriods: 0 });
    await shot('6-empty-again');
    expect(stack.pageErrors).toEqual([]);
    expect(await stack.cspViolations()).toEqual([]);
  });
});

// Restore and erase in the browser host, and the page carries on without a restart of `spiegel serve`: the
// restored backup's imports show at once, and after "erase all data" the Import tab is empty and takes a new
// import (batch 1 again, in a new store with a new key). The worker behind the page is restarted by
// data/worker-restart.ts, as `spiegel serve` runs it. Figures by hand: each official iJw example file holds one
// message (shared/reference/ijw/SOURCES.md); the backup holds the first import (JW301 and JW305: 2 messages).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOver, type SpiegelApi } from '../../core/contract/api.js';
import { writeBackup } from '../../data/db/backup.js';
import { openDatabase } from '../../data/db/open.js';
import { EXAMPLES_DIR, exampleInput } from '../fixtures/import/examples.js';
import { expectAccessible } from './axe.js';
import { startBrowserStack, type BrowserStack } from './browser.js';

const files = (...codes: string[]) => codes.map((c) => ({ name: `${c}.xml`, bytes: new Uint8Array(exampleInput(c).bytes) }));

describe('erase and restore in the browser host carry on without a restart', () => {
  let stack: BrowserStack;
  let page: Page;
  let api: SpiegelApi;
  let dbFile: string;
  let keyFile: string;

  beforeAll(async () => {
    stack = await startBrowserStack('spiegel-e2e-erase-restart-');
    page = stack.page;
    dbFile = join(stack.home, 'spiegel.sqlite'); // browser.ts's layout
    keyFile = join(stack.home, 'home', 'pseudonym.key');
    api = clientOver(stack.backend.call, () => () => {});
    expect((await api.invoke('import/files', { files: files('JW301', 'JW305'), source: 'eerste' })).ok).toBe(true);
    const other = openDatabase(dbFile); // a backup as a migration takes one, over a second connection
    writeBackup(other, dbFile, 8, new Date('2025-07-01T10:00:00Z'));
    other.close();
    expect((await api.invoke('import/files', { files: files('JW307'), source: 'tweede' })).ok).toBe(true);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const shot = (name: string) => stack.shot(`erase-restart-${name}`);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name, exact: true });
  const historyRows = () => page.locator('table.history tbody tr');
  const cells = async (row: ReturnType<Page['locator']>) => (await row.locator('th, td').allTextContents()).map((t) => t.trim());
  /** Source, files, messages, rejected of each batch in the Import tab's history, newest first. */
  const history = async () => Promise.all((await historyRows().all()).map(async (r) => (await cells(r)).slice(1, 5)));
  const openSettings = async () => {
    await nav('Instellingen').click();
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
  };

  it('restores the last backup: the Import tab then shows the backup\'s one import, without a restart', async () => {
    // A second tab left open on Import: the host's data/changed after the restart makes it refetch by itself.
    const other = await stack.context.newPage();
    await other.goto(stack.host.url);
    await other.getByRole('navigation', { name: 'Weergave' }).getByRole('link', { name: 'Import', exact: true }).click();
    const otherRows = other.locator('table.history tbody tr');
    await expect.poll(() => otherRows.count()).toBe(2);

    // The new tab came to the front; a background tab gets no animation frames, and every click in it would wait
    // about 2 s for Playwright's stability check.
    await page.bringToFront();
    await page.goto(stack.host.url);
    await nav('Import').click();
    await expect.poll(() => historyRows().count()).toBe(2);
    expect(await history()).toEqual([['tweede', '1', '1', '0'], ['eerste', '2', '2', '0']]);

    await openSettings();
    await page.getByText('Laatste reservekopie: 01-07-2025').waitFor();
    await page.getByRole('button', { name: 'Laatste reservekopie terugzetten…' }).click();
    await page.getByRole('dialog', { name: 'Reservekopie terugzetten?' }).getByRole('button', { name: 'Terugzetten' }).click();
    const outcome = page.locator('section[data-setting=erase] .outcome');
    await outcome.getByText('Spiegel gaat verder met de gegevens van de reservekopie.').waitFor();
    expect(await outcome.innerText()).toMatch(/^De reservekopie van 01-07-2025 \d{2}:\d{2} is teruggezet\./);
    expect(await outcome.innerText()).not.toContain('spiegel serve');
    await shot('1-restored');

    await nav('Import').click();
    await expect.poll(() => historyRows().count(), { timeout: 30_000 }).toBe(1);
    expect(await history()).toEqual([['eerste', '2', '2', '0']]);
    await shot('2-history-after-restore');
    await expect.poll(() => otherRows.count(), { timeout: 30_000 }).toBe(1);
    expect((await cells(otherRows.first())).slice(1, 5)).toEqual(['eerste', '2', '2', '0']);
    await other.close();
  });

  it('erases all data: the page goes on with an empty store, and a new import lands in it as batch 1', async () => {
    const oldKey = readFileSync(keyFile);
    await page.goto(stack.host.url); // on its own too: it does not rely on where the restore test left the page
    await openSettings();
    await page.getByRole('button', { name: 'Alle gegevens wissen…' }).click();
    await page.getByRole('dialog', { name: 'Alle gegevens wissen?' }).getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('dialog', { name: 'Definitief wissen' }).getByRole('button', { name: 'Ja, alles wissen' }).click();
    const outcome = page.locator('section[data-setting=erase] .outcome');
    await outcome.getByText('Spiegel gaat verder met een lege database, als na een nieuwe installatie.', { exact: false }).waitFor();
    expect(await outcome.innerText()).not.toContain('spiegel serve');
    // The settings around it are those of the new, empty store.
    await page.locator('section[data-setting=peildatum]').getByText('Er zijn nog geen berichten om een peildatum uit af te leiden.').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.locations dd').nth(2).innerText()).toBe(`${dbFile}.backups — 0 reservekopieën`);
    expect(await page.locator('.locations dd code').nth(1).innerText()).toBe(dbFile);
    await expectAccessible(page, 'the settings view after an erase');
    await shot('3-erased');

    await nav('Import').click();
    await page.getByText('Nog geen imports.').waitFor({ timeout: 30_000 });
    await shot('4-import-empty');
    await page.setInputFiles('input[name=files]', [join(EXAMPLES_DIR, 'JW301.xml')]);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect.poll(() => page.locator('#report-title').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/^Rapport van import 1 /);
    expect(await page.locator('.outcome').first().innerText()).toBe('Import klaar: 1 bestand: 1 ingelezen.');
    await expect.poll(() => historyRows().count()).toBe(1);
    expect((await history())[0]!.slice(1)).toEqual(['1', '1', '0']);
    // A new key was made for the new store: the erased pseudonyms cannot be linked to the new ones.
    expect(readFileSync(keyFile).equals(oldKey)).toBe(false);
    await shot('5-imported-after-erase');

    expect(stack.pageErrors).toEqual([]);
    expect(await stack.cspViolations()).toEqual([]);
  });
});

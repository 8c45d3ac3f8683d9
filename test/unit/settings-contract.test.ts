// Settings through the contract (dispatch: validated arguments and results), on the hand-worked region
// (test/fixtures/handworked.md): Ede (0228) had 7 clients in 2024 — worked out by hand there. With the
// default threshold the export shows 7; with the threshold set to 10 the same cell reads "<10" and the
// title names the threshold. Also: the peildatum override, the range of the threshold, where data lives,
// and restoring the last backup.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/contract/dispatch.js';
import type { ResultOf } from '../../core/contract/methods.js';
import { RESTORE_CONFIRMATION, type SettingsResult } from '../../core/contract/settings.js';
import { writeBackup } from '../../data/db/backup.js';
import { openDatabase } from '../../data/db/open.js';
import { createService, type Service } from '../../data/service.js';
import { writeHandworkedSet } from '../fixtures/handworked.js';
import { spiegel } from './cli-helpers.js';

const work = mkdtempSync(join(tmpdir(), 'spiegel-settings-'));
const dbFile = join(work, 'spiegel.db');
const home = join(work, 'home');
let service: Service;

async function call<T>(method: string, args: unknown): Promise<T> {
  const r = await dispatch(service, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Ede's clients per year, exported (CSV: ';', BOM): the 2024 cell and the title. Filtered to Ede, so no
 *  secondary suppression from Veenendaal's small cells hides the 7 (2023: 1 and 2025: 3 are both hidden). */
async function edeIn2024(): Promise<{ title: string; cell: string }> {
  const out = await call<ResultOf<'export/pivot'>>('export/pivot', { query: { rows: ['municipality'], cols: ['year'], measures: ['clients'], filters: [['municipality', '==', '0228']] }, format: 'csv' });
  const rows = parse(new TextDecoder().decode(out.bytes), { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
  const header = rows.find((r) => r.includes('2024'))!;
  const ede = rows.slice(1).find((r) => r[0]!.includes('0228'))!; // (the title names the filter too)
  return { title: rows[0]![0]!, cell: ede[header.indexOf('2024')]! };
}

beforeAll(async () => {
  service = createService({ dbFile, home });
  const report = await call<ResultOf<'import/files'>>('import/files', { paths: writeHandworkedSet(join(work, 'in')) });
  expect(report.files.every((f) => f.status === 'imported')).toBe(true);
}, 60_000);
afterAll(() => {
  service.close();
  rmSync(work, { recursive: true, force: true });
});

describe('settings/get and settings/set', () => {
  it('start at threshold 5 with the derived peildatum, and say where the data lives', async () => {
    const s = await call<SettingsResult>('settings/get', {});
    expect(s.suppressionThreshold).toBe(5);
    expect(s.peildatum).toEqual({ override: null, derived: '2025-06-30', effective: '2025-06-30' });
    expect(s.locations).toMatchObject({ home, database: dbFile, backups: `${dbFile}.backups`, key: join(home, 'pseudonym.key'), keyProtectedByOs: false, demo: false });
    expect(existsSync(s.locations.key)).toBe(true);
    expect(s.desktop).toBe(false);
  });

  it('threshold 10 turns the Ede 2024 cell of 7 clients into "<10" in the export, and the title says so', async () => {
    const before = await edeIn2024();
    expect(before.cell).toBe('7');
    expect(before.title).toMatch(/kleine aantallen \(1-4\) onderdrukt$/);
    expect(before.title).not.toMatch(/drempel/);

    const events: string[] = [];
    service.onEvent((e) => events.push(e));
    const s = await call<SettingsResult>('settings/set', { suppressionThreshold: 10 });
    expect(s.suppressionThreshold).toBe(10);
    expect(events).toContain('data/changed'); // open views refetch with the new threshold

    const after = await edeIn2024();
    expect(after.cell).toBe('<10');
    expect(after.title).toMatch(/kleine aantallen \(1-9\) onderdrukt, drempel 10$/);
    // Every other suppressed output takes the same setting.
    expect((await call<ResultOf<'query/flows'>>('query/flows', { grain: 'year', by: 'region' })).suppression).toEqual({ applied: true, threshold: 10 });
    expect((await call<ResultOf<'query/stacking'>>('query/stacking', { period: '2024' })).suppression).toEqual({ applied: true, threshold: 10 });

    // The CLI reads the same store, so the same setting: its title names the threshold, Ede's 7 reads "<10".
    const cli = await spiegel(['pivot', '--db', dbFile, '--home', home, '--rows', 'municipality', '--cols', 'year', '--filter', 'municipality=0228', '--format', 'csv']);
    expect(cli.stderr).toBe('');
    const lines = cli.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/kleine aantallen \(1-9\) onderdrukt, drempel 10"?$/);
    expect(lines.find((l) => l.includes('0228') && !l.startsWith('"Spiegel') && !l.startsWith('Spiegel'))).toMatch(/;<10;/);

    await call('settings/set', { suppressionThreshold: 5 });
    expect((await edeIn2024()).cell).toBe('7');
  });

  it('refuses a threshold below 5 (cells of 1–4 never leave) or above 50', async () => {
    for (const t of [4, 1, 0, 51, 7.5]) {
      expect(await dispatch(service, 'settings/set', { suppressionThreshold: t })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    expect((await call<SettingsResult>('settings/get', {})).suppressionThreshold).toBe(5);
  });

  it('an own peildatum is used by the analyses until it is removed', async () => {
    const s = await call<SettingsResult>('settings/set', { peildatum: '2024-12-31' });
    expect(s.peildatum).toEqual({ override: '2024-12-31', derived: '2025-06-30', effective: '2024-12-31' });
    expect((await call<ResultOf<'meta/dimensions'>>('meta/dimensions', {})).peildatum).toBe('2024-12-31');
    expect(await dispatch(service, 'settings/set', { peildatum: '2024-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    await call('settings/set', { peildatum: null });
    expect((await call<ResultOf<'meta/dimensions'>>('meta/dimensions', {})).peildatum).toBe('2025-06-30');
  });
});

describe('settings/restore-backup', () => {
  it('says there is no backup when there is none, and needs the confirmation words', async () => {
    expect(await dispatch(service, 'settings/restore-backup', { confirm: RESTORE_CONFIRMATION })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(service, 'settings/restore-backup', {})).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });

  it('puts the newest backup in place; a new start sees its contents and the threshold stored in it', async () => {
    const dir = join(work, 'restore');
    const file = join(dir, 'spiegel.db');
    const s1 = createService({ dbFile: file, home: dir });
    await s1['settings/set']({ suppressionThreshold: 10 });
    const other = openDatabase(file); // a second connection, as a migration's backup is taken
    writeBackup(other, file, 8, new Date('2025-01-01T00:00:00Z'));
    other.close();
    await s1['settings/set']({ suppressionThreshold: 20 });
    const listed = await s1['settings/get']({});
    expect(listed.backups).toEqual([{ at: '2025-01-01T00:00:00.000Z', version: 8 }]);
    const r = await dispatch(s1, 'settings/restore-backup', { confirm: RESTORE_CONFIRMATION });
    expect(r).toMatchObject({ ok: true, value: { restoredFrom: '2025-01-01T00:00:00.000Z', version: 8 } });
    expect(existsSync((r as { value: { previousKeptAt: string } }).value.previousKeptAt)).toBe(true);
    expect(await dispatch(s1, 'settings/get', {})).toMatchObject({ ok: false }); // closed: the app restarts it
    s1.close();
    const s2 = createService({ dbFile: file, home: dir });
    try {
      expect((await s2['settings/get']({})).suppressionThreshold).toBe(10);
    } finally {
      s2.close();
    }
  });
});

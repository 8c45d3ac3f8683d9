// Samenloop Jeugd–Wmo (core/stacking/samenloop.ts): a hand-worked case, each figure counted by hand below,
// and the same from imported iJw + iWmo messages through the query/samenloop handler.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samenloopResult } from '../../core/contract/stacking.js';
import { classifier } from '../../core/domain/codebook.js';
import { toDay } from '../../core/domain/dates.js';
import { careTable, type CareRow } from '../../core/flows/input.js';
import { runSamenloop, type WmoPeriod } from '../../core/stacking/samenloop.js';
import { importFiles } from '../../data/import/importer.js';
import { buildFactStore } from '../../data/model/store.js';
import { stackingHandlers } from '../../data/stacking/handlers.js';
import { loadCodebook } from '../../data/tables/store.js';
import { textInput } from '../fixtures/import/examples.js';
import { closeTempStore, openTempStore } from '../fixtures/import/store.js';
import { jw301, jw305, jw307 } from '../fixtures/ijw-builder.js';
import { testBsn, wmo301, wmo305 } from '../fixtures/iwmo-builder.js';

const row = (client: number, from: string, to: string | null, segment: CareRow['segment'] = 'specialistisch'): CareRow => ({
  client, start: toDay(from), end: to === null ? null : toDay(to), municipality: '0228', segment, provider: '42420001', category: '45',
  endReason: 'lopend', toewijzingNr: client + 1, trajectory: client,
});
const wmoPeriod = (pseudonym: string, from: string, to: string | null): WmoPeriod => ({ pseudonym, municipality: '0228', start: toDay(from), end: to === null ? null : toDay(to) });

// 18th birthdays (first day of the birth month, 18 years on): A 2024-05-01, B 2024-08-01, C 2024-03-01, D 2024-10-01, E 2024-11-01.
const clients = [200605, 200608, 200603, 200610, 200611].map((birth, i) => ({ pseudonym: 'ABCDE'[i]!, birth, gender: '1' }));
const table = careTable(
  [
    row(0, '2023-09-01', '2024-04-30'), // A: youth care up to 18, then Wmo from June → moved to Wmo
    row(1, '2022-01-01', null, 'verblijf'), // B: youth care going on past 18 → prolonged
    row(2, '2023-01-01', '2023-10-31'), // C: ended long before the 90 days before 18 → not in the cohort, not in 2024
    row(3, '2024-01-01', '2024-12-31', 'generalistisch'), // D: youth care past 18 and Wmo from July → both
    row(4, '2024-01-01', '2024-10-31', 'jbjr'), // E: only JB/JR, ends before 18, no Wmo → neither
  ],
  clients,
  toDay('2024-12-31'),
);
const wmo = {
  imported: true,
  periods: [wmoPeriod('A', '2024-06-01', null), wmoPeriod('D', '2024-07-01', '2024-12-31'), wmoPeriod('W', '2024-02-01', null)],
};

describe('runSamenloop', () => {
  it('counts the hand-worked case exactly without suppression', () => {
    const r = samenloopResult.parse(runSamenloop(table, wmo, { period: '2024', suppress: false }, 5));
    const v = (c: { value: number | null }) => c.value;
    // Jeugd in 2024: A, B, D, E (C ended in 2023). Wmo: A, D, W. Both: A, D. Same day: only D (A's Wmo starts a month after).
    expect([v(r.jeugd), v(r.wmoClients), v(r.both), v(r.bothSameDay)]).toEqual([4, 3, 2, 1]);
    const t = r.turning18;
    expect([v(t.cohort), v(t.toWmo), v(t.prolonged), v(t.both), v(t.neither)]).toEqual([4, 1, 1, 1, 1]);
    expect(r.jeugd.flag).toBe('small');
    expect(r.wmo).toEqual({ imported: true, firstDay: '2024-02-01', lastDay: '2024-12-31' });
  });

  it('suppresses figures behind fewer children than the threshold', () => {
    const r = runSamenloop(table, wmo, { period: '2024' }, 2);
    expect(r.bothSameDay).toEqual({ value: null, flag: 'suppressed' });
    expect(r.both).toEqual({ value: 2, flag: 'ok' });
    expect(r.turning18.toWmo).toEqual({ value: null, flag: 'suppressed' });
    expect(r.turning18.cohort).toEqual({ value: 4, flag: 'ok' });
  });

  it('keeps to one municipality and to the period', () => {
    const other = runSamenloop(table, wmo, { period: '2024', municipality: '0344', suppress: false }, 5);
    expect([other.jeugd.value, other.wmoClients.value, other.turning18.cohort.value]).toEqual([0, 0, 0]);
    // 2024-Q2: only A turns 18 (May); Jeugd A, B, D, E; Wmo A (from June), W.
    const q2 = runSamenloop(table, wmo, { period: '2024-Q2', suppress: false }, 5);
    expect([q2.jeugd.value, q2.wmoClients.value, q2.turning18.cohort.value, q2.turning18.toWmo.value]).toEqual([4, 2, 1, 1]);
  });
});

describe('query/samenloop from imported messages', () => {
  let dir: string;
  let db: Database.Database;
  let key: Buffer;
  beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-samenloop-')));
  afterEach(() => closeTempStore(db, dir));

  it('finds the young person who moved to Wmo and the one who stayed in youth care', async () => {
    const moved = { bsn: testBsn(1), geboortedatum: '2006-05-10', geslacht: '2' as const };
    const stays = { bsn: testBsn(2), geboortedatum: '2006-07-15', geslacht: '1' as const };
    const g = (id: string) => ({ afzender: '0228', ontvanger: '42420001', id, dagtekening: '2024-01-10' });
    const p = (id: string) => ({ afzender: '42420001', ontvanger: '0228', id, dagtekening: '2024-06-10' });
    const assign = (nr: number, categorie: string) => [{ nr, categorie, toewijzingsdatum: '2023-08-20', ingangsdatum: '2023-09-01' }];
    const inputs = [
      jw301(g('1'), moved, assign(1, '45')), jw305(p('2'), moved, [{ nr: 1, categorie: '45', begindatum: '2023-09-01' }]),
      jw307(p('3'), moved, [{ nr: 1, categorie: '45', begindatum: '2023-09-01', einddatum: '2024-04-30', reden: '35' }]),
      jw301(g('4'), stays, assign(2, '45')), jw305(p('5'), stays, [{ nr: 2, categorie: '45', begindatum: '2023-09-01' }]),
      wmo301(g('6'), moved, [{ nr: 9, categorie: '02', toewijzingsdatum: '2024-05-20', ingangsdatum: '2024-06-01' }]),
      wmo305(p('7'), moved, [{ nr: 9, categorie: '02', begindatum: '2024-06-01' }]),
    ].map((text, i) => textInput(`m${i}.xml`, text));
    const report = await importFiles(db, inputs, { key, appVersion: 'test' });
    expect(report.files.every((f) => f.status === 'imported')).toBe(true);
    const store = buildFactStore(db, '2024-12-31', classifier(loadCodebook(db)));
    const handlers = stackingHandlers(db, async () => store, 5);
    const r = samenloopResult.parse(await handlers['query/samenloop']({ period: '2024', suppress: false }));
    expect([r.jeugd.value, r.wmoClients.value, r.both.value, r.bothSameDay.value]).toEqual([2, 1, 1, 0]);
    const t = r.turning18;
    expect([t.cohort.value, t.toWmo.value, t.prolonged.value, t.both.value, t.neither.value]).toEqual([2, 1, 1, 0, 0]);
    expect(r.wmo).toEqual({ imported: true, firstDay: '2024-06-01', lastDay: '2024-06-01' });
  });
});

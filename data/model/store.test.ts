// The fact store on a small hand-built region, imported through the real importer. Peildatum 2026-06-30.
// Every expected row below is worked out by hand from the messages (DOMAIN.md §2, §5, §6, §8):
//   A (girl, 2012-05): 101 cat 45/45A01, assigned [01-15, 12-31], started 02-10, stopped 04-20 reason 33;
//      103 cat 45/45A01, assigned [04-21, 05-31], started 04-21, no stop, no RedenWijziging → 'onbekend';
//      102 cat 43, assigned 05-01 open, started 05-01 → 'lopend'. 101 and 103 touch: one trajectory
//      [02-10, 05-31]. Latest winning JW301 = 102's (Toewijzingsdatum 05-01): pc4 6712.
//      Lines (provider P1 → Ede): R1 101 March 12000, R2 101 credit −2000 over 03-01..03-15, R3 nr 999
//      (unknown assignment) February 5000, R4 July (after the peildatum: no row).
//   B (boy, 2010-11): 201 cat 45, assigned [03-01, 12-31], shortened to 04-15 with RedenWijziging 09 (→ 38),
//      started 03-01; 202 cat 41 started 03-01, then deleted (RedenWijziging 13): no rows at all.
//   C (girl, 2019-01): 301 assigned 06-10, open, never started: one assignment row (June), no care rows.
//   D: 401 assigned from 07-01, after the peildatum: no rows, not a client.
//   E (the official JW315/JW301 examples, municipality 0384, provider 42420001, no BRP contact → pc4 ''):
//      300201 (55A11, [04-01, 07-14]) linked to a request with Verwijzer 01 (no AGB); 300202 (55A12,
//      [04-01, 07-19]) to Verwijzer 02 with ZorgverlenerCode 12345678; 300202 started 04-15 → 'lopend'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLASSIFIER } from '../../core/domain/codebook.js';
import { fromDay, toDay } from '../../core/domain/dates.js';
import { KIND, ROW_DIMENSIONS, yyyymmOf, type FactStore } from '../../core/pivot/store.js';
import { textInput } from '../../test/fixtures/import/examples.js';
import { jw323 } from '../../test/fixtures/import/jw323-builder.js';
import { jw301 as exampleJw301, jw315 } from '../../test/fixtures/import/requests.js';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { jw301, jw305, jw307, testBsn, type ClientInfo } from '../../test/fixtures/ijw-builder.js';
import { importFiles } from '../import/importer.js';
import { pseudonymise } from '../import/pseudonym.js';
import { tableHandlers } from '../tables/handlers.js';
import { DERIVED_REFERRER } from './requests.js';
import { buildFactStore } from './store.js';
import { utf8Vector } from './store-arrow.js';

const EDE = '0228';
const P1 = '12345678';
const CHILD: Record<'A' | 'B' | 'C' | 'D' | 'E', ClientInfo> = {
  A: { bsn: testBsn(81), geboortedatum: '2012-05-20', geslacht: '2', postcode: '6711AA' },
  B: { bsn: testBsn(82), geboortedatum: '2010-11-03', geslacht: '1', postcode: '3901AB' },
  C: { bsn: testBsn(83), geboortedatum: '2019-01-01', geslacht: '2', postcode: '6717XY' },
  D: { bsn: testBsn(84), geboortedatum: '2015-01-01', geslacht: '1' },
  E: { bsn: '999900006', geboortedatum: '2010-02-14', geslacht: '1' }, // the examples' client
};
let seq = 0;
const gm = (day: string) => ({ afzender: EDE, ontvanger: P1, id: `G${++seq}`, dagtekening: day });
const pr = (day: string, mun = EDE, provider = P1) => ({ afzender: provider, ontvanger: mun, id: `P${++seq}`, dagtekening: day });
const a45 = { categorie: '45', code: '45A01' };

function messages(): { name: string; bytes: Uint8Array }[] {
  const { A, B, C, D, E } = CHILD;
  const xml = [
    jw301(gm('2026-01-10'), A, [{ nr: 101, ...a45, toewijzingsdatum: '2026-01-10', ingangsdatum: '2026-01-15', einddatum: '2026-12-31' }]),
    jw305(pr('2026-02-11'), A, [{ nr: 101, ...a45, begindatum: '2026-02-10' }]),
    jw307(pr('2026-04-21'), A, [{ nr: 101, ...a45, begindatum: '2026-02-10', einddatum: '2026-04-20', reden: '33' }]),
    jw301(gm('2026-04-15'), { ...A, postcode: '6713CC' }, [{ nr: 103, ...a45, toewijzingsdatum: '2026-04-15', ingangsdatum: '2026-04-21', einddatum: '2026-05-31' }]),
    jw305(pr('2026-04-22'), A, [{ nr: 103, ...a45, begindatum: '2026-04-21' }]),
    jw301(gm('2026-05-01'), { ...A, postcode: '6712BB' }, [{ nr: 102, categorie: '43', toewijzingsdatum: '2026-05-01', ingangsdatum: '2026-05-01' }]),
    jw305(pr('2026-05-02'), A, [{ nr: 102, categorie: '43', begindatum: '2026-05-01' }]),
    jw301(gm('2026-02-20'), B, [
      { nr: 201, ...a45, toewijzingsdatum: '2026-02-20', ingangsdatum: '2026-03-01', einddatum: '2026-12-31' },
      { nr: 202, categorie: '41', toewijzingsdatum: '2026-02-20', ingangsdatum: '2026-03-01', einddatum: '2026-12-31' },
    ]),
    jw305(pr('2026-03-02'), B, [{ nr: 201, ...a45, begindatum: '2026-03-01' }, { nr: 202, categorie: '41', begindatum: '2026-03-01' }]),
    jw301(gm('2026-04-01'), B, [{ nr: 201, ...a45, toewijzingsdatum: '2026-04-01', ingangsdatum: '2026-03-01', einddatum: '2026-04-15', redenWijziging: '09' }]),
    jw301(gm('2026-04-02'), B, [{ nr: 202, categorie: '41', toewijzingsdatum: '2026-04-02', ingangsdatum: '2026-03-01', einddatum: '2026-12-31', redenWijziging: '13' }]),
    jw301(gm('2026-06-05'), C, [{ nr: 301, ...a45, toewijzingsdatum: '2026-06-05', ingangsdatum: '2026-06-10' }]),
    jw301(gm('2026-06-20'), D, [{ nr: 401, ...a45, toewijzingsdatum: '2026-06-20', ingangsdatum: '2026-07-01' }]),
    jw315(),
    exampleJw301(),
    jw305(pr('2026-04-16', '0384', '42420001'), E, [{ nr: 300202, categorie: '55', code: '55A12', begindatum: '2026-04-15' }]),
    jw323(pr('2026-03-05'), { nummer: 'D1', begin: '2026-02-01', eind: '2026-02-28', dagtekening: '2026-03-05' }, [
      { bsn: A.bsn, ref: 'R3', nr: 999, begin: '2026-02-01', eind: '2026-02-28', amount: 5000 },
    ]),
    jw323(pr('2026-04-05'), { nummer: 'D2', begin: '2026-03-01', eind: '2026-03-31', dagtekening: '2026-04-05' }, [
      { bsn: A.bsn, ref: 'R1', nr: 101, begin: '2026-03-01', eind: '2026-03-31', amount: 12000 },
      { bsn: A.bsn, ref: 'R2', nr: 101, begin: '2026-03-01', eind: '2026-03-15', amount: -2000 },
    ]),
    jw323(pr('2026-08-05'), { nummer: 'D3', begin: '2026-07-01', eind: '2026-07-31', dagtekening: '2026-08-05' }, [
      { bsn: A.bsn, ref: 'R4', nr: 101, begin: '2026-07-01', eind: '2026-07-31', amount: 7000 },
    ]),
  ];
  return xml.map((x, i) => textInput(`m${i}.xml`, x));
}

let s: TempStore;
let store: FactStore;
let pseudonym: Record<keyof typeof CHILD, string>;
beforeAll(async () => {
  s = openTempStore('spiegel-factstore-');
  const report = await importFiles(s.db, messages(), { key: s.key, appVersion: 'test' });
  expect(report.files.filter((f) => f.status !== 'imported')).toEqual([]);
  const tables = tableHandlers(s.db, s.key);
  const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
  const leerplicht = `bsn;vestigingscode;schooljaar\n${CHILD.A.bsn};04LY00;2024-2025\n${CHILD.A.bsn};32JK00;2025-2026\n${CHILD.A.bsn};12AB00;2026-2027\n`;
  expect(await tables['tables/import']({ file: csv('leerplicht.csv', leerplicht), kind: 'leerplicht', source: 'lp' })).toMatchObject({ status: 'imported', rows: 3 });
  const wijk = 'Postcode;Wijknaam\n6712;Ede-Zuid\n3901 AB;Veenendaal-Oost\n';
  expect(await tables['tables/import']({ file: csv('wijken.csv', wijk), kind: 'wijk', source: 'wijken' })).toMatchObject({ status: 'imported', rows: 2, mapping: { pc4: 'Postcode', wijk: 'Wijknaam' } });
  store = buildFactStore(s.db, '2026-06-30', DEFAULT_CLASSIFIER);
  pseudonym = Object.fromEntries(Object.entries(CHILD).map(([k, c]) => [k, pseudonymise(s.key, c.bsn)])) as typeof pseudonym;
}, 60_000);
afterAll(() => closeTempStore(s.db, s.dir));

type Row = [child: string, kind: number, nr: number, month: string, lastDay: string, dims: string, money?: [number, number, number]];

/** Every fact row decoded: the record's ToewijzingNummer, month, lastDay and the dimensions joined by '|';
 *  a money row with its line's amount, volume and status. */
function decode(st: FactStore, childOf: (client: number) => string): Row[] {
  const col = (name: string) => st.facts.getChild(name)!.toArray() as ArrayLike<number | string>;
  const [kind, client, record, month, lastDay] = ['kind', 'client', 'record', 'month', 'lastDay'].map(col);
  const [amount, volume, status] = ['amount', 'volume', 'status'].map((name) => st.lines.getChild(name)!.toArray() as ArrayLike<number>);
  const dims = ROW_DIMENSIONS.map(col);
  const side = [st.periods, st.lines, st.assignments];
  return Array.from({ length: st.facts.numRows }, (_, i) => {
    const k = kind![i] as number;
    const m = yyyymmOf(month![i] as number);
    const row: Row = [
      childOf(client![i] as number), k, side[k]!.getChild('toewijzingNr')!.get(record![i] as number) as number,
      `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`, fromDay(lastDay![i] as number), dims.map((d) => d[i]).join('|'),
    ];
    if (k === KIND.money) row.push([amount![record![i] as number]!, volume![record![i] as number]!, status![record![i] as number]!]);
    return row;
  });
}

// municipality|provider|segment|category|product|referrer|gp|endReason|unit
const ede = (rest: string) => `${EDE}|${P1}|${rest}`;
const spec = (referrer: string, endReason: string, unit = '', product = '45A01') => ede(`specialistisch|45|${product}|${referrer}||${endReason}|${unit}`);
const EXPECTED: Record<string, Row[]> = {
  A: [
    // kind 0, periods by start: 101 [02-10, 04-20], 103 [04-21, 05-31], 102 [05-01, open]
    ['A', 0, 101, '2026-02', '2026-02-28', spec(DERIVED_REFERRER, '33')],
    ['A', 0, 101, '2026-03', '2026-03-31', spec(DERIVED_REFERRER, '33')],
    ['A', 0, 101, '2026-04', '2026-04-20', spec(DERIVED_REFERRER, '33')],
    ['A', 0, 103, '2026-04', '2026-04-30', spec(DERIVED_REFERRER, 'onbekend')],
    ['A', 0, 103, '2026-05', '2026-05-31', spec(DERIVED_REFERRER, 'onbekend')],
    ['A', 0, 102, '2026-05', '2026-05-31', ede(`verblijf|43||${DERIVED_REFERRER}||lopend|`)],
    ['A', 0, 102, '2026-06', '2026-06-30', ede(`verblijf|43||${DERIVED_REFERRER}||lopend|`)],
    // kind 1, lines by child, then provider + ReferentieNummer: R1, R2, R3 (R4 is after the peildatum)
    ['A', 1, 101, '2026-03', '2026-03-31', spec(DERIVED_REFERRER, '', '04', '45A03'), [12000, 1, 0]],
    ['A', 1, 101, '2026-03', '2026-03-15', spec(DERIVED_REFERRER, '', '04', '45A03'), [-2000, 1, 0]],
    ['A', 1, 999, '2026-02', '2026-02-28', spec('', '', '04', '45A03'), [5000, 1, 0]],
    // kind 2, assignments by municipality + number: 101 [01-15, 06-30], 102 [05-01, 06-30], 103 [04-21, 05-31]
    ...['01-31', '02-28', '03-31', '04-30', '05-31', '06-30'].map((d): Row => ['A', 2, 101, `2026-${d.slice(0, 2)}`, `2026-${d}`, spec(DERIVED_REFERRER, '')]),
    ['A', 2, 102, '2026-05', '2026-05-31', ede(`verblijf|43||${DERIVED_REFERRER}|||`)],
    ['A', 2, 102, '2026-06', '2026-06-30', ede(`verblijf|43||${DERIVED_REFERRER}|||`)],
    ['A', 2, 103, '2026-04', '2026-04-30', spec(DERIVED_REFERRER, '')],
    ['A', 2, 103, '2026-05', '2026-05-31', spec(DERIVED_REFERRER, '')],
  ],
  B: [
    ['B', 0, 201, '2026-03', '2026-03-31', spec(DERIVED_REFERRER, '38')],
    ['B', 0, 201, '2026-04', '2026-04-15', spec(DERIVED_REFERRER, '38')],
    ['B', 2, 201, '2026-03', '2026-03-31', spec(DERIVED_REFERRER, '')],
    ['B', 2, 201, '2026-04', '2026-04-15', spec(DERIVED_REFERRER, '')],
  ],
  C: [['C', 2, 301, '2026-06', '2026-06-30', spec(DERIVED_REFERRER, '')]],
  E: [
    ...['04-30', '05-31', '06-30'].map((d): Row => ['E', 0, 300202, `2026-${d.slice(0, 2)}`, `2026-${d}`, '0384|42420001|overig|55|55A12|02|12345678|lopend|']),
    ...['04-30', '05-31', '06-30'].map((d): Row => ['E', 2, 300201, `2026-${d.slice(0, 2)}`, `2026-${d}`, '0384|42420001|overig|55|55A11|01|||']),
    ...['04-30', '05-31', '06-30'].map((d): Row => ['E', 2, 300202, `2026-${d.slice(0, 2)}`, `2026-${d}`, '0384|42420001|overig|55|55A12|02|12345678||']),
  ],
};

describe('buildFactStore on a hand-built region', () => {
  it('has one client per child with rows, numbered by pseudonym: D (assigned after the peildatum) is none', () => {
    const order = (['A', 'B', 'C', 'E'] as const).slice().sort((x, y) => (pseudonym[x] < pseudonym[y] ? -1 : 1));
    expect(store.clients.getChild('pseudonym')!.toArray()).toEqual(order.map((c) => pseudonym[c]));
    const clients = Object.fromEntries(order.map((c, i) => [c, ['birth', 'gender', 'pc4', 'school'].map((n) => store.clients.getChild(n)!.get(i))]));
    expect(clients).toEqual({
      A: [201205, '2', '6712', '32JK00'], // school year 2025-2026 holds the peildatum; 2026-2027 is later
      B: [201011, '1', '3901', ''],
      C: [201901, '2', '6717', ''],
      E: [201002, '1', '', ''],
    });
    expect([...store.wijk]).toEqual([['3901', 'Veenendaal-Oost'], ['6712', 'Ede-Zuid']]);
    expect(store.peildatum).toBe(toDay('2026-06-30'));
  });

  it('gives every row worked out by hand, sorted by client, then kind, record and month', () => {
    const order = store.clients.getChild('pseudonym')!.toArray() as string[];
    const childOf = (c: number) => Object.entries(pseudonym).find(([, p]) => p === order[c])![0];
    expect(decode(store, childOf)).toEqual(order.flatMap((p) => EXPECTED[childOf(order.indexOf(p))]!));
    const kinds = store.facts.getChild('kind')!.toArray() as Uint8Array;
    expect([0, 1, 2].map((k) => kinds.filter((x) => x === k).length)).toEqual([12, 3, 19]);
  });

  it('keeps the side tables the rows point into: periods, trajectories, lines and assignments', () => {
    const table = (t: typeof store.periods, names: string[]) => Array.from({ length: t.numRows }, (_, i) => names.map((n) => t.getChild(n)!.get(i)));
    const d = (iso: string) => toDay(iso);
    const periods = table(store.periods, ['toewijzingNr', 'start', 'end', 'trajectory']);
    // Numbered by trajectory, then start, so a trajectory's periods are neighbours (core/pivot/store.ts):
    // 101 and 103 (same child, provider, segment, municipality; 103 starts the day after 101 ends) are one.
    expect(periods.map((p) => p.slice(0, 3))).toEqual([[101, d('2026-02-10'), d('2026-04-20')], [103, d('2026-04-21'), d('2026-05-31')], [201, d('2026-03-01'), d('2026-04-15')], [300202, d('2026-04-15'), -1], [102, d('2026-05-01'), -1]]);
    const trajectory = (i: number) => table(store.trajectories, ['start', 'end'])[periods[i]![3] as number];
    expect(store.trajectories.numRows).toBe(4);
    expect(periods[0]![3]).toBe(periods[1]![3]);
    expect([0, 2, 3, 4].map(trajectory)).toEqual([[d('2026-02-10'), d('2026-05-31')], [d('2026-03-01'), d('2026-04-15')], [d('2026-04-15'), -1], [d('2026-05-01'), -1]]);
    expect(table(store.lines, ['referentieNummer', 'toewijzingNr', 'periodStart', 'periodEnd'])).toEqual([
      ['R1', 101, d('2026-03-01'), d('2026-03-31')], ['R2', 101, d('2026-03-01'), d('2026-03-15')], ['R3', 999, d('2026-02-01'), d('2026-02-28')],
    ]);
    // Ends after the peildatum are open (-1): 101 (12-31), 300201 (07-14), 300202 (07-19). 202 is deleted, 401 later.
    expect(table(store.assignments, ['toewijzingNr', 'start', 'end'])).toEqual([
      [101, d('2026-01-15'), -1], [102, d('2026-05-01'), -1], [103, d('2026-04-21'), d('2026-05-31')], [201, d('2026-03-01'), d('2026-04-15')],
      [301, d('2026-06-10'), -1], [300201, d('2026-04-01'), -1], [300202, d('2026-04-01'), -1],
    ]);
  });

  it('stores each column as one chunk of the documented type', () => {
    const types = Object.fromEntries(store.facts.schema.fields.map((f) => [f.name, String(f.type)]));
    const dict = 'Dictionary<Int8, Utf8>'; // every dictionary here has at most 127 values: one-byte codes
    expect(types).toEqual({
      kind: 'Uint8', client: 'Int32', record: 'Int32', month: 'Uint16', lastDay: 'Int32',
      ...Object.fromEntries(ROW_DIMENSIONS.map((d) => [d, dict])),
    });
    // A money row is one line: its amounts are the line's.
    const lines = Object.fromEntries(store.lines.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(lines).toEqual({ referentieNummer: 'Utf8', toewijzingNr: 'Int32', periodStart: 'Int32', periodEnd: 'Int32', amount: 'Int32', volume: 'Int32', status: 'Uint8' });
    for (const t of [store.facts, store.clients, store.periods, store.trajectories, store.lines, store.assignments]) {
      for (const f of t.schema.fields) expect(t.getChild(f.name)!.data.length, f.name).toBe(1);
    }
  });

  it('encodes non-ASCII strings too (wijk, school and product names may carry accents)', () => {
    expect(utf8Vector(['Zuidoost-Één', 'ab', '', '€ 5']).toArray()).toEqual(['Zuidoost-Één', 'ab', '', '€ 5']);
    expect(utf8Vector(['ab', 'c']).toArray()).toEqual(['ab', 'c']);
  });

  it('is empty without a peildatum', () => {
    const empty = buildFactStore(s.db, null, DEFAULT_CLASSIFIER);
    expect([empty.facts.numRows, empty.clients.numRows, empty.periods.numRows, empty.assignments.numRows, empty.peildatum]).toEqual([0, 0, 0, 0, null]);
  });
});

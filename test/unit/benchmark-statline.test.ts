// CBS StatLine import (synthetic files in StatLine's CSV format, test/fixtures/cbs/README.md), the comparison
// with region / Netherlands / size class, and the reconciliation of Spiegel's counts with CBS's, on hand-worked
// figures (the fixture's numbers and the hand-built care table below).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../core/benchmark/compare.js';
import { describeFigure } from '../../core/benchmark/figures.js';
import { reconcileLines } from '../../core/benchmark/reconcile.js';
import { careTable, type CareRow } from '../../core/flows/input.js';
import { toDay } from '../../core/domain/dates.js';
import type { Segment } from '../../core/domain/segments.js';
import { createService, type Service } from '../../data/service.js';

const FIXTURES = new URL('../fixtures/cbs/', import.meta.url).pathname;
const F99 = join(FIXTURES, '85099NED_UntypedDataSet_24112026_053011.csv');
const F98 = join(FIXTURES, '85098NED_UntypedDataSet_24112026_053140.csv');
let dir: string;
let s: Service;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-bench-'));
  s = createService({ dbFile: join(dir, 'db.sqlite'), home: join(dir, 'home') });
});
afterAll(() => s?.close());

describe('benchmark/import of StatLine CSV downloads', () => {
  it('reads 85099NED: GM codes trimmed, JJ00 years, "." not stored, half-years skipped', async () => {
    const r = await s['benchmark/import']({ path: F99 });
    expect(r).toMatchObject({ status: 'imported', table: '85099NED', lines: 126, stored: 82, missing: 2, regions: 7, years: [2022, 2023], errors: [] });
    expect(r.warnings.map((w) => w.code)).toEqual(['missing', 'periods']);
    expect(r.warnings[1]!.detail).toContain('42 rows');
    expect(r.figures.find((f) => f.key === '85099NED:JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A027918')).toMatchObject({ unit: 'count', label: { nl: 'Jongeren met jeugdzorg: jeugdhulp met verblijf' } });
  });

  it('reads 85098NED percentages; a re-import replaces its year instead of adding', async () => {
    const r = await s['benchmark/import']({ path: F98 });
    expect(r).toMatchObject({ status: 'imported', table: '85098NED', lines: 7, stored: 29, missing: 6, years: [2023] });
    const again = await s['benchmark/import']({ path: F98 });
    expect(again).toMatchObject({ stored: 29, replaced: 29 });
    expect((await s['benchmark/list']({})).tables.map((t) => [t.table, t.figures, t.regions, t.years])).toEqual([
      ['85098NED', 5, 7, [2023]], ['85099NED', 6, 7, [2022, 2023]],
    ]);
  });

  it('rejects a file that is not a StatLine table, naming what is missing', async () => {
    const bad = join(dir, '85099NED_kapot.csv');
    writeFileSync(bad, '"Gemeente";"Jaar";"Aantal"\r\n"Ede";"2023";"5"\r\n');
    const r = await s['benchmark/import']({ path: bad });
    expect(r.status).toBe('rejected');
    expect(r.errors[0]!.reason).toContain('"RegioS" and "Perioden"');
  });

  it('compares a municipality with the Netherlands and its size class (population table: Ede and Zwolle 100–150k)', async () => {
    const pop = join(dir, 'bevolking.csv');
    writeFileSync(pop, 'Regio\'s;Perioden;Leeftijd;Bevolking op 1 januari\r\nGM0228;2023;Totaal;121000\r\nGM0228;2023;0 tot 18 jaar;26000\r\nGM0193;2023;Totaal;130000\r\nGM0193;2023;0 tot 18 jaar;28000\r\nGM0200;2023;Totaal;165000\r\nGM0200;2023;0 tot 18 jaar;33000\r\n');
    expect((await s['tables/import']({ path: pop, kind: 'population', source: 'pop' })).status).toBe('imported');
    const r = await s['benchmark/compare']({ year: 2023, municipalities: ['0228'] });
    const col = (key: string) => r.figures.findIndex((f) => f.key === key);
    const ede = r.rows[0]!;
    expect(ede).toMatchObject({ municipality: '0228', name: 'Ede', inhabitants: 121000, sizeClass: { key: '100000-150000' } });
    const jh = ede.values[col('85099NED:JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A045560')]!;
    expect(jh.own).toBe(2780);
    expect(jh.nederland).toEqual({ value: 438500, basis: 'cbs', members: 0 });
    expect(jh.sizeClass).toEqual({ value: 2780 + 2700, basis: 'sum', members: 2 }); // Ede + Zwolle; Apeldoorn is 150–250k
    const pct = ede.values[col('85098NED:JongerenMetJeugdhulpInNatura_1')]!;
    // (11,2 × 26.000 + 12,4 × 28.000) / 54.000 = 638.400 / 54.000
    expect(pct.sizeClass.value).toBeCloseTo(638400 / 54000, 10);
    expect(pct.sizeClass.basis).toBe('weighted');
    expect(pct.nederland.value).toBe(12.9);
    // Scherpenzeel's '.' for jeugdreclassering is no figure, not 0.
    const sch = await s['benchmark/compare']({ year: 2023, municipalities: ['0279'] });
    expect(sch.rows[0]!.values[col('85099NED:JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A027920')]!.own).toBeNull();
    expect(sch.rows[0]!.values[col('85099NED:JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A045560')]!.own).toBe(225);
  });

  it('reconciles with CBS for Ede 2023 when Spiegel holds no care for it: every line the CBS figure, negative', async () => {
    const r = await s['benchmark/reconcile']({ municipality: '0228', year: 2023 });
    expect(r.lines.map((l) => [l.key, l.spiegel.value, l.cbs, l.difference, l.withinRounding])).toEqual([
      ['jeugdhulp', 0, 2780, -2780, false], ['zonderVerblijf', 0, 2665, -2665, false], ['metVerblijf', 0, 270, -270, false],
      ['jeugdbescherming', 0, 225, -225, false], ['jeugdreclassering', 0, 40, -40, false],
    ]);
    expect(r.lines[0]!.explanation.nl).toContain('afgerond op vijftallen');
    const sch = await s['benchmark/reconcile']({ municipality: '0279', year: 2023 });
    expect(sch.lines.find((l) => l.key === 'jeugdreclassering')).toMatchObject({ cbs: null, difference: null, withinRounding: null }); // '.' in the file
  });
});

describe('aggregation over the region (pure)', () => {
  const fig = describeFigure('85099NED', 'JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A045560');
  const rate = describeFigure('85098NED', 'JongerenMetJeugdhulpInNatura_1');
  const members = ['0228', '0203', '0345', '0279'];
  it('sums counts (2.780 + 1.450 + 1.600 + 225 = 6.055) and refuses a partial sum', () => {
    const v = new Map([['GM0228', 2780], ['GM0203', 1450], ['GM0345', 1600], ['GM0279', 225]]);
    expect(aggregate(fig, v, members, new Map())).toEqual({ value: 6055, basis: 'sum', members: 4 });
    v.delete('GM0279');
    expect(aggregate(fig, v, members, new Map())).toEqual({ value: null, basis: 'sum', members: 3 });
  });
  it('weights rates by youth: (11,2·26.000 + 10,1·14.000 + 12,0·15.000 + 9,8·2.200) / 57.200; plain mean without population', () => {
    const v = new Map([['GM0228', 11.2], ['GM0203', 10.1], ['GM0345', 12.0], ['GM0279', 9.8]]);
    const youth = new Map([['0228', 26000], ['0203', 14000], ['0345', 15000], ['0279', 2200]]);
    const w = aggregate(rate, v, members, youth);
    expect(w.basis).toBe('weighted');
    expect(w.value).toBeCloseTo(634160 / 57200, 10);
    const u = aggregate(rate, v, members, new Map());
    expect(u.basis).toBe('unweighted');
    expect(u.value).toBeCloseTo((11.2 + 10.1 + 12.0 + 9.8) / 4, 10);
  });
});

describe('reconciliation on a hand-built care table (Ede, 2023)', () => {
  let nr = 1;
  const r = (client: number, start: string, end: string | null, segment: Segment, category: string, municipality = '0228', trajectory = 1): CareRow => ({
    client, start: toDay(start), end: end === null ? null : toDay(end), municipality, segment, provider: '1', category, endReason: 'x', toewijzingNr: nr++, trajectory,
  });
  const table = careTable([
    r(0, '2023-03-01', '2023-06-30', 'specialistisch', '45'), // jeugdhulp zonder verblijf
    r(1, '2022-05-01', null, 'verblijf', '43'), // running into 2023: jeugdhulp met verblijf
    r(2, '2023-01-10', '2023-12-31', 'jbjr', '48'), r(2, '2021-01-01', '2022-12-31', 'specialistisch', '45'), // JB only in 2023
    r(3, '2023-01-01', null, 'specialistisch', '45', '0203'), // another municipality
    r(4, '2023-01-01', null, 'overig', '40', '0228', -1), // vervoer: no trajectory, not jeugdhulp
    r(5, '2023-02-01', '2023-03-01', 'jbjr', '47'), r(5, '2023-11-01', null, 'specialistisch', '54'), // JR and zonder verblijf
    r(6, '2024-01-01', null, 'specialistisch', '45'), // after the year
  ], Array.from({ length: 7 }, (_, i) => ({ pseudonym: `p${i}`, birth: 0, gender: '0' })), toDay('2024-06-30'));
  const cbs = (form: string) => (form === 'A045560' ? { value: 5, figure: 'x' } : form === 'A027919' ? { value: 10, figure: 'y' } : null);
  const span = [toDay('2023-01-01'), toDay('2023-12-31')] as const;

  it('counts jeugdhulp {0, 1, 5} = 3, zonder {0, 5} = 2, met {1} = 1, JB {2} = 1, JR {5} = 1; 3 − 5 = −2 is within rounding', () => {
    const lines = reconcileLines(table, '0228', span[0], span[1], cbs, false, 5);
    expect(lines.map((l) => [l.key, l.spiegel, l.cbs, l.difference, l.withinRounding])).toEqual([
      ['jeugdhulp', { value: 3, flag: 'small' }, 5, -2, true],
      ['zonderVerblijf', { value: 2, flag: 'small' }, null, null, null],
      ['metVerblijf', { value: 1, flag: 'small' }, null, null, null],
      ['jeugdbescherming', { value: 1, flag: 'small' }, 10, -9, false],
      ['jeugdreclassering', { value: 1, flag: 'small' }, null, null, null],
    ]);
    expect(lines[0]!.explanation.en).toContain("within CBS's rounding");
    expect(lines[3]!.explanation.en).toContain('Spiegel lower');
  });

  it('with suppression the small counts are hidden and no difference gives them away', () => {
    const lines = reconcileLines(table, '0228', span[0], span[1], cbs, true, 5);
    expect(lines.map((l) => [l.spiegel, l.difference])).toEqual(lines.map(() => [{ value: null, flag: 'suppressed' }, null]));
  });
});

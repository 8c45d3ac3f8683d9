// Hand-built cases for the flows engine: every expected figure below is worked out by hand from the periods.
import { describe, expect, it } from 'vitest';
import { toDay } from '../domain/dates.js';
import { segmentOfCategory } from '../domain/segments.js';
import { normaliseFlowsQuery, type FlowsQueryInput } from '../contract/flows.js';
import { careTable, type CareRow, type CareTable } from './input.js';
import { doorstroomChildren, doorstroomMatrix } from './doorstroom.js';
import { growth } from './growth.js';
import { onePeriod } from './periods.js';
import { runFlows } from './stockflow.js';

let nr = 0;
function period(client: number, category: string, start: string, end: string | null, municipality = '0228', reason = '31'): CareRow {
  return {
    client, start: toDay(start), end: end === null ? null : toDay(end), municipality, segment: segmentOfCategory(category), provider: '71000011',
    category, endReason: end === null ? 'lopend' : reason, toewijzingNr: ++nr, trajectory: nr,
  };
}
const clients = (n: number) => Array.from({ length: n }, (_, i) => ({ pseudonym: `${String(i).padStart(2, '0')}aabbccddeeff0011`, birth: 200801, gender: '1' }));
const label = (_: string, key: string) => ({ nl: key, en: key });
const flows = (t: CareTable, q: FlowsQueryInput) => runFlows(t, normaliseFlowsQuery({ suppress: false, ...q }), { threshold: 5, label });
const cellOf = (r: ReturnType<typeof flows>, period: string, group: string) => r.cells[r.periods.findIndex((p) => p.key === period)]![r.groups.findIndex((g) => g.key === group)]!;

describe('doorstroom: a child moving from Verblijf to Specialistisch ambulant within a quarter', () => {
  // Residential until 15 May, ambulant from 16 May, and a second ambulant assignment from 1 June.
  const t = careTable([period(0, '43', '2023-01-01', '2023-05-15'), period(0, '45', '2023-05-16', null), period(0, '54', '2023-06-01', null)], clients(1), toDay('2023-12-31'));
  const q2 = onePeriod('quarter', '2023-Q2', t.firstDay, t.peildatum)!;
  const nrs = t.rows.map((r) => r.toewijzingNr); // the three assignments, in start order

  it('appears once, in the verblijf → specialistisch cell', () => {
    const m = doorstroomMatrix(t, q2, null, false, 5);
    expect(m.dayBefore).toBe('2023-03-31');
    expect(m.dayEnd).toBe('2023-06-30');
    expect(m.cells.map((c) => [c.from, c.to, c.clients])).toEqual([['verblijf', 'specialistisch', 1]]);
    expect(m.clients).toBe(1);
    const kids = doorstroomChildren(t, q2, null, 'verblijf', 'specialistisch', 10);
    expect(kids.children).toEqual([{ pseudonym: '00aabbccddee', toewijzingNrs: nrs, municipalities: ['0228'] }]);
  });

  it('is uitstroom "doorstroom" from verblijf and instroom doorstroom into specialistisch (one spell for two assignments)', () => {
    const r = flows(t, { grain: 'quarter', by: 'segment' });
    const spec = cellOf(r, '2023-Q2', 'specialistisch');
    expect([spec.instroom.doorstroom.value, spec.instroom.total.value, spec.eindstand.value]).toEqual([1, 1, 1]);
    const res = cellOf(r, '2023-Q2', 'verblijf');
    expect(res.uitstroom.byReason[r.reasons.findIndex((x) => x.key === 'doorstroom')]!.value).toBe(1);
    const g = growth(t, q2, 'specialistisch', null, false, 5).rows[0]!;
    expect([g.change.value, g.fromOtherSegments.value, g.fromBySegment]).toEqual([1, 1, [{ segment: 'verblijf', count: { value: 1, flag: 'small' } }]]);
    // In the region it is one uninterrupted spell: no flow at all in Q2.
    const region = cellOf(flows(t, { grain: 'quarter' }), '2023-Q2', 'all');
    expect([region.beginstand.value, region.instroom.total.value, region.uitstroom.total.value, region.eindstand.value]).toEqual([1, 0, 0, 1]);
  });
});

describe('nieuw or herhaald: care in the five years before the spell starts', () => {
  nr = 0;
  const t = careTable(
    [
      period(0, '45', '2010-02-01', '2010-08-31'), period(0, '54', '2016-09-01', '2017-02-28'), // back after 6 years: nieuw
      period(1, '51', '2014-04-01', '2014-09-30'), period(1, '45', '2016-10-01', '2017-03-31'), // back after 2 years: herhaald
      period(2, '45', '2011-03-01', '2011-03-01'), period(2, '45', '2016-03-02', '2016-06-30'), // 5 years and 1 day: nieuw
      period(3, '45', '2011-03-01', '2011-03-01'), period(3, '45', '2016-03-01', '2016-06-30'), // exactly 5 years: herhaald
    ],
    clients(4),
    toDay('2017-12-31'),
  );
  it('counts the return after 6 years as nieuw and after 2 years as herhaald', () => {
    const r = flows(t, { grain: 'year' });
    const c = cellOf(r, '2016', 'all');
    expect([c.instroom.nieuw.value, c.instroom.herhaald.value, c.instroom.doorstroom.value]).toEqual([2, 2, 0]);
    expect(r.historyFrom).toBe('2015-02-01');
    expect(r.periods.filter((p) => p.historyIncomplete).map((p) => p.key)).toEqual(['2010', '2011', '2012', '2013', '2014', '2015']);
  });
});

describe('a child who moves between municipalities', () => {
  nr = 0;
  const t = careTable([period(0, '45', '2016-01-15', '2016-08-31', '0228', '35'), period(0, '45', '2016-09-01', '2017-05-31', '0345')], clients(1), toDay('2017-12-31'));
  it('leaves the old one by verhuizing and enters the new one as doorstroom; the region sees one spell', () => {
    const r = flows(t, { grain: 'year', by: 'municipality' });
    expect(r.reasons.map((x) => x.key)).toContain('verhuizing');
    expect(cellOf(r, '2016', '0228').uitstroom.byReason[r.reasons.findIndex((x) => x.key === 'verhuizing')]!.value).toBe(1);
    expect(cellOf(r, '2016', '0345').instroom.doorstroom.value).toBe(1);
    const region = flows(t, { grain: 'year' });
    expect(region.reasons.map((x) => x.key)).not.toContain('verhuizing');
    const y16 = cellOf(region, '2016', 'all');
    const y17 = cellOf(region, '2017', 'all');
    expect([y16.instroom.nieuw.value, y16.uitstroom.total.value, y17.uitstroom.total.value]).toEqual([1, 0, 1]);
    expect(y17.uitstroom.byReason[region.reasons.findIndex((x) => x.key === 'gepland')]!.value).toBe(1);
  });
});

describe('suppression', () => {
  nr = 0;
  // 2016: 7 children start (3 with a stop in 2016), 1 of them returns — small cells to hide.
  const rows = Array.from({ length: 7 }, (_, i) => period(i, '45', `2016-0${i + 1}-01`, i < 3 ? `2016-1${i}-01` : null));
  const t = careTable([period(7, '45', '2010-01-01', '2013-01-01'), period(7, '45', '2016-05-05', null), ...rows], clients(8), toDay('2017-12-31'));
  it('hides 1–4 children, never zeros, and leaves no hidden figure that one equation would give away', () => {
    const c = cellOf(runFlows(t, normaliseFlowsQuery({ grain: 'year' }), { threshold: 5, label }), '2016', 'all');
    expect(c.instroom.herhaald).toEqual({ value: null, flag: 'suppressed' }); // 1 child
    expect(c.instroom.doorstroom).toEqual({ value: 0, flag: 'ok' }); // zeros never
    // 8 − 7 would give the hidden 1 away: the smaller of the other non-zero figures (nieuw 7 < total 8) goes too.
    expect(c.instroom.nieuw).toEqual({ value: null, flag: 'secondary' });
    expect(c.instroom.total).toEqual({ value: 8, flag: 'ok' });
    expect(c.uitstroom.total).toEqual({ value: null, flag: 'suppressed' }); // 3 children
    const identity = [c.beginstand, c.instroom.total, c.uitstroom.total, c.eindstand];
    expect(identity.filter((x) => x.value === null).length).not.toBe(1);
  });
});

describe('the identity holds on random data for every breakdown', () => {
  it('eindstand = beginstand + instroom − uitstroom, and eindstand(P) = beginstand(next P)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const cats = ['43', '45', '54', '47', '50', '46', '41', '40'];
    const rows: CareRow[] = [];
    for (let i = 0; i < 400; i++) {
      const start = toDay('2018-01-01') + rnd(2000);
      const p = period(rnd(60), cats[rnd(cats.length)]!, '2018-01-01', null, ['0228', '0345', '0203'][rnd(3)]!, ['31', '33', '38', 'onbekend'][rnd(4)]!);
      rows.push({ ...p, start, end: rnd(10) === 0 ? null : start + rnd(400), endReason: p.endReason });
    }
    const t = careTable(rows, clients(60), toDay('2023-06-30'));
    for (const by of ['region', 'municipality', 'segment', 'ageband', 'gender'] as const) {
      for (const grain of ['month', 'quarter', 'year'] as const) {
        const r = flows(t, { grain, by });
        r.groups.forEach((_, j) =>
          r.periods.forEach((_, i) => {
            const c = r.cells[i]![j]!;
            expect(c.eindstand.value).toBe(c.beginstand.value! + c.instroom.total.value! - c.uitstroom.total.value!);
            if (i + 1 < r.periods.length) expect(r.cells[i + 1]![j]!.beginstand.value).toBe(c.eindstand.value);
          }),
        );
      }
    }
  });
});

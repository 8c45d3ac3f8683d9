// The comparisons on a hand-built region (iJw XML written with the generator's message writers, imported
// like any file). Every expected figure is worked out by hand in the comments next to it — never taken
// from the code under test.
//
// Peildatum: the latest JW301/305/307 Dagtekening is 2026-01-10 (a late JW305) → 2026-01-31.
// Population 0–17 on 1 January 2024: Ede (0228) 1000, Veenendaal (0345) 500.
// Providers P1 = 11111111, P2 = 22222222. Year 2024 unless said otherwise.
//   c1 born 2015-05, Ede, P1, cat 45 (specialistisch, zonder verblijf), nr 1: JW315 R1 Tue 2024-01-02 → JW301
//      (R1) Fri 2024-01-05 = 3 working days; Ingang 01-10, Eind 06-30; JW305 start 01-15 (5 days); JW307 06-30.
//      Line Jan: 10 hours (04), € 1.000 approved; DeclaratieDagtekening 02-10 → lead 10 days.
//      JW323 Sat 02-10, JW325 Fri 02-16 = 5 working days.
//   c2 born 2010-03, Ede, P2, cat 43 (verblijf, met verblijf), nr 2: JW315 R2 Thu 2024-02-01 → JW301 (R2)
//      Tue 02-20 = 13 working days; Ingang 03-01, Eind 12-31, no JW307; JW305 start 03-25 (24 days).
//      Line Mar: 31 etmalen (14), € 3.100 approved; dagtekening 05-15 → lead 45 days.
//      JW323 Wed 05-15, JW325 Wed 06-05 = 15 working days.
//   c3 born 2004-01 (20 in 2024: not 0–17), Veenendaal, P1, cat 45, nr 3: Ingang 02-01, open; JW305 start
//      02-01 (sent 2026-01-10). Line Feb: 5 hours, € 500 approved; dagtekening 03-05 → lead 5 days.
//      JW323 Tue 03-05, JW325 Tue 03-19 = 10 working days.
//   c4 born 2012-07, Veenendaal, P1, cat 45, nr 4: Ingang 04-01, Eind 09-30; start 04-02; JW307 09-30.
//      Line Apr: 120 minutes (01) = 2 hours, € 200, no JW325 (pending); dagtekening 05-20 → lead 20 days.
//   c5 born 2011-01, Ede, P1, cat 45, nr 5, in 2023 only: 03-01 … 08-31 with JW307; line Mar 2023 € 400 approved.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jw301, jw305, jw307, jw315, jw323, jw325, type Claim, type ClaimLine, type Head, type Person } from '../../data/generate/xml.js';
import { createService, type Service } from '../../data/service.js';
import { testBsn } from '../fixtures/ijw-builder.js';
import { exampleText } from '../fixtures/import/examples.js';

const EDE = '0228';
const VEEN = '0345';
const P1 = '11111111';
const P2 = '22222222';
let service: Service;
let seq = 0;
const head = (code: Head['code'], afzender: string, ontvanger: string, dagtekening: string): Head => ({ code, afzender, ontvanger, id: `M${++seq}`, dagtekening });
const person = (n: number, birth: string): Person => ({
  bsn: testBsn(n), birthDate: birth, gender: '1', firstName: 'Test', lastName: 'Kind', street: 'Proefstraat', houseNumber: 1, postcode: '6711AA', place: 'Ede',
});
const omvang = { volume: 1, unit: '04', frequency: '2' } as const;

interface Care { n: number; birth: string; mun: string; prov: string; cat: string; nr: number; ingang: string; eind: string | null; start: string; startSent: string; stop?: string; ref?: string; requested?: string; assignedOn: string }
interface Money { bsn: number; mun: string; prov: string; cat: string; nr: number; month: [string, string]; unit: string; volume: number; amount: number; sent: string; answered: string | null }

function careFiles(c: Care): string[] {
  const p = person(c.n, c.birth);
  const code = c.cat === '43' ? '43A01' : '45A03';
  const out = [
    jw301(head('JW301', c.mun, c.prov, c.assignedOn), p, [{ nr: c.nr, category: c.cat, code, date: c.assignedOn, time: '09:00:00', start: c.ingang, end: c.eind, omvang, ...(c.ref ? { reference: c.ref } : {}) }]),
    jw305(head('JW305', c.prov, c.mun, c.startSent), p, [{ nr: c.nr, category: c.cat, code, start: c.start, status: '1' }]),
  ];
  if (c.stop) out.push(jw307(head('JW307', c.prov, c.mun, c.stop), p, [{ nr: c.nr, category: c.cat, code, start: c.start, end: c.stop, reason: '31', status: '1' }]));
  if (c.ref && c.requested) out.push(jw315(head('JW315', c.prov, c.mun, c.requested), p, [{ reference: c.ref, category: c.cat, code, start: c.ingang, end: c.eind, omvang, referrer: '01' }]));
  return out;
}

function moneyFiles(m: Money, i: number): string[] {
  const line: ClaimLine = {
    bsn: testBsn(m.bsn), ref: `REF${i}`, nr: m.nr, category: m.cat, code: m.cat === '43' ? '43A01' : '45A03', periodStart: m.month[0], periodEnd: m.month[1],
    volume: m.volume, unit: m.unit, tariff: m.amount, amount: m.amount,
  };
  const claim: Claim = { number: `D${i}`, month: { start: m.month[0], end: m.month[1] }, dagtekening: m.sent, lines: [line] };
  const h = head('JW323', m.prov, m.mun, m.sent);
  const out = [jw323(h, claim)];
  if (m.answered) out.push(jw325(head('JW325', m.mun, m.prov, m.answered), claim, h, [], false));
  return out;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-compare-hand-'));
  service = createService({ dbFile: join(dir, 'hand.db'), home: join(dir, 'home'), today: () => '2026-11-01' });
  const care: Care[] = [
    { n: 1, birth: '2015-05-20', mun: EDE, prov: P1, cat: '45', nr: 1, assignedOn: '2024-01-05', ingang: '2024-01-10', eind: '2024-06-30', start: '2024-01-15', startSent: '2024-01-16', stop: '2024-06-30', ref: 'R1', requested: '2024-01-02' },
    { n: 2, birth: '2010-03-03', mun: EDE, prov: P2, cat: '43', nr: 2, assignedOn: '2024-02-20', ingang: '2024-03-01', eind: '2024-12-31', start: '2024-03-25', startSent: '2024-03-26', ref: 'R2', requested: '2024-02-01' },
    { n: 3, birth: '2004-01-09', mun: VEEN, prov: P1, cat: '45', nr: 3, assignedOn: '2024-01-20', ingang: '2024-02-01', eind: null, start: '2024-02-01', startSent: '2026-01-10' },
    { n: 4, birth: '2012-07-01', mun: VEEN, prov: P1, cat: '45', nr: 4, assignedOn: '2024-03-20', ingang: '2024-04-01', eind: '2024-09-30', start: '2024-04-02', startSent: '2024-04-03', stop: '2024-09-30' },
    { n: 5, birth: '2011-01-01', mun: EDE, prov: P1, cat: '45', nr: 5, assignedOn: '2023-02-20', ingang: '2023-03-01', eind: '2023-08-31', start: '2023-03-01', startSent: '2023-03-02', stop: '2023-08-31' },
  ];
  const money: Money[] = [
    { bsn: 1, mun: EDE, prov: P1, cat: '45', nr: 1, month: ['2024-01-01', '2024-01-31'], unit: '04', volume: 10, amount: 100000, sent: '2024-02-10', answered: '2024-02-16' },
    { bsn: 2, mun: EDE, prov: P2, cat: '43', nr: 2, month: ['2024-03-01', '2024-03-31'], unit: '14', volume: 31, amount: 310000, sent: '2024-05-15', answered: '2024-06-05' },
    { bsn: 3, mun: VEEN, prov: P1, cat: '45', nr: 3, month: ['2024-02-01', '2024-02-29'], unit: '04', volume: 5, amount: 50000, sent: '2024-03-05', answered: '2024-03-19' },
    { bsn: 4, mun: VEEN, prov: P1, cat: '45', nr: 4, month: ['2024-04-01', '2024-04-30'], unit: '01', volume: 120, amount: 20000, sent: '2024-05-20', answered: null },
    { bsn: 5, mun: EDE, prov: P1, cat: '45', nr: 5, month: ['2023-03-01', '2023-03-31'], unit: '04', volume: 4, amount: 40000, sent: '2023-04-10', answered: '2023-04-12' },
  ];
  // Two JW306 retours (the official example) from Ede to P1 on 2024-05-01: one with RetourCode 8848, one with 0200.
  const retour = exampleText('JW306')
    .replace('<jw306:Afzender>65656055</jw306:Afzender>', `<jw306:Afzender>${P1}</jw306:Afzender>`)
    .replace('<jw306:Ontvanger>0363</jw306:Ontvanger>', `<jw306:Ontvanger>${EDE}</jw306:Ontvanger>`)
    .replace('<jw306:DagtekeningRetour>2023-07-26', '<jw306:DagtekeningRetour>2024-05-01');
  const retours = [retour, retour.replace('7ae60051-e0f', '7ae60051-e10').replace('8848', '0200')];
  const xml = [...care.flatMap(careFiles), ...money.flatMap(moneyFiles), ...retours];
  const report = await service['import/files']({ files: xml.map((x, i) => ({ name: `m${i}.xml`, bytes: new TextEncoder().encode(x) })) });
  expect(report.files.filter((f) => f.status !== 'imported')).toEqual([]);
  const pop = 'Gemeente;Jaar;Leeftijd;Aantal\nGM0228;2024;0 tot 18 jaar;1000\nGM0345;2024;0 tot 18 jaar;500\n';
  const t = await service['tables/import']({ file: { name: 'bevolking.csv', bytes: new TextEncoder().encode(pop) }, kind: 'population', source: 'CBS' });
  expect(t.status).toBe('imported');
}, 120_000);

afterAll(() => service?.close());

describe('compare/municipalities on the hand-built region', () => {
  it('counts clients, verblijf, money and per 1,000 youth per municipality and for the region', async () => {
    const r = await service['compare/municipalities']({ period: '2024', suppress: false });
    expect(r.period).toMatchObject({ key: '2024', start: '2024-01-01', end: '2024-12-31', partial: false });
    const row = (k: string) => r.rows.find((x) => x.key === k)!;
    const ede = row(EDE).current;
    expect([ede.clients.value, ede.metVerblijf.value, ede.zonderVerblijf.value, ede.jbjr.value]).toEqual([2, 1, 1, 0]); // c1, c2
    expect(ede.approved.value).toBe(410000); // 100000 + 310000
    expect(ede.perClient.value).toBe(205000); // 410000 / 2
    expect(ede.perThousand!.population).toBe(1000);
    expect(ede.perThousand!.clients.value).toBeCloseTo(2, 10); // 2 / 1000 × 1000
    expect(ede.perThousand!.metVerblijf.value).toBeCloseTo(1, 10);
    expect(ede.perInhabitant.value).toBeCloseTo(410, 10); // 410000 eurocent / 1000 youth
    const veen = row(VEEN).current;
    expect(veen.clients.value).toBe(2); // c3, c4
    expect(veen.approved.value).toBe(50000); // c4's line is pending
    expect(veen.perClient.value).toBe(50000); // one child with approved lines
    expect(veen.perThousand!.clients.value).toBeCloseTo(2, 10); // only c4 is 0–17: 1 / 500 × 1000
    expect(veen.perInhabitant.value).toBe(0); // the only 0–17 child's line is pending
    const region = row('region').current;
    expect(region.clients.value).toBe(4);
    expect(region.perClient.value).toBeCloseTo(460000 / 3, 6);
    expect(region.perThousand!.clients.value).toBeCloseTo(2, 10); // 3 young / 1500 × 1000
    expect(region.perInhabitant.value).toBeCloseTo(410000 / 1500, 6);
    // Against the year before: only c5 (Ede, € 400).
    expect(r.previous?.key).toBe('2023');
    expect(row(EDE).previous!.clients.value).toBe(1);
    expect(row(EDE).previous!.approved.value).toBe(40000);
    expect(row(EDE).previous!.perThousand).toBeNull(); // no population for 2023
  });

  it('hides every figure of 1–4 children when suppressed, zeros stay', async () => {
    const r = await service['compare/municipalities']({ period: '2024' });
    const ede = r.rows.find((x) => x.key === EDE)!.current;
    expect(ede.clients).toEqual({ value: null, clients: null, flag: 'suppressed' });
    expect(ede.perClient.value).toBeNull();
    expect(ede.jbjr).toEqual({ value: 0, clients: 0, flag: 'ok' });
  });
});

describe('compare/providers on the hand-built region', () => {
  it('gives money, per-unit volume and price, lead time and municipality shares', async () => {
    const r = await service['compare/providers']({ period: '2024', suppress: false });
    expect(r.providers.map((p) => p.agb)).toEqual([P2, P1]); // by approved: 310000 > 150000
    const p1 = r.providers.find((p) => p.agb === P1)!;
    const c = p1.current;
    expect([c.clients.value, c.claimed.value, c.approved.value, c.perClient.value]).toEqual([3, 170000, 150000, 75000]);
    const unit = (u: string) => c.units.find((x) => x.unit === u)!;
    expect(unit('04').volume.value).toBe(15); // 10 + 5 hours
    expect(unit('04').price.value).toBe(10000); // 150000 / 15 = € 100 per hour
    expect(unit('01').volume.value).toBe(2); // 120 minutes as hours, never added to the hours
    expect(unit('01').price.value).toBeNull(); // nothing approved
    expect(c.leadTime.lines.value).toBe(3);
    expect(c.leadTime.meanDays).toBeCloseTo((10 + 5 + 20) / 3, 10);
    expect(c.leadTime.medianDays).toBe(10);
    expect(c.leadTime.within30.value).toBe(1);
    expect(c.leadTime.final).toBe(true); // 2024-12 is 13 months before 2026-01
    const share = (m: string) => p1.shares.find((s) => s.municipality === m)!;
    expect(share(EDE).clients.value).toBeCloseTo(1 / 3, 10);
    expect(share(VEEN).clients.value).toBeCloseTo(2 / 3, 10);
    expect(share(EDE).money.value).toBeCloseTo(2 / 3, 10); // 100000 / 150000
    expect(share(VEEN).money.value).toBeCloseTo(1 / 3, 10);
    expect(p1.previous!.approved.value).toBe(40000); // c5 in 2023
    const p2 = r.providers.find((p) => p.agb === P2)!.current;
    expect(p2.units.map((u) => [u.unit, u.volume.value, u.price.value])).toEqual([['14', 31, 10000]]);
    expect(p2.leadTime.meanDays).toBe(45);
    expect(p2.leadTime.within30.value).toBe(0);
    expect(r.concentration.top5).toEqual({ providers: 2, money: 1, clients: 1 });
  });
});

describe('compare/quality on the hand-built region', () => {
  it('gives starts within 14 days, ends without JW307, JW325 within 10 working days and request lead time', async () => {
    const r = await service['compare/quality']({ period: '2024', suppress: false });
    const q = (k: string) => (k === 'region' ? r.region : r.providers.find((p) => p.key === k)!);
    // Starts: nr 1 (5 days), 3 (0), 4 (1) within; nr 2 (24 days) not.
    expect([q(P1).startWithin14.of.value, q(P1).startWithin14.share.value]).toEqual([3, 1]);
    expect([q(P2).startWithin14.of.value, q(P2).startWithin14.share.value]).toEqual([1, 0]);
    expect(q('region').startWithin14.share.value).toBe(0.75);
    // Ends in 2024: nr 1 and 4 by a JW307, nr 2 by its assignment's Einddatum only.
    expect([q(P1).endsWithoutStop.of.value, q(P1).endsWithoutStop.share.value]).toEqual([2, 0]);
    expect([q(P2).endsWithoutStop.of.value, q(P2).endsWithoutStop.share.value]).toEqual([1, 1]);
    expect(q('region').endsWithoutStop.share.value).toBeCloseTo(1 / 3, 10);
    // JW325: D1 5 and D3 10 working days (within), D2 15 (late), D4 never answered (late).
    expect([q(P1).answerWithin10.of.value, q(P1).answerWithin10.share.value]).toEqual([3, 2 / 3]);
    expect(q(P2).answerWithin10.share.value).toBe(0);
    expect(q('region').answerWithin10.share.value).toBe(0.5);
    // Requests: R1 3 working days, R2 13.
    expect([q(P1).requests.requests.value, q(P1).requests.meanWorkingDays, q(P1).requests.withinNorm.value]).toEqual([1, 3, 1]);
    expect([q(P2).requests.meanWorkingDays, q(P2).requests.withinNorm.value]).toEqual([13, 0]);
    expect([q('region').requests.meanWorkingDays, q('region').requests.medianWorkingDays, q('region').requests.withinNorm.value]).toEqual([8, 8, 0.5]);
    // Retours: two JW306 for P1, one carrying a code other than 0200.
    const jw306 = r.retourTypes.indexOf('JW306');
    expect(q(P1).retours[jw306]).toEqual({ type: 'JW306', messages: 2, withCodes: 1 });
    expect(q(P2).retours[jw306]).toEqual({ type: 'JW306', messages: 0, withCodes: 0 });
    expect(r.retourCodes).toEqual([{ code: '8848', messages: 1 }]);
  });
});

describe('compare/provider-profile', () => {
  it('is always suppressed: no figure of 1–4 children is shown', async () => {
    const r = await service['compare/provider-profile']({ agb: P1, years: 3 });
    expect(r.years).toEqual(['2024', '2025', '2026']);
    expect(r.suppression.applied).toBe(true);
    expect(r.total[0]!.clients).toEqual({ value: null, clients: null, flag: 'suppressed' }); // 3 children in 2024
    expect(r.total[1]!.clients).toEqual({ value: null, clients: null, flag: 'suppressed' }); // c3 alone in 2025
    expect(r.byMunicipality.map((l) => l.key)).toEqual([EDE, VEEN]);
    expect(JSON.stringify(r)).not.toMatch(/"clients":[1-4],/);
  });
});

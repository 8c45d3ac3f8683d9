// Volume / price / mix (core/analysis/decomposition.ts) on hand-built lines: every expected figure is worked out
// by hand below (docs/ANALYSIS.md has the same case), and volume + price + mix = change exactly, in cents.
import { describe, expect, it } from 'vitest';
import { decompose, decompositionResult } from '../../core/analysis/decomposition.js';
import type { AnalysisLine } from '../../core/analysis/money.js';
import type { Segment } from '../../core/domain/segments.js';

function line(client: string, product: string, unit: string, volume: number, amount: number, month = 202401, segment: Segment = 'specialistisch'): AnalysisLine {
  return { client, municipality: '0228', provider: '12345678', toewijzingNr: 1, segment, product, unit, month, days: 31, volume, amount, declared: 0, original: true };
}

// Base: A 10 h and B 20 h of 45/X at € 95 (9500 ct), C 600 min of 54/Y at 190 ct → S0 = 399000, 3 children.
const base = [line('A', '45/X', '04', 10, 95000), line('B', '45/X', '04', 20, 190000), line('C', '54/Y', '01', 600, 114000)];
// Compare: 45/X now € 100 for A 12 h, B 15 h, D 10 h; 54/Y now 200 ct for C 300 min; E a new product 41/Z (4 × 6500).
const compare = [
  line('A', '45/X', '04', 12, 120000, 202501), line('B', '45/X', '04', 15, 150000, 202501), line('D', '45/X', '04', 10, 100000, 202501),
  line('C', '54/Y', '01', 300, 60000, 202501), line('E', '41/Z', '16', 4, 26000, 202501),
];

describe('the hand-worked case', () => {
  // X = 37 h × 9500 + 300 min × 190 + 26000 (new) = 351500 + 57000 + 26000 = 434500
  // price = 456000 − 434500 = 21500 (= 37 × 500 + 300 × 10); quantity = 434500 − 399000 = 35500
  // volume = 399000 × (5 − 3) / 3 = 266000; mix = 35500 − 266000 = −230500; change = 57000
  it('splits the change of 57000 ct into volume 266000, price 21500, mix −230500', () => {
    const c = decompose(base, compare);
    expect(c).toEqual({ spendBase: 399000, spendCompare: 456000, clientsBase: 3, clientsCompare: 5, change: 57000, volume: 266000, price: 21500, mix: -230500 });
    expect(c.volume + c.price + c.mix).toBe(c.change);
  });

  it('resolves rounding in mix: X = 500.5 rounds to 501, volume −500.5 to −500', () => {
    // Base: 2 units for 1001 ct (two children); compare: 1 unit for 600 ct (one child).
    const c = decompose([line('A', '45/X', '04', 1, 500), line('B', '45/X', '04', 1, 501)], [line('A', '45/X', '04', 1, 600, 202501)]);
    expect(c).toEqual({ spendBase: 1001, spendCompare: 600, clientsBase: 2, clientsCompare: 1, change: -401, volume: -500, price: 99, mix: 0 });
  });

  it('puts a product without base volume wholly in quantity and a credit takes its volume back', () => {
    // 45/X: 3 units for 1000 ct, then 2 units (3 debit − 1 credit) for 700 ct: X = 2 × 1000/3 = 666.67 → 667.
    const c = decompose([line('A', '45/X', '04', 3, 1000)], [line('A', '45/X', '04', 3, 1050, 202501), line('A', '45/X', '04', -1, -350, 202501)]);
    expect(c).toEqual({ spendBase: 1000, spendCompare: 700, clientsBase: 1, clientsCompare: 1, change: -300, volume: 0, price: 33, mix: -333 });
  });
});

describe('the result per segment', () => {
  const label = (s: string) => ({ nl: s, en: s });
  const span = (key: string, lines: AnalysisLine[]) => ({ key, start: `${key}-01-01`, end: `${key}-12-31`, lines });
  const verblijf = [line('F', '43/V', '14', 31, 589000, 202401, 'verblijf'), line('F', '43/V', '14', 31, 589000, 202501, 'verblijf')];

  it('adds the segment rows into the total, each row exact', () => {
    const r = decompositionResult({ base: span('2024', [...base, verblijf[0]!]), compare: span('2025', [...compare, verblijf[1]!]), label, suppress: false, threshold: 5, peildatum: '2025-12-31' });
    expect(r.rows.map((x) => x.segment)).toEqual(['verblijf', 'specialistisch', 'total']);
    for (const x of r.rows) expect(x.volume.value! + x.price.value! + x.mix.value!).toBe(x.change.value);
    const total = r.rows[2]!;
    expect([total.spendBase.value, total.spendCompare.value, total.change.value, total.volume.value, total.price.value, total.mix.value]).toEqual([988000, 1045000, 57000, 266000, 21500, -230500]);
    expect([total.clientsBase.value, total.clientsCompare.value]).toEqual([4, 6]);
    expect(r.rows[1]!.clientsBase.flag).toBe('small'); // 3 children: shown only because suppression is off
  });

  it('hides a small segment and, as the total is shown, the other segment too', () => {
    const r = decompositionResult({ base: span('2024', [...base, verblijf[0]!]), compare: span('2025', [...compare, verblijf[1]!]), label, suppress: true, threshold: 5, peildatum: '2025-12-31' });
    expect(r.rows.map((x) => [x.segment, x.change.flag])).toEqual([['verblijf', 'suppressed'], ['specialistisch', 'suppressed'], ['total', 'suppressed']]);
    const alone = decompositionResult({ base: span('2024', [...base, ...['G', 'H', 'I', 'J', 'K'].map((c) => line(c, '43/V', '14', 1, 19000, 202401, 'verblijf'))]), compare: span('2025', [...compare, ...['G', 'H', 'I', 'J', 'K'].map((c) => line(c, '43/V', '14', 1, 19000, 202501, 'verblijf'))]), label, suppress: true, threshold: 5, peildatum: null });
    // specialistisch has 3 base children (small) → hidden; verblijf (5 and 5) then hidden as secondary.
    expect(alone.rows.map((x) => [x.segment, x.change.flag, x.change.value])).toEqual([['verblijf', 'secondary', null], ['specialistisch', 'suppressed', null], ['total', 'ok', 57000]]);
  });
});

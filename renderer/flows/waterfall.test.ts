import { describe, expect, it } from 'vitest';
import type { FlowCount, GrowthRow } from '../../core/contract/flows.js';
import { waterfall } from './waterfall.js';

const n = (value: number | null): FlowCount => ({ value, flag: value === null ? 'suppressed' : 'ok' });
const row = (v: Record<'beginstand' | 'nieuw' | 'herhaald' | 'fromOtherSegments' | 'toOtherSegments' | 'outOfCare' | 'eindstand', number | null>): GrowthRow => ({
  segment: 'specialistisch',
  label: { nl: 'Specialistisch ambulant', en: 'Specialist outpatient' },
  beginstand: n(v.beginstand), nieuw: n(v.nieuw), herhaald: n(v.herhaald), fromOtherSegments: n(v.fromOtherSegments),
  toOtherSegments: n(v.toOtherSegments), outOfCare: n(v.outOfCare), eindstand: n(v.eindstand),
  change: n(v.eindstand !== null && v.beginstand !== null ? v.eindstand - v.beginstand : null),
  fromBySegment: [], toBySegment: [],
});

describe('growth waterfall', () => {
  it('chains the steps from the beginstand to the eindstand', () => {
    // 100 + 120 new + 10 returning + 50 from residential − 5 to other segments − 75 out of care = 200.
    const w = waterfall(row({ beginstand: 100, nieuw: 120, herhaald: 10, fromOtherSegments: 50, toOtherSegments: 5, outOfCare: 75, eindstand: 200 }));
    expect(w.chained).toBe(true);
    expect(w.steps.map((s) => [s.key, s.kind, s.value, s.start, s.end])).toEqual([
      ['beginstand', 'total', 100, 0, 100],
      ['nieuw', 'plus', 120, 100, 220],
      ['herhaald', 'plus', 10, 220, 230],
      ['fromOtherSegments', 'plus', 50, 230, 280],
      ['toOtherSegments', 'minus', -5, 280, 275],
      ['outOfCare', 'minus', -75, 275, 200],
      ['eindstand', 'total', 200, 0, 200],
    ]);
  });

  it('draws every known figure from zero when a part is suppressed, and names the missing ones', () => {
    const w = waterfall(row({ beginstand: 30, nieuw: null, herhaald: 0, fromOtherSegments: 6, toOtherSegments: null, outOfCare: 8, eindstand: 31 }));
    expect(w.chained).toBe(false);
    expect(w.missing).toEqual(['nieuw', 'toOtherSegments']);
    expect(w.steps.map((s) => [s.key, s.start, s.end])).toEqual([
      ['beginstand', 0, 30],
      ['herhaald', 0, 0],
      ['fromOtherSegments', 0, 6],
      ['outOfCare', 0, -8],
      ['eindstand', 0, 31],
    ]);
  });
});

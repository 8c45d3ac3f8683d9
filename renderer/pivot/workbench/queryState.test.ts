import { describe, expect, it } from 'vitest';
import { normalisePivotQuery, type PivotQuery } from '../../../core/contract/pivot.js';
import { MEASURES } from '../../../core/registry.js';
import { addField, addFilter, cannotAdd, canRemove, DEFAULT_QUERY, effectiveQuery, moveField, removeField, removeFilter, toggleMeasure } from './queryState.js';

const q = (rows: PivotQuery['rows'], cols: PivotQuery['cols'] = [], extra: Partial<PivotQuery> = {}): PivotQuery => ({
  ...normalisePivotQuery({ rows, cols, suppress: false }),
  ...extra,
});

describe('field picker rules', () => {
  it('opens on clients per municipality × year, exact', () => {
    expect(DEFAULT_QUERY).toMatchObject({ rows: ['municipality'], cols: ['year'], measures: ['clients'], suppress: false });
  });

  it('adds to the end or at an index, and takes a dimension out of the other slot', () => {
    expect(addField(q(['municipality']), 'rows', 'segment').rows).toEqual(['municipality', 'segment']);
    expect(addField(q(['municipality']), 'rows', 'segment', 0).rows).toEqual(['segment', 'municipality']);
    const moved = addField(q(['municipality'], ['year']), 'rows', 'year');
    expect([moved.rows, moved.cols]).toEqual([['municipality', 'year'], []]);
  });

  it('keeps rows at 1–3 and columns at ≤ 2', () => {
    const full = q(['municipality', 'segment', 'gender'], ['year', 'quarter']);
    expect(cannotAdd(full, 'rows', 'provider')).toBe('full');
    expect(addField(full, 'rows', 'provider')).toBe(full);
    expect(cannotAdd(full, 'cols', 'provider')).toBe('full');
    expect(cannotAdd(full, 'rows', 'segment')).toBe('there');
    const one = q(['municipality'], ['year']);
    expect(cannotAdd(one, 'cols', 'municipality')).toBe('lastRow');
    expect(addField(one, 'cols', 'municipality')).toBe(one);
    expect(canRemove(one, 'municipality')).toBe(false);
    expect(removeField(one, 'municipality')).toBe(one);
    expect(removeField(one, 'year').cols).toEqual([]);
  });

  it('moves within a slot and leaves the ends alone', () => {
    const three = q(['municipality', 'segment', 'gender']);
    expect(moveField(three, 'segment', -1).rows).toEqual(['segment', 'municipality', 'gender']);
    expect(moveField(three, 'segment', 1).rows).toEqual(['municipality', 'gender', 'segment']);
    expect(moveField(three, 'municipality', -1)).toBe(three);
    expect(moveField(three, 'gender', 1)).toBe(three);
    expect(moveField(three, 'year', 1)).toBe(three);
  });

  it('ticks measures in registry order, never none and never a ninth', () => {
    let m = toggleMeasure(q(['municipality']), 'approved', MEASURES);
    m = toggleMeasure(m, 'trajectories', MEASURES);
    expect(m.measures).toEqual(['clients', 'trajectories', 'approved']);
    const one = q(['municipality']);
    expect(toggleMeasure(one, 'clients', MEASURES)).toBe(one);
    const eight = q(['municipality'], [], { measures: MEASURES.slice(0, 8) });
    expect(toggleMeasure(eight, MEASURES[8]!, MEASURES)).toBe(eight);
  });

  it('drops growth when the last time dimension goes, and a sort on a measure that is unticked', () => {
    const withYear = q(['municipality'], ['year'], { compare: 'yoy' });
    expect(removeField(withYear, 'year').compare).toBe('none');
    expect(addField(withYear, 'rows', 'segment').compare).toBe('yoy');
    const sorted = q(['municipality'], ['year'], { measures: ['clients', 'approved'], sort: { by: 'approved', col: ['2024'], dir: 'desc' } });
    expect(toggleMeasure(sorted, 'approved', MEASURES).sort).toEqual({ by: 'key', dir: 'desc' });
    expect(removeField(sorted, 'year').sort).toEqual({ by: 'approved', dir: 'desc' });
  });

  it('adds filters in normal form and removes them by position', () => {
    const f = addFilter(addFilter(q(['municipality']), ['year', '>=', '2024']), ['gender', 'in', ['2', '1', '2']]);
    expect(f.filters).toEqual([
      ['gender', 'in', ['1', '2']],
      ['year', '>=', '2024'],
    ]);
    expect(removeFilter(f, 0).filters).toEqual([['year', '>=', '2024']]);
  });

  it('forces suppression in meeting mode only', () => {
    const exact = q(['municipality']);
    expect(effectiveQuery(exact, false)).toBe(exact);
    expect(effectiveQuery(exact, true).suppress).toBe(true);
    expect(exact.suppress).toBe(false);
  });
});

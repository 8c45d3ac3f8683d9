import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOWS, flowsQueryOf, stateFromHash, stateToHash, withGrain } from './flowsState.js';

describe('flows state in the URL hash', () => {
  it('round-trips through the hash', () => {
    const s = { ...DEFAULT_FLOWS, grain: 'quarter' as const, by: 'segment' as const, from: '2024-Q1', period: '2024-Q3', suppress: false };
    expect(stateFromHash(stateToHash(s))).toEqual(s);
  });

  it('drops period keys that do not fit the grain, and ignores hashes that are not flows or not valid', () => {
    const s = { ...DEFAULT_FLOWS, grain: 'year' as const, from: '2023', to: '2025', period: '2024' };
    expect(withGrain(s, 'month')).toMatchObject({ grain: 'month', from: null, to: null, period: null });
    const edited = '#flows?' + new URLSearchParams({ s: JSON.stringify({ grain: 'month', from: '2024' }) }).toString();
    expect(stateFromHash(edited)).toMatchObject({ grain: 'month', from: null });
    expect(stateFromHash('#pivot?q=%7B%7D')).toBeNull();
    expect(stateFromHash('#flows?s=' + encodeURIComponent('{"grain":"week"}'))).toBeNull();
    expect(stateFromHash('#flows?s=not-json')).toBeNull();
  });

  it('forces suppression in meeting mode and leaves out empty filters', () => {
    const s = { ...DEFAULT_FLOWS, suppress: false, segment: 'verblijf' as const };
    expect(flowsQueryOf(s, false)).toEqual({ grain: 'year', by: 'region', segment: 'verblijf', suppress: false });
    expect(flowsQueryOf(s, true).suppress).toBe(true);
  });
});

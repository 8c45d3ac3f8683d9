import { describe, expect, it } from 'vitest';
import { normalisePivotQuery } from '../../../core/contract/pivot.js';
import { DEFAULT_STATE, stateFromHash, stateToHash } from './hashState.js';

describe('the working pivot in the URL hash', () => {
  it('round-trips query, chart kind and collapsed rows, behind the view name', () => {
    const state = {
      query: normalisePivotQuery({ rows: ['municipality', 'segment'], cols: ['year'], filters: [['gender', '==', '2']], showAs: 'row', suppress: false }),
      chart: 'stacked' as const,
      collapsed: [['0228']],
    };
    const hash = stateToHash(state);
    expect(hash.startsWith('#pivot?')).toBe(true);
    expect(stateFromHash(hash)).toEqual(state);
    expect(stateFromHash(hash.slice(1))).toEqual(state);
    expect(stateToHash(DEFAULT_STATE)).not.toContain('collapsed');
  });

  it('ignores hashes of other views and anything that does not fit the contract', () => {
    expect(stateFromHash('#pivot')).toBeNull();
    expect(stateFromHash('#import')).toBeNull();
    expect(stateFromHash('#pivot?q=%7Bnot-json')).toBeNull();
    const bad = (query: unknown) => `#pivot?q=${encodeURIComponent(JSON.stringify(query))}`;
    expect(stateFromHash(bad({ rows: ['bsn'] }))).toBeNull(); // unknown dimension
    expect(stateFromHash(bad({ rows: ['municipality'], extra: 1 }))).toBeNull(); // unknown key
    expect(stateFromHash(bad({ rows: ['year'], cols: ['year'] }))).toBeNull(); // a dimension twice
  });

  it('fills what a hand-written link leaves out', () => {
    const s = stateFromHash(`#pivot?q=${encodeURIComponent('{"rows":["segment"]}')}&chart=pie&collapsed=oops`);
    expect(s).toEqual({ query: normalisePivotQuery({ rows: ['segment'] }), chart: 'bar', collapsed: [] });
  });
});

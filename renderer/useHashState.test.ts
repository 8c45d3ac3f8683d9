import { describe, expect, it } from 'vitest';
import { mayMirror } from './useHashState.js';
import { viewOfHash } from './useView.js';

describe('a view writes its state into the hash only while the hash opens that view', () => {
  it('reads the view from the name before the state', () => {
    expect(viewOfHash('#stacking?period=2024')).toBe('stacking');
    expect(viewOfHash('#settings')).toBe('settings');
    expect(viewOfHash('')).toBe('pivot');
    expect(viewOfHash('#onbekend')).toBe('pivot');
  });

  it('writes over its own hash, and over an empty one when it is the pivot (the view an empty hash opens)', () => {
    expect(mayMirror('#flows?grain=year', '#flows?grain=month')).toBe(true);
    expect(mayMirror('#flows', '#flows?grain=year')).toBe(true);
    expect(mayMirror('', '#pivot?q=abc')).toBe(true);
    expect(mayMirror('', '#flows?grain=year')).toBe(false);
  });

  it("leaves a hash alone that another view's link has just set, and one that is already right", () => {
    expect(mayMirror('#stacking', '#pivot?q=abc')).toBe(false);
    expect(mayMirror('#steering', '#compare?tab=providers')).toBe(false);
    expect(mayMirror('#pivot?q=abc', '#pivot?q=abc')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { VIEWS } from '../useView.js';
import { TOUR_VIEWS, tourSteps } from './tourSteps.js';

describe('tour steps', () => {
  it('walk import, pivot, flows, stacking, compare, steering in that order, as far as the app has them', () => {
    const all = tourSteps(() => true);
    expect(all).toEqual(TOUR_VIEWS.filter((v) => (VIEWS as readonly string[]).includes(v)));
    expect(all.slice(0, 4)).toEqual(['import', 'pivot', 'flows', 'stacking']);
  });

  it('leave out a step whose tab is not in the navigation', () => {
    expect(tourSteps((v) => v !== 'flows' && v !== 'compare')).not.toContain('flows');
    expect(tourSteps((v) => v !== 'flows')[2]).toBe('stacking');
  });
});

// The classifier: a codebook row decides, else the default of DOMAIN.md §4.
import { describe, expect, it } from 'vitest';
import { classifier, parseSegment } from './codebook.js';

describe('classifier', () => {
  const c = classifier(new Map([
    ['43X01', { segment: 'wonen', countsAsTrajectory: null }],
    ['45X09', { segment: 'specialistisch', countsAsTrajectory: false }],
  ] as const));

  it('takes the segment from the codebook row of the product code, else from the category', () => {
    expect([c.segment('43', '43X01'), c.segment('43', '43X02'), c.segment('43', null), c.segment('99', undefined)]).toEqual(['wonen', 'verblijf', 'verblijf', 'overig']);
  });

  it('lets telt_als_traject override the 40/42 default, and an empty value keep it', () => {
    expect([c.isTrajectory('45', '45X09'), c.isTrajectory('43', '43X01'), c.isTrajectory('40', null), c.isTrajectory('45', null)]).toEqual([false, true, false, true]);
  });
});

describe('parseSegment', () => {
  it('reads ids, the Dutch names of DOMAIN.md §4 and common variants', () => {
    expect(['Verblijf (residentieel / gesloten)', 'pleegzorg', 'Dagbehandeling / dagbesteding', 'Specialistisch ambulant (incl. GGZ)', 'Jeugdbescherming / jeugdreclassering', 'OVERIG'].map(parseSegment))
      .toEqual(['verblijf', 'wonen', 'dagbehandeling', 'specialistisch', 'jbjr', 'overig']);
    expect(parseSegment('ambulant')).toBeNull();
  });
});

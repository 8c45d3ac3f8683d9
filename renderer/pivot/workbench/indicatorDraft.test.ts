// The "Maak indicator" dialog's fields turned into indicators/save arguments: Dutch and plain decimals, money in
// euro stored as eurocent, the pivot's first measure and filters as the source, and what blocks saving.
import { describe, expect, it } from 'vitest';
import { defaultDraft, draftProblems, parseAmount, pivotSource, saveArgs } from './indicatorDraft.js';

describe('indicator draft', () => {
  it('reads Dutch and plain decimals, and refuses what is not a number', () => {
    expect(parseAmount('25')).toBe(25);
    expect(parseAmount('25,5')).toBe(25.5);
    expect(parseAmount('25.5')).toBe(25.5);
    expect(parseAmount('1.234,5')).toBe(1234.5);
    expect(parseAmount('€ 1.200,00')).toBe(1200);
    expect(parseAmount('-3')).toBe(-3);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('veel')).toBeNull();
    expect(parseAmount('1,2,3')).toBeNull();
  });

  it('starts a year before the peildatum month, aiming at the end of next year', () => {
    const months = ['2024-05', '2024-06', '2024-07', '2025-06'];
    expect(defaultDraft('Cliënten', '2025-06-30', months)).toEqual({
      name: 'Cliënten', project: '', baselineMonth: '2024-06', baselineValue: '', targetValue: '', targetDate: '2026-12-31', direction: 'down',
    });
    // No month a year back: the first month there is.
    expect(defaultDraft('x', '2025-06-30', ['2025-01', '2025-06']).baselineMonth).toBe('2025-01');
  });

  it('names what blocks saving, in field order', () => {
    const ok = { name: 'Minder verblijf', project: 'Thuis', baselineMonth: '2024-06', baselineValue: '', targetValue: '200', targetDate: '2026-12-31', direction: 'down' as const };
    expect(draftProblems(ok)).toEqual([]);
    expect(draftProblems({ ...ok, name: ' ', project: '', targetValue: 'veel' })).toEqual(['name', 'project', 'targetValue']);
    expect(draftProblems({ ...ok, baselineValue: 'x' })).toEqual(['baselineValue']);
    // The target month must lie after the baseline month (the contract refuses it otherwise).
    expect(draftProblems({ ...ok, targetDate: '2024-06-30' })).toEqual(['targetDate']);
  });

  it('makes the save arguments: first measure and filters, empty baseline left to the engine, euro as eurocent', () => {
    const draft = { name: ' Uitgaven verblijf ', project: 'Thuis', baselineMonth: '2024-06', baselineValue: '', targetValue: '1.250,50', targetDate: '2026-12-31', direction: 'down' as const };
    const money = pivotSource({ measures: ['claimed', 'clients'], filters: [['segment', '==', 'verblijf']] });
    expect(saveArgs(draft, money)).toEqual({
      name: 'Uitgaven verblijf', project: 'Thuis', source: { kind: 'pivot', measure: 'claimed', filters: [['segment', '==', 'verblijf']] },
      baseline: { period: '2024-06' }, target: { date: '2026-12-31', value: 125050 }, direction: 'down',
    });
    const counts = saveArgs({ ...draft, baselineValue: '400', targetValue: '200' }, pivotSource({ measures: ['clients'], filters: [] }));
    expect(counts.baseline).toEqual({ period: '2024-06', value: 400 });
    expect(counts.target.value).toBe(200);
  });
});

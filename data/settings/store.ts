// Settings kept in the store's `setting` table (key → text). The suppression threshold is read by every
// suppressed output through suppressionThreshold(); handlers that take a threshold as a number get it per
// call through withThreshold(), so a change applies at once without rebuilding the model.
import type Database from 'better-sqlite3';
import { DEFAULT_SUPPRESSION_THRESHOLD, MAX_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from '../../core/contract/settings.js';
import { getSetting } from '../model/load.js';

export const THRESHOLD_KEY = 'suppression-threshold';
export const PEILDATUM_KEY = 'peildatum'; // read by data/model (peildatumFrom) and the importer

/** The threshold in force: the stored one when it is a whole number in range, else the default of 5. */
export function suppressionThreshold(db: Database.Database): number {
  const stored = Number(getSetting(db, THRESHOLD_KEY));
  return Number.isInteger(stored) && stored >= MIN_SUPPRESSION_THRESHOLD && stored <= MAX_SUPPRESSION_THRESHOLD ? stored : DEFAULT_SUPPRESSION_THRESHOLD;
}

export function putSetting(db: Database.Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM setting WHERE key = ?').run(key);
  else db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * Handlers made with a fixed threshold (`make(5)`), called with the threshold in force at each call: every
 * method makes the handlers anew with `threshold()` — cheap, they are closures over shared, cached tables.
 */
export function withThreshold<H extends object>(threshold: () => number, make: (threshold: number) => H): H {
  const names = Object.keys(make(DEFAULT_SUPPRESSION_THRESHOLD)) as (keyof H)[];
  return Object.fromEntries(
    names.map((name) => [name, (...args: unknown[]) => (make(threshold())[name] as (...a: unknown[]) => unknown)(...args)]),
  ) as H;
}

// The municipality rows of compare/municipalities: codes as given in the data, or — with mergers applied —
// old codes folded into their successor (DOMAIN.md §9). The mapping is the user's imported
// municipality-mapping table when there is one, else the checked-in known mergers (data/reference).
import type Database from 'better-sqlite3';
import type { CompareMunicipalitiesResult } from '../../core/contract/compare.js';
import type { MunicipalityGroup } from '../../core/compare/municipalities.js';
import { municipalityName } from '../reference/municipalities.js';
import { knownMergers, type Merger } from '../tables/mergers.js';

type Mapping = CompareMunicipalitiesResult['mapping'];

function userMergers(db: Database.Database): Merger[] {
  return (db.prepare('SELECT DISTINCT old_code AS oldCode, new_code AS newCode, merged_on AS mergedOn, from_year AS fromYear FROM ref_municipality_map').all() as Merger[]);
}

/** Follows a chain of mergers (a successor that merged again) to the code in use now. */
function successor(code: string, next: ReadonlyMap<string, string>): string {
  const seen = new Set<string>();
  let c = code;
  while (next.has(c) && !seen.has(c)) {
    seen.add(c);
    c = next.get(c)!;
  }
  return c;
}

export const municipalityLabel = (code: string): string => municipalityName(code) ?? `Gemeente ${code}`;

export function municipalityGroups(db: Database.Database, codes: readonly string[], mode: 'asGiven' | 'mergers'): { groups: MunicipalityGroup[]; mapping: Mapping } {
  const own = userMergers(db);
  const mergers = own.length ? own : knownMergers();
  const source: Mapping['source'] = own.length ? 'table' : 'known';
  const present = new Set(codes);
  const applies = mergers.filter((m) => present.has(m.oldCode));
  const mapping: Mapping = {
    applied: mode,
    source: applies.length ? source : 'none',
    merged: applies.map((m) => ({ oldCode: m.oldCode, newCode: m.newCode, fromYear: m.fromYear })),
  };
  const next = new Map(mergers.map((m) => [m.oldCode, m.newCode]));
  const byKey = new Map<string, string[]>();
  for (const code of [...codes].sort()) {
    const key = mode === 'mergers' ? successor(code, next) : code;
    byKey.set(key, [...(byKey.get(key) ?? []), code]);
  }
  const groups = [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, members]) => ({ key, label: municipalityLabel(key), codes: members }));
  return { groups, mapping };
}

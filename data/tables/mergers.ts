// Municipality codes across mergers (DOMAIN.md §9: keep codes as given and offer a mapping). Comparing two
// CBS lists gives the candidates (codes only in the older list disappeared, codes only in the newer one
// are new); the checked-in mapping in data/reference, written from the published mergers of 2022 and 2023,
// says where each disappeared code went. It reads through the same table reader as any mapping file.
import { readFileSync } from 'node:fs';
import { KINDS } from './kinds.js';
import { suggestMapping } from './mapping.js';
import { parseTable } from './parse.js';
import { readCsvTable } from './read.js';
import { fromYear } from './store.js';

export interface Municipality {
  code: string;
  name: string;
}
export interface Merger {
  oldCode: string;
  newCode: string;
  mergedOn: string; // ISO date
  fromYear: number; // first year whose 1 January carries the new code
}

export const KNOWN_MERGERS_FILE = 'gemeentelijke-herindelingen-2022-2023.csv';

export function mergerCandidates(older: readonly Municipality[], newer: readonly Municipality[]): { onlyOlder: Municipality[]; onlyNewer: Municipality[] } {
  const olderCodes = new Set(older.map((m) => m.code));
  const newerCodes = new Set(newer.map((m) => m.code));
  return { onlyOlder: older.filter((m) => !newerCodes.has(m.code)), onlyNewer: newer.filter((m) => !olderCodes.has(m.code)) };
}

export function knownMergers(): Merger[] {
  const bytes = new Uint8Array(readFileSync(new URL(`../reference/${KNOWN_MERGERS_FILE}`, import.meta.url)));
  const raw = readCsvTable(bytes);
  const spec = KINDS['municipality-mapping'];
  const parsed = parseTable(raw, spec, suggestMapping(raw.headers, spec), { file: KNOWN_MERGERS_FILE });
  if (parsed.errors.length > 0) throw new Error(`${KNOWN_MERGERS_FILE}: ${parsed.errors[0]!.reason}`);
  return parsed.rows.map(({ values: v }) => ({
    oldCode: v.old_code as string,
    newCode: v.new_code as string,
    mergedOn: v.date as string,
    fromYear: fromYear(v.date as string),
  }));
}

/** The mapping for the codes that disappeared between two lists, from the known mergers; codes the known
 *  mergers do not cover (or map to a code missing from the newer list) are left for the user. */
export function proposeMapping(older: readonly Municipality[], newer: readonly Municipality[], known: readonly Merger[] = knownMergers()): { mapping: Merger[]; unresolved: Municipality[] } {
  const newerCodes = new Set(newer.map((m) => m.code));
  const mapping: Merger[] = [];
  const unresolved: Municipality[] = [];
  for (const gone of mergerCandidates(older, newer).onlyOlder) {
    const rows = known.filter((k) => k.oldCode === gone.code && newerCodes.has(k.newCode));
    if (rows.length === 0) unresolved.push(gone);
    mapping.push(...rows);
  }
  return { mapping, unresolved };
}

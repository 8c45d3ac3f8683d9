// Municipality names from CBS's published lists (data/reference/cbs-gemeenten-alfabetisch-*.csv, CC BY 4.0,
// source CBS). Codes are kept as given; a code that disappeared in a merger keeps its last known name.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const FILES = ['cbs-gemeenten-alfabetisch-2021.csv', 'cbs-gemeenten-alfabetisch-2023.csv'];

let names: Map<string, string> | null = null;

function load(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of FILES) {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8');
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as { Gemeentecode: string; Gemeentenaam: string }[];
    for (const r of rows) out.set(r.Gemeentecode, r.Gemeentenaam); // later list wins
  }
  return out;
}

export function municipalityName(code: string): string | null {
  names ??= load();
  return names.get(code) ?? null;
}

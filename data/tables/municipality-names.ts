// Municipality name → CBS code, from the CBS lists shipped in data/reference (source CBS, CC BY 4.0), so
// a population download that names municipalities ("Ede") instead of coding them (GM0228) still reads.
// Names are compared without case, accents and punctuation; the later list wins for a reused name.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const FILES = ['cbs-gemeenten-alfabetisch-2021.csv', 'cbs-gemeenten-alfabetisch-2023.csv'];
let byName: Map<string, string> | null = null;

export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function load(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of FILES) {
    const text = readFileSync(new URL(`../reference/${file}`, import.meta.url), 'utf8');
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as { Gemeentecode: string; Gemeentenaam: string }[];
    for (const r of rows) out.set(normaliseName(r.Gemeentenaam), r.Gemeentecode);
  }
  return out;
}

export function municipalityCodeByName(name: string): string | null {
  byName ??= load();
  return byName.get(normaliseName(name)) ?? null;
}

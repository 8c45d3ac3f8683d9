// A CBS StatLine table as downloaded in CSV (docs/SCHOOLS.md, "Benchmark"): ';'-separated, every value quoted,
// the header holds CBS's column keys: "ID", "RegioS" (codes padded with spaces: "GM0228  ", "NL01    "),
// "Perioden" ("2023JJ00" = the year 2023), possibly more dimension columns ("VormenVanJeugdzorg": "A027918"),
// then the topics ("JongerenMetJeugdzorg_1"), right-aligned with spaces, '.' when CBS publishes no figure.
// Pure: the caller has decoded and split the file into cells.

export interface StatlineObservation {
  region: string; // trimmed RegioS key
  year: number;
  figure: string; // topic, then '|Dimension=code' per other dimension column (sorted by column name)
  value: number;
}

export interface StatlineParse {
  observations: StatlineObservation[];
  missing: number; // '.' or empty cells
  skippedPeriods: number; // rows of a period that is not a whole year (2023HJ01, 2023KW01, 2023MM01)
  topics: string[];
  dimensions: string[];
  errors: { line: number | null; column: string | null; reason: string }[];
}

const TOPIC = /_\d+$/; // CBS topic keys end in their position: JongerenMetJeugdzorg_1
const YEAR = /^(\d{4})JJ00$/;

export function parseStatline(headers: readonly string[], rows: readonly { line: number; cells: readonly string[] }[]): StatlineParse {
  const out: StatlineParse = { observations: [], missing: 0, skippedPeriods: 0, topics: [], dimensions: [], errors: [] };
  const clean = headers.map((h) => h.trim());
  const regionCol = clean.findIndex((h) => /^regios$|^regio's$/i.test(h));
  const periodCol = clean.findIndex((h) => /^perioden$|^periods$/i.test(h));
  if (regionCol < 0 || periodCol < 0) {
    out.errors.push({ line: 1, column: null, reason: 'not a CBS StatLine table: expected the columns "RegioS" and "Perioden" in the header' });
    return out;
  }
  const dims: number[] = [];
  const topics: number[] = [];
  clean.forEach((h, i) => {
    if (i === regionCol || i === periodCol || /^id$/i.test(h)) return;
    (TOPIC.test(h) ? topics : dims).push(i);
  });
  if (topics.length === 0) out.errors.push({ line: 1, column: null, reason: 'no CBS topic columns (keys ending in _1, _2, …) in the header' });
  dims.sort((a, b) => (clean[a]! < clean[b]! ? -1 : 1));
  out.topics = topics.map((i) => clean[i]!);
  out.dimensions = dims.map((i) => clean[i]!);
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const region = (row.cells[regionCol] ?? '').trim();
    const period = (row.cells[periodCol] ?? '').trim();
    const y = YEAR.exec(period);
    if (!region) {
      out.errors.push({ line: row.line, column: clean[regionCol]!, reason: 'empty RegioS' });
      continue;
    }
    if (!y) {
      if (/^\d{4}[A-Z]{2}\d{2}$/.test(period)) out.skippedPeriods++;
      else out.errors.push({ line: row.line, column: clean[periodCol]!, reason: `expected a CBS period like 2023JJ00, got '${period.slice(0, 20)}'` });
      continue;
    }
    const dimKey = dims.map((i) => `|${clean[i]}=${(row.cells[i] ?? '').trim()}`).join('');
    for (const i of topics) {
      const text = (row.cells[i] ?? '').trim();
      if (text === '.' || text === '') {
        out.missing++;
        continue;
      }
      const value = Number(text.replace(',', '.'));
      if (!/^-?\d+([.,]\d+)?$/.test(text) || !Number.isFinite(value)) {
        out.errors.push({ line: row.line, column: clean[i]!, reason: `expected a number or '.', got '${text.slice(0, 20)}'` });
        continue;
      }
      out.observations.push({ region, year: +y[1]!, figure: `${clean[i]}${dimKey}`, value });
    }
  }
  return out;
}

/** The CBS table id in a file name: 85099NED_UntypedDataSet_24112026.csv → 85099NED. */
export function tableIdOf(fileName: string): string | null {
  return /(\d{5}[A-Z]{3})/i.exec(fileName)?.[1]?.toUpperCase() ?? null;
}

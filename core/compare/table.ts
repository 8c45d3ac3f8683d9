// The compare results as the rectangular table every export and the CLI write (core/export/table.ts's shape,
// so the CSV and XLSX writers are shared). Hidden figures read "<5" (primary) or "x" (secondary), never a value.
import type {
  CompareCell, CompareMunicipalitiesResult, CompareProfileFigures, CompareProfileResult, CompareProviderFigures, CompareProvidersResult, CompareQualityResult,
} from '../contract/compare.js';
import { figure, type FigureFormat } from '../export/figures.js';
import type { PivotTable, TableCell } from '../export/table.js';
import { suppressionNotice } from '../export/title.js';
import { formatDate } from '../format.js';
import type { Lang } from '../registry.js';

type Words = Record<Lang, string>;
const w = (nl: string, en: string): Words => ({ nl, en });

const cellOf = (threshold: number, format: FigureFormat) => (c: CompareCell): TableCell =>
  c.flag === 'suppressed' ? `<${threshold}` : c.flag === 'secondary' ? 'x' : c.value === null ? '' : figure(c.value, format);
const num = (v: number | null, format: FigureFormat): TableCell => (v === null ? '' : figure(v, format));

function title(what: Words, r: { peildatum: string | null; suppression: { applied: boolean; threshold: number } }, lang: Lang): string {
  const date = r.peildatum ? formatDate(r.peildatum, lang) : lang === 'nl' ? 'onbekend' : 'unknown';
  return `Spiegel — ${lang === 'nl' ? 'peildatum' : 'reference date'} ${date} — ${what[lang]} — ${suppressionNotice(r, lang)}`;
}

function table(head: string[], body: TableCell[][], titleLine: string, notes: string[], labelColumns: number): PivotTable {
  return { title: titleLine, notes, header: [head], body, kinds: body.map(() => 'row'), labelColumns };
}

export function municipalitiesTable(r: CompareMunicipalitiesResult, lang: Lang): PivotTable {
  const T = r.suppression.threshold;
  const n = cellOf(T, 'integer');
  const eur = cellOf(T, 'euro');
  const rate = cellOf(T, 'decimal1');
  const segs = r.segments.map((s) => s.label[lang]);
  const per = lang === 'nl' ? 'per 1.000 jeugdigen' : 'per 1,000 youth';
  const head = [
    lang === 'nl' ? 'Gemeente' : 'Municipality', lang === 'nl' ? 'Codes' : 'Codes', lang === 'nl' ? 'Periode' : 'Period',
    lang === 'nl' ? 'Cliënten' : 'Clients', lang === 'nl' ? 'Met verblijf' : 'With residence', lang === 'nl' ? 'Zonder verblijf' : 'Without residence', 'JB/JR', ...segs,
    lang === 'nl' ? 'Toegekend (€)' : 'Approved (€)', lang === 'nl' ? '€ per cliënt' : '€ per client', lang === 'nl' ? '€ per inwoner 0–17' : '€ per inhabitant 0–17',
    lang === 'nl' ? 'Inwoners 0–17' : 'Residents 0–17', `${lang === 'nl' ? 'Cliënten' : 'Clients'} ${per}`, `${lang === 'nl' ? 'Met verblijf' : 'With residence'} ${per}`,
    `${lang === 'nl' ? 'Zonder verblijf' : 'Without residence'} ${per}`, ...segs.map((s) => `${s} ${per}`),
  ];
  const body: TableCell[][] = [];
  for (const row of r.rows) {
    for (const [p, f] of [[r.period, row.current], [r.previous, row.previous]] as const) {
      if (!p || !f) continue;
      const k = f.perThousand;
      body.push([
        row.label, row.mergedFrom.join(' '), p.label[lang],
        n(f.clients), n(f.metVerblijf), n(f.zonderVerblijf), n(f.jbjr), ...f.segments.map(n), eur(f.approved), eur(f.perClient), eur(f.perInhabitant),
        k ? figure(k.population, 'integer') : '', ...(k ? [rate(k.clients), rate(k.metVerblijf), rate(k.zonderVerblijf), ...k.segments.map(rate)] : Array<string>(3 + segs.length).fill('')),
      ]);
    }
  }
  const mapping = r.mapping.merged.map((m) => `${m.oldCode}→${m.newCode}`).join(', ');
  const notes = [...r.notes.map((x) => x[lang]), ...(mapping ? [`${lang === 'nl' ? 'Herindelingen' : 'Mergers'} (${r.mapping.applied === 'mergers' ? (lang === 'nl' ? 'toegepast' : 'applied') : lang === 'nl' ? 'niet toegepast' : 'not applied'}): ${mapping}`] : [])];
  return table(head, body, title(w(`Gemeenten vergeleken, ${r.period.label.nl}`, `Municipalities compared, ${r.period.label.en}`), r, lang), notes, 3);
}

function unitKeys(list: readonly { units: CompareProviderFigures['units'] }[]): { unit: string; label: string }[] {
  const m = new Map<string, string>();
  for (const f of list) for (const u of f.units) m.set(u.unit, u.label.nl);
  return [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([unit, label]) => ({ unit, label }));
}

export function providersTable(r: CompareProvidersResult, lang: Lang): PivotTable {
  const T = r.suppression.threshold;
  const n = cellOf(T, 'integer');
  const eur = cellOf(T, 'euro');
  const pct = cellOf(T, 'percent');
  const vol = cellOf(T, 'decimal2');
  const all = [...r.providers.flatMap((p) => [p.current, ...(p.previous ? [p.previous] : [])]), r.total];
  const units = unitKeys(all);
  const nl = lang === 'nl';
  const head = [
    'AGB', nl ? 'Aanbieder' : 'Provider', nl ? 'Periode' : 'Period', nl ? 'Cliënten' : 'Clients', nl ? 'Ingediend (€)' : 'Claimed (€)', nl ? 'Toegekend (€)' : 'Approved (€)',
    nl ? '€ per cliënt' : '€ per client', nl ? 'Trajecten' : 'Trajectories', nl ? 'Gem. duur (dagen)' : 'Mean duration (days)', nl ? 'Mediane duur (dagen)' : 'Median duration (days)',
    nl ? 'Declaratieregels' : 'Declaration lines', nl ? 'Gem. declaratietermijn (dagen)' : 'Mean lead time (days)', nl ? 'Mediane termijn (dagen)' : 'Median lead time (days)',
    nl ? 'Binnen 30 dagen' : 'Within 30 days', nl ? 'Binnen 60 dagen' : 'Within 60 days', nl ? 'Binnen 90 dagen' : 'Within 90 days',
    ...units.flatMap((u) => [`Volume ${u.label}`, `${nl ? 'Prijs per eenheid' : 'Price per unit'} ${u.label} (€)`]),
    ...r.municipalities.flatMap((m) => [`${nl ? 'Aandeel cliënten' : 'Share of clients'} ${m.label}`, `${nl ? 'Aandeel €' : 'Share of €'} ${m.label}`]),
  ];
  const line = (agb: string, label: string, period: string, f: CompareProviderFigures, shares: CompareProvidersResult['providers'][number]['shares']): TableCell[] => [
    agb, label, period, n(f.clients), eur(f.claimed), eur(f.approved), eur(f.perClient), n(f.duration.trajectories), num(f.duration.meanDays, 'decimal1'), num(f.duration.medianDays, 'decimal1'),
    n(f.leadTime.lines), num(f.leadTime.meanDays, 'decimal1'), num(f.leadTime.medianDays, 'decimal1'), pct(f.leadTime.within30), pct(f.leadTime.within60), pct(f.leadTime.within90),
    ...units.flatMap((u) => {
      const x = f.units.find((y) => y.unit === u.unit);
      return x ? [vol(x.volume), eur(x.price)] : ['', ''];
    }),
    ...r.municipalities.flatMap((m) => {
      const s = shares.find((y) => y.municipality === m.code);
      return s ? [pct(s.clients), pct(s.money)] : ['', ''];
    }),
  ];
  const body: TableCell[][] = [];
  for (const p of r.providers) {
    body.push(line(p.agb, p.label, r.period.label[lang], p.current, p.shares));
    if (p.previous && r.previous) body.push(line(p.agb, p.label, r.previous.label[lang], p.previous, []));
  }
  body.push(line('', nl ? 'Totaal' : 'Total', r.period.label[lang], r.total, []));
  const c = r.concentration;
  const share = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1).replace('.', nl ? ',' : '.')}%`);
  const notes = [
    ...r.notes.map((x) => x[lang]),
    `${nl ? 'Concentratie' : 'Concentration'}: top 5 ${share(c.top5.money)} ${nl ? 'van het geld' : 'of money'}, ${share(c.top5.clients)} ${nl ? 'van de cliënten' : 'of clients'}; top 10 ${share(c.top10.money)}, ${share(c.top10.clients)} (${c.providers} ${nl ? 'aanbieders' : 'providers'})`,
  ];
  return table(head, body, title(w(`Aanbieders vergeleken, ${r.period.label.nl}`, `Providers compared, ${r.period.label.en}`), r, lang), notes, 3);
}

export function profileTable(r: CompareProfileResult, lang: Lang): PivotTable {
  const T = r.suppression.threshold;
  const n = cellOf(T, 'integer');
  const eur = cellOf(T, 'euro');
  const vol = cellOf(T, 'decimal2');
  const nl = lang === 'nl';
  const lines: { part: string; key: string; label: string; years: CompareProfileFigures[] }[] = [
    { part: nl ? 'Totaal' : 'Total', key: '', label: r.provider.label, years: r.total },
    ...r.byMunicipality.map((l) => ({ part: nl ? 'Gemeente' : 'Municipality', ...l })),
    ...r.bySegment.map((l) => ({ part: nl ? 'Hulpvorm' : 'Segment', ...l })),
    ...r.byProduct.map((l) => ({ part: 'Product', ...l })),
  ];
  const units = unitKeys(lines.flatMap((l) => l.years));
  const head = [
    nl ? 'Uitsplitsing' : 'Breakdown', nl ? 'Sleutel' : 'Key', nl ? 'Omschrijving' : 'Label', nl ? 'Jaar' : 'Year',
    nl ? 'Cliënten' : 'Clients', nl ? 'Ingediend (€)' : 'Claimed (€)', nl ? 'Toegekend (€)' : 'Approved (€)', nl ? '€ per cliënt' : '€ per client',
    ...units.flatMap((u) => [`Volume ${u.label}`, `${nl ? 'Prijs per eenheid' : 'Price per unit'} ${u.label} (€)`]),
  ];
  const body: TableCell[][] = lines.flatMap((l) =>
    r.years.map((y, i) => {
      const f = l.years[i]!;
      return [
        l.part, l.key, l.label, y, n(f.clients), eur(f.claimed), eur(f.approved), eur(f.perClient),
        ...units.flatMap((u) => {
          const x = f.units.find((z) => z.unit === u.unit);
          return x ? [vol(x.volume), eur(x.price)] : ['', ''];
        }),
      ];
    }),
  );
  return table(head, body, title(w(`Profiel aanbieder ${r.provider.agb}`, `Provider profile ${r.provider.agb}`), r, lang), r.notes.map((x) => x[lang]), 4);
}

export function qualityTable(r: CompareQualityResult, lang: Lang): PivotTable {
  const T = r.suppression.threshold;
  const n = cellOf(T, 'integer');
  const pct = cellOf(T, 'percent');
  const nl = lang === 'nl';
  const head = [
    'AGB', nl ? 'Aanbieder' : 'Provider', nl ? 'Toewijzingen' : 'Assignments', nl ? 'Gestart binnen 14 dagen' : 'Started within 14 days',
    nl ? 'Beëindigde zorgperioden' : 'Ended care periods', nl ? 'Einde zonder JW307' : 'Ended without JW307', nl ? 'Declaraties' : 'Declarations',
    nl ? 'JW325 binnen 10 werkdagen' : 'JW325 within 10 working days', nl ? 'Verzoeken beantwoord' : 'Requests answered', nl ? 'Verzoeken open' : 'Requests open',
    nl ? 'Gem. werkdagen' : 'Mean working days', nl ? 'Mediaan werkdagen' : 'Median working days', nl ? 'Binnen 5 werkdagen' : 'Within 5 working days',
    ...r.retourTypes.flatMap((t) => [`${t}`, `${t} ${nl ? 'met retourcode' : 'with return code'}`]),
  ];
  const body = [...r.providers, r.region].map((q): TableCell[] => [
    q.key === 'region' ? '' : q.key, q.label, n(q.startWithin14.of), pct(q.startWithin14.share), n(q.endsWithoutStop.of), pct(q.endsWithoutStop.share),
    n(q.answerWithin10.of), pct(q.answerWithin10.share), n(q.requests.requests), n(q.requests.unanswered), num(q.requests.meanWorkingDays, 'decimal1'),
    num(q.requests.medianWorkingDays, 'decimal1'), pct(q.requests.withinNorm), ...q.retours.flatMap((x) => [figure(x.messages, 'integer'), figure(x.withCodes, 'integer')]),
  ]);
  return table(head, body, title(w(`Kwaliteit berichtenverkeer, ${r.period.label.nl}`, `Message-traffic quality, ${r.period.label.en}`), r, lang), r.notes.map((x) => x[lang]), 2);
}

/** Why a compare result may not leave the analyst: suppression off, or a small figure shown exactly. */
export function compareLeak(result: unknown): string | null {
  const r = result as { suppression?: { applied: boolean; threshold: number } };
  if (!r.suppression?.applied) return 'suppression is off';
  const threshold = r.suppression.threshold;
  const walk = (x: unknown): string | null => {
    if (Array.isArray(x)) return x.map(walk).find((y) => y !== null) ?? null;
    if (x === null || typeof x !== 'object') return null;
    const o = x as Record<string, unknown>;
    if (typeof o.flag === 'string') {
      if (o.flag === 'small') return 'a small figure would be shown';
      if ((o.flag === 'suppressed' || o.flag === 'secondary') && (o.value !== null || o.clients !== null)) return 'a hidden figure carries a value';
      if (typeof o.clients === 'number' && o.clients > 0 && o.clients < threshold && o.flag === 'ok') return 'a cell of 1–4 children is shown';
    }
    for (const v of Object.values(o)) {
      const y = walk(v);
      if (y) return y;
    }
    return null;
  };
  return walk(result);
}

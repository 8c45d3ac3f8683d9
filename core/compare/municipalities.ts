// compare/municipalities (issue 8, DOMAIN.md §9): per municipality and for the region, clients, met / zonder
// verblijf, segments and money, each count also per 1,000 youth aged 0–17, for a period and the same period a
// year earlier. Every count comes from the pivot's scan (cube.ts), per 1,000 exactly as the pivot's
// transform does it: the numerator is a second scan restricted to age bands 0–3, 4–11 and 12–17.
import type { CompareMunicipalitiesResult, CompareMunicipalityFigures } from '../contract/compare.js';
import type { PivotFilter } from '../contract/pivot.js';
import { SEGMENTS, type Segment } from '../domain/segments.js';
import type { FactStore } from '../pivot/store.js';
import type { Population } from '../pivot/transform.js';
import { SEGMENT_LABELS, type Text } from '../registry.js';
import { SlotBag, type Slot } from './cells.js';
import { approvedClients, cube, type Cube } from './cube.js';
import { periodFilter, publicPeriod, type ResolvedPeriod } from './period.js';

export interface MunicipalityGroup {
  key: string; // the code shown (the successor code when merged)
  label: string;
  codes: string[]; // codes as given in the data that make up this row
}

export interface MunicipalitiesInput {
  store: FactStore;
  population: Population | null;
  period: ResolvedPeriod;
  previous: ResolvedPeriod | null;
  groups: MunicipalityGroup[];
  regionLabel: string;
  kader: 'all' | 'jeugdhulp';
  mergers: 'asGiven' | 'mergers';
  mapping: CompareMunicipalitiesResult['mapping'];
  suppress: boolean;
  threshold: number;
  peildatum: string | null;
}

const YOUNG: PivotFilter = ['ageband', 'in', ['0-3', '4-11', '12-17']];
const t = (nl: string, en: string): Text => ({ nl, en });

interface Cubes {
  all: Cube; // municipality × verblijf: clients, approved, € per client
  segments: Cube; // municipality × segment: clients
  young: Cube; // the same two, children aged 0–17 only
  youngSegments: Cube;
}

function cubesOf(store: FactStore, filters: PivotFilter[]): Cubes {
  const young = [...filters, YOUNG];
  return {
    all: cube(store, ['municipality'], ['verblijf'], ['clients', 'approved', 'perClient'], filters),
    segments: cube(store, ['municipality'], ['segment'], ['clients'], filters),
    young: cube(store, ['municipality'], ['verblijf'], ['clients', 'approved', 'perClient'], young),
    youngSegments: cube(store, ['municipality'], ['segment'], ['clients'], young),
  };
}

interface Built {
  figures: () => CompareMunicipalityFigures;
  parts: Slot[]; // the slots that add up across municipalities (for secondary suppression against the region)
  young: Slot[]; // the same for the 0–17-year-olds behind the rates; empty without a population table
}

/** The slots of one row: `row` is [code] in the shared cubes, or [] (the total) in a group's own cubes. */
function build(bag: SlotBag, key: string, c: Cubes, row: string[], segments: readonly Segment[], population: number | null, year: number): Built {
  const tot = c.all.at(row);
  const v = (verblijf: string) => c.all.at(row, [verblijf]).clients;
  const clients = bag.count(`${key}|clients`, tot.clients, tot.clients);
  const byVerblijf = (['met', 'zonder', 'jbjr'] as const).map((k) => bag.count(`${key}|${k}`, v(k), v(k)));
  const segs = segments.map((s) => {
    const n = c.segments.at(row, [s]).clients;
    return bag.count(`${key}|seg|${s}`, n, n);
  });
  bag.equation(clients, byVerblijf);
  bag.equation(clients, segs);
  const approved = bag.count(`${key}|approved`, tot.values.approved ?? 0, approvedClients(tot));
  const perClient = bag.derived(approved, tot.values.perClient ?? null);

  const yt = c.young.at(row);
  // A figure for the 0–17-year-olds gives its count away through a public denominator, so it must not show
  // what the all-ages figure hides: all = young + 18+, an equation like any other (the 18+ part is never shown).
  const split = (all: Slot, young: Slot): void => {
    const older = bag.count(`${young.key}|18+`, null, Math.max(0, all.clients - young.clients));
    bag.equation(all, [young, older]);
  };
  const youngApproved = bag.count(`${key}|young|approved`, yt.values.approved ?? 0, approvedClients(yt));
  split(approved, youngApproved);
  const perInhabitant = bag.derived(youngApproved, population ? (yt.values.approved ?? 0) / population : null);
  let rates: (() => NonNullable<CompareMunicipalityFigures['perThousand']>) | null = null;
  let young: Slot[] = [];
  if (population) {
    const rate = (k: string, n: number, all: Slot) => {
      const count = bag.count(`${key}|young|${k}`, n, n);
      split(all, count);
      return bag.derived(count, (n / population) * 1000);
    };
    const yc = rate('clients', yt.clients, clients);
    const ym = rate('met', c.young.at(row, ['met']).clients, byVerblijf[0]!);
    const yz = rate('zonder', c.young.at(row, ['zonder']).clients, byVerblijf[1]!);
    const ys = segments.map((s, i) => rate(`seg|${s}`, c.youngSegments.at(row, [s]).clients, segs[i]!));
    young = [yc.follows!, ym.follows!, yz.follows!, ...ys.map((y) => y.follows!), youngApproved];
    bag.equation(yc.follows!, [ym.follows!, yz.follows!, bag.count(`${key}|young|jbjr`, c.young.at(row, ['jbjr']).clients, c.young.at(row, ['jbjr']).clients)]);
    bag.equation(yc.follows!, ys.map((s) => s.follows!));
    rates = () => ({ population, year, clients: yc.cell(), metVerblijf: ym.cell(), zonderVerblijf: yz.cell(), segments: ys.map((s) => s.cell()) });
  }
  return {
    parts: [clients, ...byVerblijf, ...segs, approved],
    young,
    figures: () => ({
      clients: clients.cell(),
      metVerblijf: byVerblijf[0]!.cell(),
      zonderVerblijf: byVerblijf[1]!.cell(),
      jbjr: byVerblijf[2]!.cell(),
      segments: segs.map((s) => s.cell()),
      approved: approved.cell(),
      perClient: perClient.cell(),
      perInhabitant: perInhabitant.cell(),
      perThousand: rates ? rates() : null,
    }),
  };
}

function populationOf(pop: Population | null, codes: readonly string[], year: number): number | null {
  if (!pop) return null;
  const parts = codes.map((c) => pop.aged0to17(c, year)).filter((n): n is number => n !== null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
}

/** All rows of one period: one bag, so secondary suppression sees the region as the total of its municipalities. */
function periodRows(x: MunicipalitiesInput, p: ResolvedPeriod, segments: readonly Segment[]) {
  const year = Number(p.key.slice(0, 4));
  const filters: PivotFilter[] = [periodFilter(p.key), ...(x.kader === 'jeugdhulp' ? [['kader', '==', 'jeugdhulp'] as PivotFilter] : [])];
  const shared = cubesOf(x.store, filters);
  const bag = new SlotBag();
  const rows = x.groups.map((g) => {
    const own = g.codes.length === 1 ? { c: shared, row: [g.codes[0]!] } : { c: cubesOf(x.store, [...filters, ['municipality', 'in', g.codes]]), row: [] };
    return build(bag, g.key, own.c, own.row, segments, populationOf(x.population, g.codes, year), year);
  });
  const region = build(bag, 'region', shared, [], segments, populationOf(x.population, x.groups.flatMap((g) => g.codes), year), year);
  region.parts.forEach((total, i) => bag.equation(total, rows.map((r) => r.parts[i]!)));
  if (rows.every((r) => r.young.length === region.young.length)) region.young.forEach((total, i) => bag.equation(total, rows.map((r) => r.young[i]!)));
  bag.suppress(x.suppress, x.threshold);
  const records = shared.all.rowKeys().length > 0;
  return { rows: rows.map((r) => r.figures()), region: region.figures(), records };
}

export function compareMunicipalities(x: MunicipalitiesInput): CompareMunicipalitiesResult {
  const segments = SEGMENTS.filter((s) => x.kader === 'all' || s !== 'jbjr');
  const now = periodRows(x, x.period, segments);
  const before = x.previous ? periodRows(x, x.previous, segments) : null;
  const previous = before?.records ? before : null;
  const notes: Text[] = [
    t(
      'Per 1.000 jeugdigen: kinderen van 0–17 jaar per 1.000 inwoners van 0–17 op 1 januari (CBS); € per inwoner: toegekend voor kinderen van 0–17 gedeeld door die inwoners.',
      'Per 1,000 youth: children aged 0–17 per 1,000 residents aged 0–17 on 1 January (CBS); € per inhabitant: approved for children aged 0–17 divided by those residents.',
    ),
    t('Een kind dat verhuist telt in elke gemeente waar het zorg had: de gemeenten tellen op tot meer dan de regio.', 'A child who moves counts in every municipality where it had care: municipalities add up to more than the region.'),
  ];
  if (!x.population) notes.push(t('Geen bevolkingstabel: per 1.000 jeugdigen en € per inwoner blijven leeg.', 'No population table: per 1,000 youth and € per inhabitant stay empty.'));
  return {
    query: { period: x.period.key, mergers: x.mergers, kader: x.kader, suppress: x.suppress },
    period: publicPeriod(x.period),
    previous: previous && x.previous ? publicPeriod(x.previous) : null,
    segments: segments.map((s) => ({ key: s, label: SEGMENT_LABELS[s] })),
    rows: [
      ...x.groups.map((g, i) => ({
        key: g.key, kind: 'municipality' as const, label: g.label, mergedFrom: g.codes, current: now.rows[i]!, previous: previous ? previous.rows[i]! : null,
      })),
      { key: 'region', kind: 'region' as const, label: x.regionLabel, mergedFrom: [], current: now.region, previous: previous ? previous.region : null },
    ],
    mapping: x.mapping,
    population: { available: x.population !== null, year: x.population ? Number(x.period.key.slice(0, 4)) : null, ages: '0-17' },
    peildatum: x.peildatum,
    notes,
    suppression: { applied: x.suppress, threshold: x.threshold },
  };
}

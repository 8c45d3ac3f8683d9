// compare/provider-profile (issue 8): one provider's figures over the last years, in total, per municipality,
// per segment and per product — aggregates only, meant to be shared with that provider, so ALWAYS suppressed
// (DOMAIN.md §3): whatever the caller asks, small cells are hidden and their neighbours protected.
import type { CompareProfileFigures, CompareProfileResult } from '../contract/compare.js';
import type { PivotFilter } from '../contract/pivot.js';
import { fromDay } from '../domain/dates.js';
import type { FactStore } from '../pivot/store.js';
import type { DimensionId, Text } from '../registry.js';
import { SlotBag, type Slot } from './cells.js';
import { approvedClients, cube, type Cube } from './cube.js';

export interface ProfileInput {
  store: FactStore;
  agb: string;
  years: string[]; // oldest first
  label: (dim: 'provider' | 'municipality' | 'segment' | 'product', key: string) => string;
  unitLabel: (code: string) => Text;
  threshold: number;
  peildatum: number | null;
}

const MEASURES = ['clients', 'claimed', 'approved', 'perClient', 'volume', 'price'] as const;
const t = (nl: string, en: string): Text => ({ nl, en });

interface Built {
  clients: Slot;
  approved: Slot;
  figures: () => CompareProfileFigures;
}

function build(bag: SlotBag, key: string, c: Cube, row: string[], x: ProfileInput): Built {
  const m = c.at(row);
  const clients = bag.count(`${key}|clients`, m.clients, m.clients);
  const claimed = bag.count(`${key}|claimed`, m.values.claimed ?? 0, m.any);
  const approved = bag.count(`${key}|approved`, m.values.approved ?? 0, approvedClients(m));
  const perClient = bag.derived(approved, m.values.perClient ?? null);
  const units = c
    .colKeys()
    .map(([u]) => u!)
    .filter((u) => u !== '' && c.at(row, [u]).any > 0)
    .map((u) => {
      const cell = c.at(row, [u]);
      const volume = bag.count(`${key}|unit|${u}`, cell.values.volume ?? null, cell.any);
      return { u, volume, price: bag.derived(volume, u === '83' ? null : (cell.values.price ?? null)) };
    });
  return {
    clients,
    approved,
    figures: () => ({
      clients: clients.cell(),
      claimed: claimed.cell(),
      approved: approved.cell(),
      perClient: perClient.cell(),
      units: units.map((u) => ({ unit: u.u, label: x.unitLabel(u.u), volume: u.volume.cell(), price: u.price.cell() })),
    }),
  };
}

/** The lines of one breakdown: every key with a record in any of the years, each with its figures per year. */
function breakdown(bag: SlotBag, x: ProfileInput, dims: DimensionId[], filters: PivotFilter[], totals: Built[], labelOf: (keys: string[]) => { key: string; label: string }) {
  const c = cube(x.store, [...dims, 'year'], ['unit'], [...MEASURES], filters);
  const seen = new Map<string, string[]>();
  for (const path of c.rowKeys()) seen.set(path.slice(0, -1).join('\u0000'), path.slice(0, -1));
  const lines = [...seen.values()].sort((a, b) => (a.join() < b.join() ? -1 : 1)).map((keys) => ({ ...labelOf(keys), built: x.years.map((y) => build(bag, `${dims.join()}|${keys.join()}|${y}`, c, [...keys, y], x)) }));
  x.years.forEach((_, i) => {
    bag.equation(totals[i]!.clients, lines.map((l) => l.built[i]!.clients));
    bag.equation(totals[i]!.approved, lines.map((l) => l.built[i]!.approved));
  });
  return () => lines.map((l) => ({ key: l.key, label: l.label, years: l.built.map((b) => b.figures()) }));
}

export function providerProfile(x: ProfileInput): CompareProfileResult {
  const filters: PivotFilter[] = [['provider', '==', x.agb], ['year', 'in', x.years]];
  const bag = new SlotBag();
  const totalCube = cube(x.store, ['year'], ['unit'], [...MEASURES], filters);
  const totals = x.years.map((y) => build(bag, `total|${y}`, totalCube, [y], x));
  const byMunicipality = breakdown(bag, x, ['municipality'], filters, totals, ([m]) => ({ key: m!, label: x.label('municipality', m!) }));
  const bySegment = breakdown(bag, x, ['segment'], filters, totals, ([s]) => ({ key: s!, label: x.label('segment', s!) }));
  const byProduct = breakdown(bag, x, ['category', 'product'], filters, totals, ([cat, prod]) => ({
    key: prod ? `${cat}-${prod}` : cat!,
    label: prod ? `${cat} ${x.label('product', prod)}` : cat!,
  }));
  bag.suppress(true, x.threshold); // shareable: always suppressed
  return {
    provider: { agb: x.agb, label: x.label('provider', x.agb) },
    years: x.years,
    total: totals.map((b) => b.figures()),
    byMunicipality: byMunicipality(),
    bySegment: bySegment(),
    byProduct: byProduct(),
    peildatum: x.peildatum === null ? null : fromDay(x.peildatum),
    notes: [
      t('Alleen totalen; kleine aantallen (1–4 kinderen) en wat ze zou verraden zijn onderdrukt, zodat dit profiel gedeeld kan worden.', 'Aggregates only; small counts (1–4 children) and what would give them away are suppressed, so this profile can be shared.'),
      t('Een kind kan in meer gemeenten, hulpvormen of producten tellen.', 'A child may count in several municipalities, segments or products.'),
    ],
    suppression: { applied: true, threshold: x.threshold },
  };
}

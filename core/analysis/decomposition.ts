// analysis/decomposition (docs/ANALYSIS.md "Volume, prijs en mix"): the change in claimed spending per segment
// between a base and a compare period, split so that volume + price + mix = change EXACTLY, in eurocent.
//   products p: (categorie/code, Eenheid); per period S_p = Σ amount, q_p = Σ GeleverdVolume (credits negative)
//   X      = Σ_p q1_p × S0_p / q0_p for products with volume in both periods (Eenheid 83, euro, has no price),
//            + S1_p for every other product (new, gone or without a price: no price change to measure)
//   price  = S1 − round(X)               (what the compare period's volumes cost more than at base prices)
//   volume = round(S0 × (C1 − C0) / C0)  (C = distinct children with a line in the segment; base spending
//                                        scaled with the number of children; C0 = 0: the whole rest is volume)
//   mix    = (round(X) − S0) − volume     (products and intensity per child; every rounding lands here)
// Rounding: to the nearest cent, halves up (Math.round). The total row adds the segment rows.
import type { DecompositionResult, DecompositionRow } from '../contract/analysis.js';
import { SEGMENTS, type Segment } from '../domain/segments.js';
import type { Text } from '../registry.js';
import { figure, hiddenFigure, hiddenRows } from './figures.js';
import type { AnalysisLine } from './money.js';

export interface Components {
  spendBase: number;
  spendCompare: number;
  clientsBase: number;
  clientsCompare: number;
  change: number;
  volume: number;
  price: number;
  mix: number;
}

interface Side {
  spend: number;
  clients: Set<string>;
  products: Map<string, { spend: number; volume: number; unit: string }>;
}

const side = (lines: readonly AnalysisLine[]): Side => {
  const s: Side = { spend: 0, clients: new Set(), products: new Map() };
  for (const l of lines) {
    s.spend += l.amount;
    s.clients.add(l.client);
    const key = `${l.product}|${l.unit}`;
    const p = s.products.get(key) ?? { spend: 0, volume: 0, unit: l.unit };
    p.spend += l.amount;
    p.volume += l.volume;
    s.products.set(key, p);
  }
  return s;
};

/** The decomposition of one segment (or any set of lines) from its base and compare lines. */
export function decompose(base: readonly AnalysisLine[], compare: readonly AnalysisLine[]): Components {
  const b = side(base);
  const c = side(compare);
  let x = 0;
  for (const [key, p1] of c.products) {
    const p0 = b.products.get(key);
    x += p0 && p0.volume > 0 && p1.volume > 0 && p1.unit !== '83' ? (p1.volume * p0.spend) / p0.volume : p1.spend;
  }
  const xr = Math.round(x);
  const c0 = b.clients.size;
  const c1 = c.clients.size;
  const quantity = xr - b.spend;
  const volume = c0 === 0 ? quantity : Math.round((b.spend * (c1 - c0)) / c0);
  return {
    spendBase: b.spend, spendCompare: c.spend, clientsBase: c0, clientsCompare: c1,
    change: c.spend - b.spend, price: c.spend - xr, volume, mix: quantity - volume,
  };
}

export interface DecompositionInput {
  base: { key: string; start: string; end: string; lines: readonly AnalysisLine[] };
  compare: { key: string; start: string; end: string; lines: readonly AnalysisLine[] };
  label: (segment: Segment) => Text;
  suppress: boolean;
  threshold: number;
  peildatum: string | null;
}

export function decompositionResult(input: DecompositionInput): DecompositionResult {
  const by = (lines: readonly AnalysisLine[], s: Segment) => lines.filter((l) => l.segment === s);
  const parts = SEGMENTS.map((segment) => ({ segment, c: decompose(by(input.base.lines, segment), by(input.compare.lines, segment)) }))
    .filter((p) => p.c.clientsBase > 0 || p.c.clientsCompare > 0);
  const small = (n: number) => n > 0 && n < input.threshold;
  const hidden = input.suppress
    ? hiddenRows(parts, (p) => p.segment, (p) => small(p.c.clientsBase) || small(p.c.clientsCompare), (p) => Math.abs(p.c.spendBase) + Math.abs(p.c.spendCompare))
    : new Map<string, 'suppressed' | 'secondary'>();
  const row = (segment: DecompositionRow['segment'], label: Text, c: Components): DecompositionRow => {
    const h = hidden.get(segment);
    const children = Math.min(...[c.clientsBase, c.clientsCompare].filter((n) => n > 0));
    const money = (v: number) => (h ? hiddenFigure(h) : figure(v, children, input.suppress, input.threshold));
    return {
      segment, label,
      clientsBase: figure(c.clientsBase, c.clientsBase, input.suppress, input.threshold),
      clientsCompare: figure(c.clientsCompare, c.clientsCompare, input.suppress, input.threshold),
      spendBase: money(c.spendBase), spendCompare: money(c.spendCompare), change: money(c.change),
      volume: money(c.volume), price: money(c.price), mix: money(c.mix),
    };
  };
  const rows = parts.map((p) => row(p.segment, input.label(p.segment), p.c));
  const sum = (f: keyof Components) => parts.reduce((t, p) => t + p.c[f], 0);
  const total = decompose(input.base.lines, input.compare.lines); // distinct children of the region
  rows.push(row('total', { nl: 'Totaal', en: 'Total' }, {
    spendBase: sum('spendBase'), spendCompare: sum('spendCompare'), change: sum('change'), volume: sum('volume'), price: sum('price'), mix: sum('mix'),
    clientsBase: total.clientsBase, clientsCompare: total.clientsCompare,
  }));
  return {
    base: { key: input.base.key, start: input.base.start, end: input.base.end },
    compare: { key: input.compare.key, start: input.compare.start, end: input.compare.end },
    method: {
      nl: 'Volume = uitgaven basisperiode × groei van het aantal kinderen; prijs = meerprijs per eenheid per product tegen de volumes van de vergelijkingsperiode; mix = de rest (producten en intensiteit per kind). Volume + prijs + mix = verschil, in centen; afronding valt in mix.',
      en: 'Volume = base spending × growth in children; price = the change in price per unit per product at the compare period’s volumes; mix = the rest (products and intensity per child). Volume + price + mix = change, in cents; rounding lands in mix.',
    },
    rows,
    peildatum: input.peildatum,
    suppression: { applied: input.suppress, threshold: input.threshold },
    notes: [],
  };
}

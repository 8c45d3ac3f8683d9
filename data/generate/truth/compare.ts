// truthCompare: the comparison figures of issue 8 (docs/COMPARE.md) computed straight from the generator's plan
// (truth.json) for one calendar year — per municipality or per provider, and for the region — plus the top-n
// concentration. Deliberately simple; it shares no code with core/ or data/model.
import { segmentOf } from './classify.js';
import type { Truth } from './types.js';

export interface TruthCompareFigures {
  clients: number; // distinct children with a care period overlapping the year (clipped to the peildatum)
  metVerblijf: number; // … in segment verblijf or wonen
  claimed: number; // Σ amount of the lines whose ProductPeriode month lies in the year (signed eurocent)
  approved: number; // … of the approved lines
  perClient: number | null; // approved ÷ children with an approved debit line
}

interface Acc {
  clients: Set<string>;
  met: Set<string>;
  approvedChildren: Set<string>;
  claimed: number;
  approved: number;
}

const acc = (): Acc => ({ clients: new Set(), met: new Set(), approvedChildren: new Set(), claimed: 0, approved: 0 });

/** Figures per municipality or provider (key) and for the whole region (key 'region'). */
export function truthCompare(truth: Truth, year: string, by: 'municipality' | 'provider'): Map<string, TruthCompareFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31` < truth.peildatum ? `${year}-12-31` : truth.peildatum;
  const cells = new Map<string, Acc>();
  const get = (k: string) => cells.get(k) ?? cells.set(k, acc()).get(k)!;
  for (const p of truth.periods) {
    const end = p.end === null || p.end > truth.peildatum ? truth.peildatum : p.end;
    if (p.start > to || end < from || end < p.start) continue;
    const met = ['verblijf', 'wonen'].includes(segmentOf(p.category));
    for (const k of [p[by], 'region']) {
      get(k).clients.add(p.bsn);
      if (met) get(k).met.add(p.bsn);
    }
  }
  for (const l of truth.lines) {
    if (!l.month.startsWith(`${year}-`) || l.periodStart > truth.peildatum) continue;
    for (const k of [l[by], 'region']) {
      const c = get(k);
      c.claimed += l.amount;
      if (l.status !== 'approved') continue;
      c.approved += l.amount;
      if (l.amount > 0) c.approvedChildren.add(l.bsn);
    }
  }
  return new Map(
    [...cells].map(([k, c]) => [
      k,
      { clients: c.clients.size, metVerblijf: c.met.size, claimed: c.claimed, approved: c.approved, perClient: c.approvedChildren.size ? c.approved / c.approvedChildren.size : null },
    ]),
  );
}

/** Share of the n providers with the most approved money in all approved money, and of the n providers with
 *  the most children in all children (their distinct children ÷ the region's), for one year. */
export function truthConcentration(truth: Truth, year: string, n: number): { money: number; clients: number } {
  const figures = truthCompare(truth, year, 'provider');
  const region = figures.get('region')!;
  figures.delete('region');
  const list = [...figures];
  const byMoney = [...list].sort((a, b) => b[1].approved - a[1].approved || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  const byClients = new Set([...list].sort((a, b) => b[1].clients - a[1].clients || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([k]) => k));
  const from = `${year}-01-01`;
  const to = `${year}-12-31` < truth.peildatum ? `${year}-12-31` : truth.peildatum;
  const children = new Set<string>();
  for (const p of truth.periods) {
    const end = p.end === null || p.end > truth.peildatum ? truth.peildatum : p.end;
    if (byClients.has(p.provider) && p.start <= to && end >= from && end >= p.start) children.add(p.bsn);
  }
  return { money: byMoney.reduce((s, [, f]) => s + f.approved, 0) / region.approved, clients: children.size / region.clients };
}

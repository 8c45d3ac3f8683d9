// compare/providers (issue 8, DOMAIN.md §8): per provider, for a period and the same period a year earlier,
// children, money, volume and effective price per unit, trajectory duration and declaration lead time; each
// municipality's share of the provider's children and money; and the concentration of the top 5 / top 10.
// Children, money, volume, price and duration are the pivot's own measures (cube.ts).
import type { CompareProviderFigures, CompareProvidersResult } from '../contract/compare.js';
import type { PivotFilter } from '../contract/pivot.js';
import { fromDay } from '../domain/dates.js';
import type { FactStore } from '../pivot/store.js';
import type { Text } from '../registry.js';
import { SlotBag, type Slot } from './cells.js';
import { approvedClients, cube, type Cube } from './cube.js';
import { isFinal, leadTimeOf, type LeadLine } from './leadtime.js';
import { periodFilter, publicPeriod, type ResolvedPeriod } from './period.js';

export interface Labels {
  provider(agb: string): string;
  municipality(code: string): string;
  unit(code: string): Text;
}

export interface ProvidersInput {
  store: FactStore;
  period: ResolvedPeriod;
  previous: ResolvedPeriod | null;
  municipality: string | null;
  top: number | null;
  leadLines: readonly LeadLine[];
  labels: Labels;
  suppress: boolean;
  threshold: number;
  peildatum: number | null;
}

const NOT_TRAJECTORY: PivotFilter = ['category', 'not in', ['40', '42']]; // DOMAIN.md §4
const EURO_UNIT = '83'; // Eenheid 83 = euro's: no price (DOMAIN.md §8)
const t = (nl: string, en: string): Text => ({ nl, en });

interface PeriodCubes {
  main: Cube; // provider: clients, money, duration
  careers: Cube; // provider: children in care in categories that count as trajectories (not 40/42)
  units: Cube; // provider × unit: volume, price
  filters: PivotFilter[];
  lead: LeadLine[];
  final: boolean;
}

function cubesOf(x: ProvidersInput, p: ResolvedPeriod): PeriodCubes {
  const filters: PivotFilter[] = [periodFilter(p.key), ...(x.municipality ? [['municipality', '==', x.municipality] as PivotFilter] : [])];
  const lead = x.leadLines.filter((l) => l.periodStart >= p.a && l.periodStart <= p.b && (x.municipality === null || l.municipality === x.municipality));
  return {
    main: cube(x.store, ['provider'], [], ['clients', 'claimed', 'approved', 'perClient', 'trajectories', 'durationMean', 'durationMedian'], filters),
    units: cube(x.store, ['provider'], ['unit'], ['volume', 'price'], filters),
    careers: cube(x.store, ['provider'], [], ['clients'], [...filters, NOT_TRAJECTORY]),
    filters,
    lead,
    final: isFinal(p.b, x.peildatum),
  };
}

/** The slots of one provider (row [agb]) or of the total (row []) in one period. */
function figuresOf(bag: SlotBag, key: string, c: PeriodCubes, row: string[], lead: readonly LeadLine[], labels: Labels) {
  const m = c.main.at(row);
  const clients = bag.count(`${key}|clients`, m.clients, m.clients);
  const claimed = bag.count(`${key}|claimed`, m.values.claimed ?? 0, m.any);
  const approved = bag.count(`${key}|approved`, m.values.approved ?? 0, approvedClients(m));
  const perClient = bag.derived(approved, m.values.perClient ?? null);
  // The children behind the trajectories: those in trajectory categories, never more than the trajectories.
  const withTrajectory = Math.min(c.careers.at(row).clients, m.values.trajectories ?? 0);
  const trajectories = bag.count(`${key}|trajectories`, m.values.trajectories ?? 0, withTrajectory);
  const units = c.units
    .colKeys()
    .map(([unit]) => unit!)
    .filter((unit) => unit !== '' && c.units.at(row, [unit]).any > 0)
    .map((unit) => {
      const u = c.units.at(row, [unit]);
      const volume = bag.count(`${key}|unit|${unit}`, u.values.volume ?? null, u.any);
      return { unit, volume, price: bag.derived(volume, unit === EURO_UNIT ? null : (u.values.price ?? null)) };
    });
  const leadTime = leadTimeOf(bag, key, lead, c.final);
  return {
    approved,
    clients,
    figures: (): CompareProviderFigures => ({
      clients: clients.cell(),
      claimed: claimed.cell(),
      approved: approved.cell(),
      perClient: perClient.cell(),
      units: units.map((u) => ({ unit: u.unit, label: labels.unit(u.unit), volume: u.volume.cell(), price: u.price.cell() })),
      duration: {
        trajectories: trajectories.cell(),
        meanDays: trajectories.hidden ? null : (m.values.durationMean ?? null),
        medianDays: trajectories.hidden ? null : (m.values.durationMedian ?? null),
      },
      leadTime: leadTime.figures(),
    }),
  };
}

function byApproved(c: Cube): string[] {
  return c
    .rowKeys()
    .map(([agb]) => ({ agb: agb!, approved: c.at([agb!]).values.approved ?? 0 }))
    .sort((a, b) => b.approved - a.approved || (a.agb < b.agb ? -1 : 1))
    .map((r) => r.agb);
}

function concentration(x: ProvidersInput, c: PeriodCubes, ranked: readonly string[], n: number) {
  const total = c.main.at([]);
  const money = total.values.approved ?? 0;
  const topMoney = ranked.slice(0, n).reduce((s, agb) => s + (c.main.at([agb]).values.approved ?? 0), 0);
  const byClients = [...ranked].sort((a, b) => c.main.at([b]).clients - c.main.at([a]).clients || (a < b ? -1 : 1)).slice(0, n);
  const topClients = byClients.length ? cube(x.store, ['provider'], [], ['clients'], [...c.filters, ['provider', 'in', byClients]]).at([]).clients : 0;
  const tooFew = x.suppress && total.clients < x.threshold;
  return {
    providers: Math.min(n, ranked.length),
    money: money !== 0 && !tooFew ? topMoney / money : null,
    clients: total.clients > 0 && !tooFew ? topClients / total.clients : null,
  };
}

export function compareProviders(x: ProvidersInput): CompareProvidersResult {
  const now = cubesOf(x, x.period);
  const before = x.previous ? cubesOf(x, x.previous) : null;
  const ranked = byApproved(now.main);
  const listed = x.top === null ? ranked : ranked.slice(0, x.top);
  const bag = new SlotBag();
  const shareCube = cube(x.store, ['provider'], ['municipality'], ['clients', 'approved', 'perClient'], now.filters);
  const municipalities = shareCube.colKeys().map(([m]) => m!).filter((m) => m !== '').sort();
  const byProvider = (c: PeriodCubes | null) => {
    const m = new Map<string, LeadLine[]>();
    for (const l of c?.lead ?? []) (m.get(l.provider) ?? m.set(l.provider, []).get(l.provider)!).push(l);
    return m;
  };
  const leadNow = byProvider(now);
  const leadBefore = byProvider(before);
  const leadOf = (c: PeriodCubes, agb: string) => (c === now ? leadNow : leadBefore).get(agb) ?? [];
  const rows = listed.map((agb) => {
    const cur = figuresOf(bag, agb, now, [agb], leadOf(now, agb), x.labels);
    const prevBag = new SlotBag();
    const prev = before && before.main.at([agb]).any > 0 ? figuresOf(prevBag, `${agb}|prev`, before, [agb], leadOf(before, agb), x.labels) : null;
    prevBag.suppress(x.suppress, x.threshold);
    const shares = municipalities
      .map((mun) => ({ mun, cell: shareCube.at([agb], [mun]) }))
      .filter((s) => s.cell.any > 0)
      .map(({ mun, cell }) => {
        const c = bag.count(`${agb}|share|${mun}|clients`, cell.clients, cell.clients);
        const a = bag.count(`${agb}|share|${mun}|approved`, cell.values.approved ?? 0, approvedClients(cell));
        const totalMoney = cur.approved.value ?? 0;
        return {
          mun, c, a,
          clientShare: bag.derived(c, cur.clients.value ? cell.clients / cur.clients.value : null),
          moneyShare: bag.derived(a, totalMoney !== 0 ? (cell.values.approved ?? 0) / totalMoney : null),
        };
      })
      .sort((p, q) => (q.a.value ?? 0) - (p.a.value ?? 0) || (p.mun < q.mun ? -1 : 1));
    bag.equation(cur.clients, shares.map((s) => s.c));
    bag.equation(cur.approved, shares.map((s) => s.a));
    return { agb, cur, prev, shares };
  });
  const total = figuresOf(bag, 'total', now, [], now.lead, x.labels);
  // Providers add up to the total money (a line has one provider); children at several providers count at each.
  bag.equation(total.approved, rows.map((r) => r.cur.approved) as Slot[]);
  bag.suppress(x.suppress, x.threshold);
  const notes: Text[] = [
    t('Volume en prijs per eenheid: volumes van verschillende eenheden worden nooit opgeteld; minuten tellen als uren.', 'Volume and price per unit: volumes of different units are never added; minutes count as hours.'),
    t('Concentratie: aandeel van de 5 / 10 grootste aanbieders (naar toegekend bedrag, en naar aantal kinderen) in het totaal.', 'Concentration: share of the 5 / 10 largest providers (by approved money, and by children) in the total.'),
  ];
  if (!now.final) notes.push(t('Declaratietermijn voorlopig: de periode ligt minder dan 12 maanden voor de peildatum; lees de aandelen binnen 30/60/90 dagen.', 'Declaration lead time provisional: the period lies less than 12 months before the reference date; read the shares within 30/60/90 days.'));
  return {
    query: { period: x.period.key, municipality: x.municipality, top: x.top, suppress: x.suppress },
    period: publicPeriod(x.period),
    previous: x.previous ? publicPeriod(x.previous) : null,
    municipalities: municipalities.map((code) => ({ code, label: x.labels.municipality(code) })),
    providers: rows.map((r) => ({
      agb: r.agb,
      label: x.labels.provider(r.agb),
      current: r.cur.figures(),
      previous: r.prev ? r.prev.figures() : null,
      shares: r.shares.map((s) => ({ municipality: s.mun, clients: s.clientShare.cell(), money: s.moneyShare.cell() })),
    })),
    total: total.figures(),
    concentration: { providers: ranked.length, top5: concentration(x, now, ranked, 5), top10: concentration(x, now, ranked, 10) },
    peildatum: x.peildatum === null ? null : fromDay(x.peildatum),
    notes,
    suppression: { applied: x.suppress, threshold: x.threshold },
  };
}

// query/stacking (DOMAIN.md §7 "Concurrent"): on each measuring day, a child's number of trajectories covering
// that day; stacked when ≥ 2. A child belongs to every group of its covering trajectories (or its age band that
// day) and is counted there with all of them. Combinations are read from the stacked children only.
import type { StackingArgs, StackingBreakdown, StackingResult } from '../contract/stacking.js';
import { ageBand, ageOn } from '../domain/age.js';
import { fromDay } from '../domain/dates.js';
import type { Segment } from '../domain/segments.js';
import type { CareTable } from '../flows/input.js';
import { Tally, suppressTallies } from '../flows/suppress.js';
import { AGE_BANDS, SEGMENT_LABELS, type Text } from '../registry.js';
import { measuringPoints } from './points.js';
import { covers, numberTrajectories, type Trajectory } from './trajectories.js';

export type StackLabeller = (dim: 'municipality' | 'provider' | 'segment', key: string) => Text;

/** Heaviest first (DOMAIN.md §4), JB/JR (not ranked) last. */
export const COMBINATION_ORDER: readonly Segment[] = ['verblijf', 'wonen', 'crisis', 'dagbehandeling', 'specialistisch', 'generalistisch', 'overig', 'jbjr'];
const rank = (s: Segment) => COMBINATION_ORDER.indexOf(s);
const UNKNOWN = 'onbekend';

function groupsOf(by: StackingBreakdown, on: Trajectory[], birth: number, d: number): string[] {
  switch (by) {
    case 'region':
      return ['all'];
    case 'ageband':
      return [birth === 0 ? UNKNOWN : ageBand(ageOn(birth, d))];
    default:
      return [...new Set(on.map((t) => t[by]))];
  }
}

function groupOrder(by: StackingBreakdown, keys: Iterable<string>): string[] {
  const fixed: readonly string[] = by === 'segment' ? COMBINATION_ORDER : by === 'ageband' ? [...AGE_BANDS, UNKNOWN] : [];
  const r = (k: string) => (fixed.includes(k) ? fixed.indexOf(k) : fixed.length);
  return [...new Set(keys)].sort((a, b) => r(a) - r(b) || (a < b ? -1 : a > b ? 1 : 0));
}

interface CellTallies { clients: Tally; one: Tally; two: Tally; threePlus: Tally }

export function runStacking(table: CareTable, args: StackingArgs, threshold: number, label: StackLabeller): StackingResult {
  const query = {
    at: args.at ?? null, period: args.period ?? null, by: args.by ?? 'region', municipality: args.municipality ?? null,
    kader: args.kader ?? 'all', suppress: args.suppress ?? true,
  } as const;
  const top = args.top ?? 20;
  const points = measuringPoints(query.at, query.period, table.firstDay, table.peildatum);
  const keep = (t: Trajectory) => (query.municipality === null || t.municipality === query.municipality) && (query.kader === 'all' || t.segment !== 'jbjr');
  const { byClient } = numberTrajectories(table);
  const cells = new Map<string, CellTallies>(); // `${point}|${group}`
  const cellOf = (p: number, g: string): CellTallies => {
    const k = `${p}|${g}`;
    let c = cells.get(k);
    if (!c) cells.set(k, (c = { clients: new Tally(`${k}|c`, threshold), one: new Tally(`${k}|1`, threshold), two: new Tally(`${k}|2`, threshold), threePlus: new Tally(`${k}|3`, threshold) }));
    return c;
  };
  const segCombos = new Map<string, Tally>();
  const provCombos = new Map<string, Tally>();
  const pairs = new Map<string, Tally>();
  const stacked = new Tally('stacked', threshold);
  const groupKeys = new Set<string>();
  const addOnce = (m: Map<string, Tally>, seen: Set<string>, key: string, client: number) => {
    if (seen.has(key)) return;
    seen.add(key);
    let t = m.get(key);
    if (!t) m.set(key, (t = new Tally(key, threshold)));
    t.add(client);
  };

  byClient.forEach((mine, client) => {
    const own = mine.filter(keep);
    if (own.length === 0) return;
    const seen = new Set<string>();
    let wasStacked = false;
    points.forEach((pt, p) => {
      const on = own.filter((t) => covers(t, pt.d));
      if (on.length === 0) return;
      for (const g of groupsOf(query.by, on, table.clients[client]!.birth, pt.d)) {
        groupKeys.add(g);
        const c = cellOf(p, g);
        c.clients.add(client);
        (on.length === 1 ? c.one : on.length === 2 ? c.two : c.threePlus).add(client);
      }
      if (on.length < 2) return;
      wasStacked = true;
      const segs = on.map((t) => t.segment).sort((a, b) => rank(a) - rank(b));
      addOnce(segCombos, seen, `s:${segs.join('+')}`, client);
      addOnce(provCombos, seen, `p:${on.map((t) => t.provider).sort().join('+')}`, client);
      for (let i = 0; i < segs.length; i++) for (let j = i + 1; j < segs.length; j++) addOnce(pairs, seen, `x:${segs[i]}+${segs[j]}`, client);
    });
    if (wasStacked) stacked.add(client);
  });

  const groups = groupOrder(query.by, groupKeys);
  const grid = points.map((_, p) => groups.map((g) => cellOf(p, g)));
  const cellTallies = grid.flat();
  const all = [...cellTallies.flatMap((c) => [c.clients, c.one, c.two, c.threePlus]), ...segCombos.values(), ...provCombos.values(), ...pairs.values(), stacked];
  suppressTallies(all, cellTallies.map((c) => [c.one, c.two, c.threePlus, c.clients]), query.suppress, threshold);

  const byCount = (m: Map<string, Tally>) => [...m.values()].sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1)).slice(0, top);
  const segText = (parts: string[]): Text => ({
    nl: parts.map((s) => SEGMENT_LABELS[s as Segment].nl).join(' + '), en: parts.map((s) => SEGMENT_LABELS[s as Segment].en).join(' + '),
  });
  const provText = (parts: string[]): Text => ({ nl: parts.map((s) => label('provider', s).nl).join(' + '), en: parts.map((s) => label('provider', s).en).join(' + ') });
  const combo = (t: Tally, text: (parts: string[]) => Text) => {
    const key = t.key.slice(2);
    const parts = key.split('+');
    return { key, parts, label: text(parts), clients: t.count() };
  };
  const groupLabel = (g: string): Text => {
    if (query.by === 'region') return { nl: 'Regio', en: 'Region' };
    if (query.by === 'ageband') return g === UNKNOWN ? { nl: 'Onbekend', en: 'Unknown' } : { nl: `${g} jaar`, en: `${g} years` };
    return query.by === 'segment' ? SEGMENT_LABELS[g as Segment] : label(query.by, g);
  };
  return {
    query,
    points: points.map(({ d: _d, ...pt }) => pt),
    groups: groups.map((g) => ({ key: g, label: groupLabel(g) })),
    cells: grid.map((row) => row.map((c) => ({ clients: c.clients.count(), one: c.one.count(), two: c.two.count(), threePlus: c.threePlus.count() }))),
    combinations: { segments: byCount(segCombos).map((t) => combo(t, segText)), providers: byCount(provCombos).map((t) => combo(t, provText)), stackedClients: stacked.count() },
    segmentPairs: [...pairs.values()]
      .sort((x, y) => (x.key < y.key ? -1 : 1))
      .map((t) => {
        const [a, b] = t.key.slice(2).split('+') as [Segment, Segment];
        return { a, b, clients: t.count() };
      }),
    peildatum: table.peildatum === null ? null : fromDay(table.peildatum),
    suppression: { applied: query.suppress, threshold },
  };
}

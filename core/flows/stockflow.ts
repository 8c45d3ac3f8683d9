// query/flows (DOMAIN.md §6): per period P = [a, b] and group, over the spells of the query's units:
//   beginstand = start < a ≤ end; instroom = start in [a, b]; uitstroom = end in [a, b]; eindstand = start ≤ b < end
// (open spells count as running past the peildatum), so eindstand = beginstand + instroom − uitstroom and
// eindstand(P) = beginstand(next P) hold by construction — tests check them anyway.
import { REASON_GROUPS, type FlowCell, type FlowsQuery, type FlowsResult, type ReasonGroup } from '../contract/flows.js';
import { fromDay } from '../domain/dates.js';
import type { Text } from '../registry.js';
import { groupFunction, groupLabel, orderGroups, unitFunction, unitParts, type Labeller } from './groups.js';
import type { CareTable } from './input.js';
import { historyFrom, periodSpans, type Span } from './periods.js';
import { REASON_CODES, REASON_LABELS } from './reasons.js';
import { instroomKind, spellsOf, uitstroomGroup } from './spells.js';
import { Tally, suppressTallies } from './suppress.js';

export interface FlowContext {
  threshold: number;
  label: Labeller;
}

interface Tallies {
  beginstand: Tally;
  nieuw: Tally;
  herhaald: Tally;
  doorstroom: Tally;
  instroom: Tally;
  reasons: Tally[];
  uitstroom: Tally;
  eindstand: Tally;
}

/** The reason groups that can occur for these units. */
export function reasonsFor(parts: { municipality: boolean; segment: boolean }): ReasonGroup[] {
  return REASON_GROUPS.filter((g) => (g === 'doorstroom' ? parts.segment : g === 'verhuizing' ? parts.municipality : true));
}

/** Index of the span holding `day` (spans are contiguous and sorted), or -1 before the first, spans.length after the last. */
export function spanIndex(spans: readonly Span[], day: number): number {
  if (spans.length === 0 || day < spans[0]!.a) return -1;
  let lo = 0;
  let hi = spans.length - 1;
  if (day > spans[hi]!.b) return spans.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.a <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function runFlows(table: CareTable, q: FlowsQuery, ctx: FlowContext): FlowsResult {
  const spans = periodSpans(q.grain, q.from, q.to, table.firstDay, table.peildatum);
  const parts = unitParts(q);
  const reasons = reasonsFor(parts);
  const reasonIndex = new Map(reasons.map((r, i) => [r, i]));
  const groupOf = groupFunction(q, table);
  const cells = new Map<string, Tallies[]>(); // group → per span
  const tallies: Tally[] = [];
  const make = (key: string): Tally => {
    const t = new Tally(key, ctx.threshold);
    tallies.push(t);
    return t;
  };
  const cellsOf = (group: string): Tallies[] => {
    let row = cells.get(group);
    if (!row) {
      row = spans.map((s) => {
        const k = `${s.key}\u0000${group}\u0000`;
        return {
          beginstand: make(`${k}0`), nieuw: make(`${k}1`), herhaald: make(`${k}2`), doorstroom: make(`${k}3`), instroom: make(`${k}4`),
          reasons: reasons.map((r) => make(`${k}5${r}`)), uitstroom: make(`${k}6`), eindstand: make(`${k}7`),
        };
      });
      cells.set(group, row);
    }
    return row;
  };

  if (spans.length > 0) {
    const last = spans[spans.length - 1]!.b;
    for (const s of spellsOf(table, unitFunction(q))) {
      if (s.start > last || s.end < spans[0]!.a) continue;
      const row = cellsOf(groupOf(s));
      for (let p = Math.max(0, spanIndex(spans, s.start)); p < spans.length && spans[p]!.a <= s.end; p++) {
        const { a, b } = spans[p]!;
        const t = row[p]!;
        if (s.start < a && s.end >= a) t.beginstand.add(s.client);
        if (s.start >= a && s.start <= b) {
          t.instroom.add(s.client);
          t[instroomKind(table, s)].add(s.client);
        }
        if (s.end >= a && s.end <= b) {
          t.uitstroom.add(s.client);
          t.reasons[reasonIndex.get(uitstroomGroup(table, s, parts.municipality))!]!.add(s.client);
        }
        if (s.start <= b && s.end > b) t.eindstand.add(s.client);
      }
    }
  }

  const groups = orderGroups(q.by, cells.keys());
  const equations: Tally[][] = [];
  for (const g of groups) {
    const row = cells.get(g)!;
    row.forEach((t, p) => {
      equations.push([t.nieuw, t.herhaald, t.doorstroom, t.instroom], [...t.reasons, t.uitstroom], [t.beginstand, t.instroom, t.uitstroom, t.eindstand]);
      if (p + 1 < row.length) equations.push([t.eindstand, row[p + 1]!.beginstand]);
    });
  }
  suppressTallies(tallies, equations, q.suppress, ctx.threshold);

  const cellOf = (t: Tallies): FlowCell => ({
    beginstand: t.beginstand.count(),
    instroom: { nieuw: t.nieuw.count(), herhaald: t.herhaald.count(), doorstroom: t.doorstroom.count(), total: t.instroom.count() },
    uitstroom: { byReason: t.reasons.map((r) => r.count()), total: t.uitstroom.count() },
    eindstand: t.eindstand.count(),
  });
  const history = historyFrom(table.firstDay);
  const notes: Text[] = [];
  if (spans.some((s) => s.historyIncomplete) && history !== null) {
    notes.push({
      nl: `Vóór ${fromDay(history)} is de voorgeschiedenis onvolledig (minder dan vijf jaar gegevens): daar kan "nieuw" ook herhaald zijn.`,
      en: `Before ${fromDay(history)} the history is incomplete (under five years of data): "new" there may be returning.`,
    });
  }
  if (q.by === 'municipality') {
    notes.push({
      nl: 'Een kind dat verhuist telt in elke gemeente waar het zorg had: de gemeenten tellen samen op tot meer dan de regio.',
      en: 'A child who moves counts in every municipality where they had care: municipalities add up to more than the region.',
    });
  }
  return {
    query: q,
    periods: spans.map(({ a: _a, b: _b, ...period }) => period),
    groups: groups.map((key) => ({ key, label: groupLabel(q, key, ctx.label) })),
    reasons: reasons.map((key) => ({ key, label: REASON_LABELS[key], codes: REASON_CODES[key] })),
    cells: spans.map((_, p) => groups.map((g) => cellOf(cells.get(g)![p]!))),
    peildatum: table.peildatum === null ? null : fromDay(table.peildatum),
    historyFrom: history === null ? null : fromDay(history),
    notes,
    suppression: { applied: q.suppress, threshold: ctx.threshold },
  };
}

// Growth decomposition (issue 6): the change in a segment's clients over one period, from its own spells —
//   eindstand − beginstand = nieuw + herhaald + fromOtherSegments − toOtherSegments − outOfCare
// where fromOtherSegments is instroom of children in care elsewhere in the region the day before (doorstroom)
// and toOtherSegments uitstroom of children in care elsewhere the day after. With a municipality, "elsewhere"
// includes care assigned by another municipality (a move).
import type { DoorstroomState, GrowthResult, GrowthRow } from '../contract/flows.js';
import { fromDay } from '../domain/dates.js';
import { SEGMENTS, type Segment } from '../domain/segments.js';
import { SEGMENT_LABELS } from '../registry.js';
import { heaviestState } from './doorstroom.js';
import { unitFunction } from './groups.js';
import { rowsOn, type CareTable } from './input.js';
import type { Span } from './periods.js';
import { instroomKind, spellsOf, uitstroomGroup } from './spells.js';
import { Tally, suppressTallies } from './suppress.js';

interface Parts {
  beginstand: Tally;
  eindstand: Tally;
  change: Tally;
  nieuw: Tally;
  herhaald: Tally;
  from: Tally;
  to: Tally;
  out: Tally;
  fromBy: Map<Segment, Tally>;
  toBy: Map<Segment, Tally>;
}

const asSegment = (s: DoorstroomState): Segment => (s === 'geen' ? 'overig' : s);

export function growth(table: CareTable, span: Span, segment: Segment | null, municipality: string | null, suppress: boolean, threshold: number): GrowthResult {
  const all: Tally[] = [];
  const make = (k: string) => {
    const t = new Tally(k, threshold);
    all.push(t);
    return t;
  };
  const segments = segment === null ? [...SEGMENTS] : [segment];
  const parts = new Map<string, Parts>(
    segments.map((s) => [s, {
      beginstand: make(`${s}0`), eindstand: make(`${s}1`), change: make(`${s}2`), nieuw: make(`${s}3`), herhaald: make(`${s}4`),
      from: make(`${s}5`), to: make(`${s}6`), out: make(`${s}7`),
      fromBy: new Map(SEGMENTS.map((o) => [o, make(`${s}8${o}`)])), toBy: new Map(SEGMENTS.map((o) => [o, make(`${s}9${o}`)])),
    }]),
  );
  const unit = unitFunction({ by: 'segment', segment, municipality });
  const { a, b } = span;
  for (const s of spellsOf(table, unit)) {
    const p = parts.get(s.unit)!;
    if (s.start < a && s.end >= a) p.beginstand.add(s.client);
    if (s.start <= b && s.end > b) p.eindstand.add(s.client);
    if (s.start >= a && s.start <= b) {
      const kind = instroomKind(table, s);
      if (kind === 'doorstroom') {
        p.from.add(s.client);
        const other = rowsOn(table, s.client, s.start - 1).filter((r) => unit(r) !== s.unit);
        p.fromBy.get(asSegment(heaviestState(other)))!.add(s.client);
      } else p[kind].add(s.client);
    }
    if (s.end >= a && s.end <= b) {
      const why = uitstroomGroup(table, s, municipality !== null);
      if (why === 'doorstroom' || why === 'verhuizing') {
        p.to.add(s.client);
        const other = rowsOn(table, s.client, s.end + 1).filter((r) => unit(r) !== s.unit);
        p.toBy.get(asSegment(heaviestState(other)))!.add(s.client);
      } else p.out.add(s.client);
    }
  }
  const equations: Tally[][] = [];
  for (const p of parts.values()) {
    p.change.value = p.eindstand.value - p.beginstand.value;
    equations.push([p.beginstand, p.eindstand, p.change], [p.change, p.nieuw, p.herhaald, p.from, p.to, p.out], [...p.fromBy.values(), p.from], [...p.toBy.values(), p.to]);
  }
  suppressTallies(all, equations, suppress, threshold);
  const bySegment = (m: Map<Segment, Tally>) => SEGMENTS.filter((o) => m.get(o)!.value > 0).map((o) => ({ segment: o, count: m.get(o)!.count() }));
  const rows: GrowthRow[] = segments.map((s) => {
    const p = parts.get(s)!;
    return {
      segment: s, label: SEGMENT_LABELS[s],
      beginstand: p.beginstand.count(), eindstand: p.eindstand.count(), change: p.change.count(),
      nieuw: p.nieuw.count(), herhaald: p.herhaald.count(), fromOtherSegments: p.from.count(), toOtherSegments: p.to.count(), outOfCare: p.out.count(),
      fromBySegment: bySegment(p.fromBy), toBySegment: bySegment(p.toBy),
    };
  });
  const { a: _a, b: _b, ...period } = span;
  return { period, rows, peildatum: table.peildatum === null ? null : fromDay(table.peildatum), suppression: { applied: suppress, threshold } };
}

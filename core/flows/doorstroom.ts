// Doorstroom matrix (DOMAIN.md §6): per child the heaviest segment on day a−1 and on day b of a period —
// "alleen JB/JR" when JB/JR is all there is, "geen zorg" when there is nothing — counted as (from, to) cells.
// With a municipality, only care that municipality assigned counts.
import { DOORSTROOM_STATES, type DoorstroomChild, type DoorstroomResult, type DoorstroomState } from '../contract/flows.js';
import { fromDay } from '../domain/dates.js';
import { SEGMENT_LABELS } from '../registry.js';
import { rowsOn, type CareRow, type CareTable } from './input.js';
import type { Span } from './periods.js';
import { Tally, suppressTallies } from './suppress.js';

export const STATE_LABELS: Record<DoorstroomState, { nl: string; en: string }> = {
  verblijf: SEGMENT_LABELS.verblijf,
  wonen: SEGMENT_LABELS.wonen,
  crisis: SEGMENT_LABELS.crisis,
  dagbehandeling: SEGMENT_LABELS.dagbehandeling,
  specialistisch: SEGMENT_LABELS.specialistisch,
  generalistisch: SEGMENT_LABELS.generalistisch,
  overig: SEGMENT_LABELS.overig,
  jbjr: { nl: 'Alleen JB/JR', en: 'Child protection/probation only' },
  geen: { nl: 'Geen zorg', en: 'No care' },
};

const RANK = new Map<string, number>(DOORSTROOM_STATES.map((s, i) => [s, i]));

/** The heaviest state of a set of care periods: jeugdhulp segments by weight, then JB/JR, else geen. */
export function heaviestState(rows: readonly CareRow[]): DoorstroomState {
  let best: DoorstroomState = 'geen';
  for (const r of rows) if (RANK.get(r.segment)! < RANK.get(best)!) best = r.segment as DoorstroomState;
  return best;
}

interface Move {
  client: number;
  from: DoorstroomState;
  to: DoorstroomState;
  rows: CareRow[];
}

/** Every child in care on a − 1 or b, with the two states. */
export function movesIn(table: CareTable, span: Span, municipality: string | null): Move[] {
  const out: Move[] = [];
  const keep = (rows: CareRow[]) => (municipality === null ? rows : rows.filter((r) => r.municipality === municipality));
  for (let c = 0; c < table.clients.length; c++) {
    const before = keep(rowsOn(table, c, span.a - 1));
    const after = keep(rowsOn(table, c, span.b));
    if (before.length === 0 && after.length === 0) continue;
    out.push({ client: c, from: heaviestState(before), to: heaviestState(after), rows: [...new Set([...before, ...after])] });
  }
  return out;
}

export function doorstroomMatrix(table: CareTable, span: Span, municipality: string | null, suppress: boolean, threshold: number): DoorstroomResult {
  const cells = new Map<string, Tally>();
  const fromT = new Map(DOORSTROOM_STATES.map((s) => [s, new Tally(`f${s}`, threshold)]));
  const toT = new Map(DOORSTROOM_STATES.map((s) => [s, new Tally(`t${s}`, threshold)]));
  const moves = movesIn(table, span, municipality);
  for (const m of moves) {
    const k = `${m.from}>${m.to}`;
    let t = cells.get(k);
    if (!t) cells.set(k, (t = new Tally(k, threshold)));
    t.add(m.client);
    fromT.get(m.from)!.add(m.client);
    toT.get(m.to)!.add(m.client);
  }
  const order = (k: string) => k.split('>').map((s) => RANK.get(s)!) as [number, number];
  const keys = [...cells.keys()].sort((x, y) => order(x)[0] - order(y)[0] || order(x)[1] - order(y)[1]);
  const equations: Tally[][] = [];
  for (const s of DOORSTROOM_STATES) {
    equations.push([...keys.filter((k) => k.startsWith(`${s}>`)).map((k) => cells.get(k)!), fromT.get(s)!]);
    equations.push([...keys.filter((k) => k.endsWith(`>${s}`)).map((k) => cells.get(k)!), toT.get(s)!]);
  }
  suppressTallies([...cells.values(), ...fromT.values(), ...toT.values()], equations, suppress, threshold);
  const total = (m: Map<DoorstroomState, Tally>) => DOORSTROOM_STATES.map((state) => ({ state, clients: m.get(state)!.count().value, flag: m.get(state)!.flag }));
  const { a: _a, b: _b, ...period } = span;
  return {
    period,
    dayBefore: fromDay(span.a - 1),
    dayEnd: fromDay(span.b),
    states: DOORSTROOM_STATES.map((key) => ({ key, label: STATE_LABELS[key] })),
    cells: keys.map((k) => {
      const [from, to] = k.split('>') as [DoorstroomState, DoorstroomState];
      const c = cells.get(k)!.count();
      return { from, to, clients: c.value, flag: c.flag };
    }),
    fromTotals: total(fromT),
    toTotals: total(toT),
    clients: moves.length,
    peildatum: table.peildatum === null ? null : fromDay(table.peildatum),
    suppression: { applied: suppress, threshold },
  };
}

/** The children behind one band, in pseudonym order; in-app only (never exported). */
export function doorstroomChildren(table: CareTable, span: Span, municipality: string | null, from: DoorstroomState, to: DoorstroomState, limit: number): { total: number; children: DoorstroomChild[] } {
  const moves = movesIn(table, span, municipality).filter((m) => m.from === from && m.to === to);
  const children = moves
    .map((m) => ({
      pseudonym: table.clients[m.client]!.pseudonym.slice(0, 12),
      toewijzingNrs: [...new Set(m.rows.map((r) => r.toewijzingNr))].sort((x, y) => x - y),
      municipalities: [...new Set(m.rows.map((r) => r.municipality))].sort(),
    }))
    .sort((x, y) => (x.pseudonym < y.pseudonym ? -1 : x.pseudonym > y.pseudonym ? 1 : 0));
  return { total: children.length, children: children.slice(0, limit) };
}

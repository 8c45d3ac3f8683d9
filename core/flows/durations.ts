// Durations (issue 6): ended trajectories (DOMAIN.md §5) per segment, and uninterrupted time in care per
// child — the spells of the region (or of the filtered segment / municipality): those that ended, and those
// still running at the peildatum (counted up to it). Duration = end − start + 1 days, as the pivot's.
import { DURATION_CLASSES, type DurationRow, type DurationsResult } from '../contract/flows.js';
import { fromDay } from '../domain/dates.js';
import { SEGMENTS } from '../domain/segments.js';
import { SEGMENT_LABELS, type Text } from '../registry.js';
import { unitFunction } from './groups.js';
import type { CareTable } from './input.js';
import type { Span } from './periods.js';
import { spellsOf } from './spells.js';
import { Tally, suppressTallies } from './suppress.js';

interface Acc {
  key: string;
  label: Text;
  count: Tally;
  classes: Tally[];
  days: number[];
}

function median(list: number[]): number | null {
  if (list.length === 0) return null;
  const s = [...list].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

const classOf = (days: number): number => DURATION_CLASSES.findIndex((c) => days >= c.min && (c.max === null || days <= c.max));

export function durations(table: CareTable, range: readonly Span[], segment: string | null, municipality: string | null, suppress: boolean, threshold: number): DurationsResult {
  const all: Tally[] = [];
  const acc = (key: string, label: Text): Acc => {
    const make = (k: string) => {
      const t = new Tally(`${key}\u0000${k}`, threshold);
      all.push(t);
      return t;
    };
    return { key, label, count: make('n'), classes: DURATION_CLASSES.map((c) => make(c.key)), days: [] };
  };
  const add = (x: Acc, client: number, days: number) => {
    x.count.add(client);
    x.classes[classOf(days)]!.add(client);
    x.days.push(days);
  };
  const peil = table.peildatum ?? 0;
  const lo = range[0]?.a ?? Infinity;
  const hi = range[range.length - 1]?.b ?? -Infinity;
  const inRange = (end: number) => end >= lo && end <= hi;

  // Trajectories: from their care periods (ids from the model), within the filters.
  const keep = unitFunction({ by: 'region', segment, municipality });
  const traj = new Map<number, { client: number; segment: string; start: number; end: number }>();
  for (const r of table.rows) {
    if (r.trajectory < 0 || keep(r) === null) continue;
    const e = r.end === null ? Infinity : r.end;
    const t = traj.get(r.trajectory);
    if (!t) traj.set(r.trajectory, { client: r.client, segment: r.segment, start: r.start, end: e });
    else {
      t.start = Math.min(t.start, r.start);
      t.end = Math.max(t.end, e);
    }
  }
  const bySegment = new Map(SEGMENTS.map((s) => [s as string, acc(s, SEGMENT_LABELS[s])]));
  const total = acc('total', { nl: 'Alle trajecten', en: 'All trajectories' });
  for (const t of traj.values()) {
    if (!Number.isFinite(t.end) || !inRange(t.end)) continue;
    add(bySegment.get(t.segment)!, t.client, t.end - t.start + 1);
    add(total, t.client, t.end - t.start + 1);
  }
  const segRows = [...bySegment.values()].filter((x) => x.count.value > 0);

  const ended = acc('ended', { nl: 'Beëindigd', en: 'Ended' });
  const ongoing = acc('ongoing', { nl: 'Lopend op de peildatum', en: 'Ongoing at the reference date' });
  for (const s of spellsOf(table, keep)) {
    if (!Number.isFinite(s.end)) add(ongoing, s.client, peil - s.start + 1);
    else if (inRange(s.end)) add(ended, s.client, s.end - s.start + 1);
  }

  const equations: Tally[][] = [];
  for (const x of [...segRows, total, ended, ongoing]) equations.push([...x.classes, x.count]);
  equations.push([...segRows.map((x) => x.count), total.count]);
  DURATION_CLASSES.forEach((_, i) => equations.push([...segRows.map((x) => x.classes[i]!), total.classes[i]!]));
  suppressTallies(all, equations, suppress, threshold);

  const row = (x: Acc): DurationRow => {
    const hidden = x.count.hidden || x.days.length === 0;
    return {
      key: x.key, label: x.label, count: x.count.count(),
      meanDays: hidden ? null : x.days.reduce((s, d) => s + d, 0) / x.days.length,
      medianDays: hidden ? null : median(x.days),
      classes: x.classes.map((c) => c.count()),
    };
  };
  const classLabel = (c: (typeof DURATION_CLASSES)[number]): Text =>
    c.max === null ? { nl: `${c.min} dagen of meer`, en: `${c.min} days or more` } : { nl: `${c.min}–${c.max} dagen`, en: `${c.min}–${c.max} days` };
  return {
    trajectories: [...segRows, total].map(row),
    spells: [ended, ongoing].map(row),
    classes: DURATION_CLASSES.map((c) => ({ key: c.key, label: classLabel(c) })),
    peildatum: table.peildatum === null ? null : fromDay(table.peildatum),
    suppression: { applied: suppress, threshold },
  };
}

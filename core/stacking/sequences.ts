// query/sequences (DOMAIN.md §7 "Successive"): per episode its numbered trajectories, as the distribution of
// the highest number, the steps n → n+1 with the median days between their starts, the most frequent segment
// sequences and the segment transitions per step. Episodes without a numbered trajectory are left out.
import type { SequencesArgs, SequencesResult } from '../contract/stacking.js';
import { fromDay } from '../domain/dates.js';
import { periodDays } from '../domain/period.js';
import type { Segment } from '../domain/segments.js';
import type { CareTable } from '../flows/input.js';
import { Tally, suppressTallies } from '../flows/suppress.js';
import { COMBINATION_ORDER } from './concurrent.js';
import { numberTrajectories, type Episode } from './trajectories.js';

export const HIGHEST_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10+'] as const;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Per number 1…highest: the start day and the segments starting then ('a+b', heaviest first). */
export function stepsOf(e: Episode): { start: number; segment: string }[] {
  const out: { start: number; segments: Segment[] }[] = [];
  for (const t of e.trajectories) {
    if (t.number === 0) continue;
    const step = (out[t.number - 1] ??= { start: t.start, segments: [] });
    step.segments.push(t.segment);
  }
  const rank = (s: Segment) => COMBINATION_ORDER.indexOf(s);
  return out.map((s) => ({ start: s.start, segment: s.segments.sort((a, b) => rank(a) - rank(b)).join('+') }));
}

export function runSequences(table: CareTable, args: SequencesArgs, threshold: number): SequencesResult {
  const query = { period: args.period ?? null, municipality: args.municipality ?? null, suppress: args.suppress ?? true };
  const top = args.top ?? 20;
  const { episodes } = numberTrajectories(table);
  const span = query.period !== null && table.peildatum !== null ? periodDays(query.period, table.peildatum) : null;
  const peil = table.peildatum;
  const total = new Tally('episodes', threshold);
  const ongoing = new Tally('ongoing', threshold);
  const highest = new Map<string, Tally>(HIGHEST_KEYS.map((k) => [k, new Tally(`h${k.padStart(3, '0')}`, threshold)]));
  const steps: { tally: Tally; days: number[] }[] = [];
  const sequences = new Map<string, { tally: Tally; segments: string[]; days: number[][] }>();
  const transitions = new Map<string, Tally>();

  for (const e of episodes) {
    if (e.highest === 0) continue;
    const first = e.trajectories.find((t) => t.number === 1)!;
    if (span && (first.start < span.a || first.start > span.b)) continue;
    if (query.municipality !== null && first.municipality !== query.municipality) continue;
    total.add(e.client);
    if (peil !== null && (e.end === null || peil - e.end <= 365)) ongoing.add(e.client); // a start tomorrow would continue it
    highest.get(e.highest >= 10 ? '10+' : String(e.highest))!.add(e.client);
    const s = stepsOf(e);
    const key = s.map((x) => x.segment).join(' > ');
    let seq = sequences.get(key);
    if (!seq) sequences.set(key, (seq = { tally: new Tally(`q${key}`, threshold), segments: s.map((x) => x.segment), days: s.slice(1).map(() => []) }));
    seq.tally.add(e.client);
    for (let i = 1; i < s.length; i++) {
      const gap = s[i]!.start - s[i - 1]!.start;
      seq.days[i - 1]!.push(gap);
      const step = (steps[i - 1] ??= { tally: new Tally(`s${String(i).padStart(3, '0')}`, threshold), days: [] });
      step.tally.add(e.client);
      step.days.push(gap);
      const tk = `${i}|${s[i - 1]!.segment}|${s[i]!.segment}`;
      let t = transitions.get(tk);
      if (!t) transitions.set(tk, (t = new Tally(tk, threshold)));
      t.add(e.client);
    }
  }

  const topSeqs = [...sequences.values()].sort((a, b) => b.tally.value - a.tally.value || (a.tally.key < b.tally.key ? -1 : 1));
  const all = [total, ongoing, ...highest.values(), ...steps.map((s) => s.tally), ...topSeqs.map((s) => s.tally), ...transitions.values()];
  suppressTallies(all, [[...highest.values(), total]], query.suppress, threshold);
  const shown = (t: Tally, v: number | null) => (t.hidden ? null : v);
  return {
    query,
    episodes: total.count(),
    ongoing: ongoing.count(),
    highest: HIGHEST_KEYS.map((k) => ({ key: k, episodes: highest.get(k)!.count() })),
    steps: steps.map((s, i) => ({ from: i + 1, to: i + 2, episodes: s.tally.count(), medianDays: shown(s.tally, median(s.days)) })),
    sequences: topSeqs.slice(0, top).map((s) => ({
      key: s.segments.join(' > '), segments: s.segments, episodes: s.tally.count(), medianDays: s.days.map((d) => shown(s.tally, median(d))),
    })),
    transitions: [...transitions.entries()]
      .map(([k, t]) => {
        const [step, from, to] = k.split('|') as [string, string, string];
        return { step: Number(step), from, to, episodes: t.count() };
      })
      .sort((a, b) => a.step - b.step || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1)),
    peildatum: peil === null ? null : fromDay(peil),
    suppression: { applied: query.suppress, threshold },
  };
}

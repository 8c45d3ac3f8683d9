// Ground truth for stacking and successive trajectories (DOMAIN.md §5, §7), computed the plain way on purpose and
// sharing no code with core/stacking: per child a day-by-day array. A trajectory is a run of consecutive days on
// which the child has care at one provider in one segment within one municipality (so touching and overlapping
// periods are one run); an episode is a run of days split only where more than 365 days in a row have no care.
// Running care is marked up to the day after the peildatum, like the flows truth.
import { day } from '../dates.js';
import { countsAsTrajectory, segmentOf } from './classify.js';
import type { Truth, TruthPeriod } from './types.js';

export interface TruthTrajectory {
  bsn: string;
  municipality: string;
  provider: string;
  segment: string;
  start: number;
  end: number; // last day; peil + 1 when running past the peildatum
  nr: number; // ToewijzingNummer of its first period (lowest on a tie)
  episode: number; // index of the child's episode
  number: number; // 0 = not numbered (JB/JR)
}

export interface TruthStacking {
  peil: number;
  trajectories: TruthTrajectory[];
  /** bsn → highest number per episode (0 when the episode has no numbered trajectory), and the episode ends. */
  episodes: Map<string, { highest: number; end: number }[]>;
}

function runs(marks: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < marks.length; i++) {
    if (marks[i] && (i === 0 || !marks[i - 1])) out.push([i, i]);
    if (marks[i]) out[out.length - 1]![1] = i;
  }
  return out;
}

export function truthStacking(truth: Truth): TruthStacking {
  const peil = day(truth.peildatum);
  const byChild = new Map<string, TruthPeriod[]>();
  for (const p of truth.periods) if (day(p.start) <= peil) byChild.set(p.bsn, [...(byChild.get(p.bsn) ?? []), p]);
  const endOf = (p: TruthPeriod) => (p.end === null || day(p.end) > peil ? peil + 1 : day(p.end));
  const trajectories: TruthTrajectory[] = [];
  const episodes = new Map<string, { highest: number; end: number }[]>();
  for (const [bsn, mine] of byChild) {
    const lo = Math.min(...mine.map((p) => day(p.start)));
    const hi = Math.max(...mine.map(endOf));
    const all = new Uint8Array(hi - lo + 1);
    for (const p of mine) all.fill(1, day(p.start) - lo, endOf(p) - lo + 1);
    // Episodes: a new one after more than 365 days in a row without care.
    const episodeAt = new Int32Array(all.length);
    let episode = 0;
    let empty = 0;
    let seen = false;
    for (let i = 0; i < all.length; i++) {
      if (all[i]) {
        if (seen && empty > 365) episode++;
        seen = true;
        empty = 0;
      } else empty++;
      episodeAt[i] = episode;
    }
    const groups = new Map<string, TruthPeriod[]>();
    for (const p of mine) {
      if (!countsAsTrajectory(p.category)) continue;
      const k = `${p.provider}|${segmentOf(p.category)}|${p.municipality}`;
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    const own: TruthTrajectory[] = [];
    for (const [k, ps] of groups) {
      const marks = new Uint8Array(all.length);
      for (const p of ps) marks.fill(1, day(p.start) - lo, endOf(p) - lo + 1);
      const [provider, segment, municipality] = k.split('|') as [string, string, string];
      for (const [a, b] of runs(marks)) {
        const first = ps.filter((p) => day(p.start) === lo + a).sort((x, y) => x.nr - y.nr)[0]!;
        own.push({ bsn, municipality, provider, segment, start: lo + a, end: lo + b, nr: first.nr, episode: episodeAt[a]!, number: 0 });
      }
    }
    const list = Array.from({ length: episode + 1 }, (_, e) => ({ highest: 0, end: lo + Math.max(...[...episodeAt.keys()].filter((i) => episodeAt[i] === e && all[i])) }));
    for (let e = 0; e <= episode; e++) {
      const starts = [...new Set(own.filter((t) => t.episode === e && t.segment !== 'jbjr').map((t) => t.start))].sort((x, y) => x - y);
      for (const t of own) if (t.episode === e && t.segment !== 'jbjr') t.number = starts.indexOf(t.start) + 1;
      list[e]!.highest = starts.length;
    }
    episodes.set(bsn, list);
    trajectories.push(...own);
  }
  return { peil, trajectories, episodes };
}

/** Children by number of trajectories covering day d: { clients, one, two, threePlus } (trajectory counts). */
export function truthConcurrent(s: TruthStacking, date: string): { clients: number; one: number; two: number; threePlus: number } {
  const d = day(date);
  const per = new Map<string, number>();
  for (const t of s.trajectories) if (t.start <= d && t.end >= d) per.set(t.bsn, (per.get(t.bsn) ?? 0) + 1);
  const out = { clients: per.size, one: 0, two: 0, threePlus: 0 };
  for (const n of per.values()) {
    if (n === 1) out.one++;
    else if (n === 2) out.two++;
    else out.threePlus++;
  }
  return out;
}

/** The regie-op-drie list: `${municipality}|${ToewijzingNummer}` of trajectories numbered `number` (or more) starting in [from, to]. */
export function truthRegie(s: TruthStacking, from: string, to: string, number = 3, orHigher = false): string[] {
  const [a, b] = [day(from), day(to)];
  return s.trajectories
    .filter((t) => (orHigher ? t.number >= number : t.number === number) && t.start >= a && t.start <= b)
    .map((t) => `${t.municipality}|${t.nr}`)
    .sort();
}

/** Episodes with at least one numbered trajectory, by their highest number ('10+' for ten or more). */
export function truthHighest(s: TruthStacking): Record<string, number> {
  const out: Record<string, number> = {};
  for (const list of s.episodes.values())
    for (const e of list) if (e.highest > 0) out[e.highest >= 10 ? '10+' : String(e.highest)] = (out[e.highest >= 10 ? '10+' : String(e.highest)] ?? 0) + 1;
  return out;
}

/** bsn → triggers ('request' | 'assignment' count) of children at number 2 in an episode alive at the peildatum. */
export function truthProspective(truth: Truth, s: TruthStacking): Map<string, { request: number; assignment: number }> {
  const { peil } = s;
  const periodKeys = new Set(truth.periods.filter((p) => day(p.start) <= peil).map((p) => `${p.municipality}|${p.nr}`));
  const out = new Map<string, { request: number; assignment: number }>();
  for (const [bsn, list] of s.episodes) {
    const e = list.length - 1;
    const last = list[e]!;
    if (last.highest !== 2 || (last.end <= peil && peil - last.end > 365)) continue;
    const mine = s.trajectories.filter((t) => t.bsn === bsn && t.episode === e);
    const second = Math.min(...mine.filter((t) => t.number === 2).map((t) => t.start));
    const found = { request: 0, assignment: 0 };
    for (const a of truth.assignments) {
      if (a.bsn !== bsn) continue;
      if (a.requested && day(a.requested) > second && day(a.requested) <= peil) found.request++;
      const current = !a.deleted && day(a.assignedOn!) <= peil && (a.end === null || day(a.end) >= peil);
      const seg = segmentOf(a.category);
      const merges = mine.some((t) => t.provider === a.provider && t.segment === seg && t.municipality === a.municipality && (t.end > peil || day(a.start) <= t.end + 1)); // running: continues
      if (current && !periodKeys.has(`${a.municipality}|${a.nr}`) && countsAsTrajectory(a.category) && seg !== 'jbjr' && !merges) found.assignment++;
    }
    if (found.request + found.assignment > 0) out.set(bsn, found);
  }
  return out;
}

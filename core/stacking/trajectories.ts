// Trajectories, episodes and sequence numbers (DOMAIN.md §5, §7) from the care table (core/flows/input.ts).
// Trajectory ids come from the model (data/model/trajectories.ts merges a child's touching periods at one
// provider in one segment within one municipality); here they are gathered and numbered:
//   episode  a child's care — every care period, JB/JR and categories 40/42 included, since it is "the
//            client's care" — with no gap longer than 365 days (gap = next start − previous end − 1, where the
//            previous end is the latest end so far; a running period has no end, so no gap after it);
//   number   only jeugdhulp trajectories (not JB/JR; 40/42 are no trajectory) are numbered within their
//            episode, by start date; trajectories starting on the same day share a number.
import type { Segment } from '../domain/segments.js';
import type { CareTable } from '../flows/input.js';

export interface Trajectory {
  id: number; // the model's trajectory id
  client: number;
  start: number; // day number
  end: number | null; // null = running at the peildatum
  municipality: string;
  provider: string;
  segment: Segment;
  category: string; // of its first care period
  product: string; // ProductCode of its first care period ('' none)
  toewijzingNr: number; // of its first care period
  toewijzingNrs: number[]; // of all its care periods, ascending
  episode: number; // index into Numbered.episodes
  number: number; // sequence number within the episode; 0 = not numbered (JB/JR)
}

export interface Episode {
  client: number;
  start: number; // first day of care in the episode
  end: number | null; // last day of care; null = running at the peildatum
  trajectories: Trajectory[]; // by start, then ToewijzingNummer (numbered and JB/JR)
  highest: number; // highest sequence number (0: only JB/JR or no trajectory)
}

export interface Numbered {
  trajectories: Trajectory[]; // by client, start, ToewijzingNummer
  byClient: Trajectory[][]; // index = client
  episodes: Episode[]; // by client, start
}

export const EPISODE_GAP = 365;

const later = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.max(a, b));

// One numbering per care table (the table is rebuilt, as a new object, whenever the data changes). Callers
// only read the result.
const numbered = new WeakMap<CareTable, Numbered>();

/** Every trajectory of the table, with its episode and sequence number. */
export function numberTrajectories(table: CareTable): Numbered {
  let n = numbered.get(table);
  if (!n) numbered.set(table, (n = build(table)));
  return n;
}

function build(table: CareTable): Numbered {
  const byId = new Map<number, Trajectory>();
  const episodes: Episode[] = [];
  const byClient: Trajectory[][] = table.clients.map(() => []);
  for (let c = 0; c < table.clients.length; c++) {
    let episode: Episode | null = null;
    for (let i = table.offsets[c]!; i < table.offsets[c + 1]!; i++) {
      const r = table.rows[i]!; // sorted by start
      if (episode === null || (episode.end !== null && r.start - episode.end - 1 > EPISODE_GAP)) {
        episode = { client: c, start: r.start, end: r.end, trajectories: [], highest: 0 };
        episodes.push(episode);
      } else episode.end = later(episode.end, r.end);
      if (r.trajectory < 0) continue;
      const t = byId.get(r.trajectory);
      if (t) {
        t.end = later(t.end, r.end);
        if (!t.toewijzingNrs.includes(r.toewijzingNr)) t.toewijzingNrs.push(r.toewijzingNr);
        continue;
      }
      const made: Trajectory = {
        id: r.trajectory, client: c, start: r.start, end: r.end, municipality: r.municipality, provider: r.provider, segment: r.segment,
        category: r.category, product: r.product ?? '', toewijzingNr: r.toewijzingNr, toewijzingNrs: [r.toewijzingNr], episode: episodes.length - 1, number: 0,
      };
      byId.set(r.trajectory, made);
      episode.trajectories.push(made);
      byClient[c]!.push(made);
    }
  }
  for (const e of episodes) {
    e.trajectories.sort((a, b) => a.start - b.start || a.toewijzingNr - b.toewijzingNr);
    let last = -Infinity;
    for (const t of e.trajectories) {
      t.toewijzingNrs.sort((a, b) => a - b);
      if (t.segment === 'jbjr') continue;
      if (t.start !== last) e.highest++;
      last = t.start;
      t.number = e.highest;
    }
  }
  for (const list of byClient) list.sort((a, b) => a.start - b.start || a.toewijzingNr - b.toewijzingNr);
  return { trajectories: byClient.flat(), byClient, episodes };
}

/** Whether a trajectory covers day d (running ones cover every day up to the peildatum). */
export function covers(t: Trajectory, d: number): boolean {
  return t.start <= d && (t.end === null || t.end >= d);
}

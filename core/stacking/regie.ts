// "Regie op drie" (DOMAIN.md §7): the trajectories with number 3 (or N, or ≥ N) that started in a period, by
// municipality and ToewijzingNummer, with the child's earlier trajectories of the episode; and the prospective
// list of children at number 2 with a new request or an assignment not yet started. These are the
// municipality's own case lists: exact, never suppressed, pseudonyms shortened to 12 hex digits.
import type { ProspectiveResult, ProspectiveRow, RegieArgs, RegieResult, RegieTrajectory } from '../contract/stacking.js';
import { fromDay } from '../domain/dates.js';
import { periodDays } from '../domain/period.js';
import type { Segment } from '../domain/segments.js';
import type { CareTable } from '../flows/input.js';
import type { Text } from '../registry.js';
import { StackingInputError } from './points.js';
import { EPISODE_GAP, numberTrajectories, type Trajectory } from './trajectories.js';

const short = (pseudonym: string) => pseudonym.slice(0, 12);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function describe(t: Trajectory): RegieTrajectory {
  return {
    number: t.number, municipality: t.municipality, toewijzingNr: t.toewijzingNr, toewijzingNrs: t.toewijzingNrs, provider: t.provider,
    product: t.product, category: t.category, segment: t.segment, start: fromDay(t.start), end: t.end === null ? null : fromDay(t.end),
  };
}

export function regieOpDrie(table: CareTable, args: RegieArgs, municipalityLabel: (code: string) => Text): RegieResult {
  const query = { period: args.period, municipality: args.municipality ?? null, number: args.number ?? 3, orHigher: args.orHigher ?? false };
  if (table.peildatum === null) throw new StackingInputError(`there is no care in the data`);
  const { a, b } = periodDays(query.period, table.peildatum);
  if (a > table.peildatum) throw new StackingInputError(`period ${query.period} lies after the peildatum ${fromDay(table.peildatum)}`);
  const { trajectories, episodes } = numberTrajectories(table);
  const hit = (t: Trajectory) => (query.orHigher ? t.number >= query.number : t.number === query.number);
  const rows = trajectories
    .filter((t) => hit(t) && t.start >= a && t.start <= b && (query.municipality === null || t.municipality === query.municipality))
    .map((t) => {
      const e = episodes[t.episode]!;
      return {
        ...describe(t),
        pseudonym: short(table.clients[t.client]!.pseudonym),
        episodeStart: fromDay(e.start),
        earlier: e.trajectories.filter((x) => x.start < t.start).map(describe),
      };
    })
    .sort((x, y) => byText(x.municipality, y.municipality) || byText(x.start, y.start) || x.toewijzingNr - y.toewijzingNr);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.municipality, (counts.get(r.municipality) ?? 0) + 1);
  return {
    query,
    start: fromDay(a),
    end: fromDay(b),
    municipalities: [...counts].map(([code, n]) => ({ code, label: municipalityLabel(code), rows: n })),
    rows,
    peildatum: fromDay(table.peildatum),
  };
}

/** A request or a not-started assignment of a child (loaded by data/stacking from the database). */
export interface Trigger {
  client: number; // index into the care table's clients
  kind: 'request' | 'assignment';
  code: 'JW315' | 'JW317' | 'JW301';
  date: number; // request Dagtekening; assignment Ingangsdatum
  municipality: string;
  provider: string;
  toewijzingNr: number | null;
  product: string;
  segment: Segment | null; // null for a request without a product category
  countsAsTrajectory: boolean; // false for JB/JR and 40/42 assignments (they would not be number 3)
}

/**
 * Children whose current episode — alive at the peildatum: running, or ended at most 365 days before, so a new
 * start would continue it — has highest number 2, with a request dated after the start of number 2 or a
 * not-started assignment that would be a new trajectory (not JB/JR or 40/42, and not touching a trajectory of
 * the episode at the same provider, segment and municipality, into which it would merge).
 */
export function prospective(table: CareTable, triggers: readonly Trigger[], municipality: string | null): ProspectiveResult {
  const peil = table.peildatum;
  if (peil === null) return { municipality, rows: [], peildatum: null };
  const { byClient, episodes } = numberTrajectories(table);
  const lastEpisode = new Map<number, number>();
  episodes.forEach((e, i) => lastEpisode.set(e.client, i));
  const byChild = new Map<number, Trigger[]>();
  for (const t of triggers) byChild.set(t.client, [...(byChild.get(t.client) ?? []), t]);
  const rows: ProspectiveRow[] = [];
  for (const [client, mine] of byChild) {
    const ei = lastEpisode.get(client);
    if (ei === undefined) continue;
    const e = episodes[ei]!;
    if (e.highest !== 2 || (e.end !== null && peil - e.end > EPISODE_GAP)) continue;
    const current = e.trajectories.filter((t) => t.number > 0);
    const second = current.find((t) => t.number === 2)!;
    const merges = (g: Trigger) =>
      byClient[client]!.some((t) => t.episode === ei && t.provider === g.provider && t.segment === g.segment && t.municipality === g.municipality && (t.end === null || g.date <= t.end + 1));
    const found = mine
      .filter((g) => (g.kind === 'request' ? g.date > second.start && g.date <= peil : g.countsAsTrajectory && !merges(g)))
      .sort((x, y) => x.date - y.date || byText(x.code, y.code));
    if (found.length === 0) continue;
    const latest = current.filter((t) => t.number === 2).map((t) => t.municipality).sort(byText)[0]!;
    if (municipality !== null && latest !== municipality && !found.some((g) => g.municipality === municipality)) continue;
    rows.push({
      pseudonym: short(table.clients[client]!.pseudonym),
      municipality: latest,
      current: current.map(describe),
      triggers: found.map((g) => ({
        kind: g.kind, code: g.code, date: fromDay(g.date), municipality: g.municipality, provider: g.provider,
        toewijzingNr: g.toewijzingNr, product: g.product, segment: g.segment,
      })),
    });
  }
  rows.sort((x, y) => byText(x.municipality, y.municipality) || byText(x.current.at(-1)!.start, y.current.at(-1)!.start) || byText(x.pseudonym, y.pseudonym));
  return { municipality, rows, peildatum: fromDay(peil) };
}

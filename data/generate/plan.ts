// The care plan: assignments with their versions, starts and stops, and the care periods they imply.
// Every message date is decided here, so a message that would fall after the end of the range is simply
// not planned, and the ground truth never refers to anything that was not written.
import type { Day } from './dates.js';
import type { Child } from './actors.js';
import type { Omvang } from './xml.js';

export interface Version {
  date: Day;
  time: string;
  end: Day | null;
  reason?: string;
}

export interface StartMsg {
  start: Day;
  sent: Day;
  /** Sent again later with StatusAanlevering 3. */
  retractedOn?: Day;
}

export interface StopMsg {
  end: Day;
  reason: string;
  sent: Day;
}

export interface Assignment {
  child: Child;
  /** Index into child.addresses: where the child lived when assigned. */
  address: number;
  municipality: string;
  provider: string;
  nr: number;
  category: string;
  code: string;
  start: Day;
  omvang: Omvang;
  versions: Version[];
  request?: { reference: string; sent: Day; referrer: string };
  starts: StartMsg[];
  stops: StopMsg[];
}

export interface Period {
  assignment: Assignment;
  start: Day;
  end: Day | null;
  /** Why it ended (DOMAIN.md §6): the stop's RedenBeeindiging when the stop ended it, else the JZ588 reason
   *  matching the winning version's RedenWijziging, else 'onbekend'; 'lopend' when open. */
  endReason: string;
}

// JZ002 RedenWijziging → JZ588 RedenBeeindiging where both name the same event (02, 06, 07, 09).
const REASON_OF_CHANGE: Record<string, string> = { '02': '02', '06': '39', '07': '35', '09': '38' };

export function winning(a: Assignment): Version {
  const v = a.versions[a.versions.length - 1];
  if (!v) throw new Error('assignment without version');
  return v;
}

/** The care periods of one assignment, by DOMAIN.md §5, from what the plan sends. */
export function periodsOf(a: Assignment): Period[] {
  const win = winning(a);
  if (win.reason === '13') return [];
  const periods: Period[] = [];
  const standing = a.starts.filter((s) => s.retractedOn === undefined);
  for (const s of standing) {
    // Stops are sent for the latest standing start only (see messages.ts).
    const stop = s === standing[standing.length - 1] ? a.stops.find((t) => t.reason !== '20') : undefined;
    let end = stop ? stop.end : null;
    if (win.end !== null && (end === null || win.end < end)) end = win.end;
    if (end !== null && end < s.start) continue;
    const endReason = end === null ? 'lopend' : stop && stop.end === end ? stop.reason : ((win.reason && REASON_OF_CHANGE[win.reason]) ?? 'onbekend');
    periods.push({ assignment: a, start: s.start, end, endReason });
  }
  return periods;
}

/** Last day a planned care period really lasts (open = unbounded). */
export function actualEnd(a: Assignment): Day | null {
  const ends = periodsOf(a).map((p) => p.end);
  if (ends.length === 0) return a.start;
  if (ends.some((e) => e === null)) return null;
  return Math.max(...(ends as Day[]));
}

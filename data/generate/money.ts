// Monthly declarations (JW323) per provider × municipality × month, with credits, corrections and JW325
// answers. Every line goes into the truth with its planned amount and approval status.
import { unitOf } from './build.js';
import { iso, monthFirst, monthIndex, monthLast, type Day } from './dates.js';
import type { Message } from './messages.js';
import type { Period } from './plan.js';
import type { Rng } from './random.js';
import type { LineStatus, TruthLine } from './truth/types.js';
import { jw323, jw325, type Claim, type ClaimLine } from './xml.js';

interface Draft {
  period: Period;
  start: Day;
  end: Day;
}

/** Days between the end of the product month and the declaration: slow at first (DOMAIN.md §1: 400 days in 2015, 73 in 2019). */
function lagDays(rng: Rng, year: number): number {
  if (year <= 2015) return rng.int(150, 650);
  if (year === 2016) return rng.int(60, 400);
  if (year === 2017) return rng.int(30, 220);
  if (year === 2018) return rng.int(15, 150);
  if (year === 2019) return rng.int(5, 140);
  return rng.int(5, 60);
}

function volumeFor(unit: string, days: number, weekly: number): number {
  switch (unit) {
    case '14': return days;
    case '16': return Math.max(1, Math.round((days / 7) * 2));
    case '01': return Math.max(1, Math.round((days / 30) * 16)) * 15;
    case '84': return 1;
    case '82': return Math.max(1, Math.round((days / 30) * 16));
    default: return Math.max(1, Math.round((days / 30) * weekly));
  }
}

export interface MoneyResult {
  messages: Message[];
  lines: TruthLine[];
}

export function declare(rng: Rng, periods: Period[], rangeEnd: Day): MoneyResult {
  const groups = new Map<string, Draft[]>();
  for (const period of periods) {
    const a = period.assignment;
    const last = period.end === null || period.end > rangeEnd ? rangeEnd : period.end;
    for (let mi = monthIndex(period.start); mi <= monthIndex(last); mi++) {
      const key = `${a.provider}|${a.municipality}|${String(mi).padStart(6, '0')}`;
      const list = groups.get(key) ?? [];
      list.push({ period, start: Math.max(period.start, monthFirst(mi)), end: Math.min(last, monthLast(mi)) });
      groups.set(key, list);
    }
  }
  const messages: Message[] = [];
  const truthLines: TruthLine[] = [];
  let refCounter = 0;
  let claimCounter = 0;
  const pendingAfter = rangeEnd - 61;

  const send = (provider: string, municipality: string, mi: number, dag: Day, lines: ClaimLine[], rejectShare: number, creditsSafe: boolean): { status: Map<string, LineStatus>; answered: Day | null } => {
    const claim: Claim = { number: `D${String(++claimCounter).padStart(9, '0')}`, month: { start: iso(monthFirst(mi)), end: iso(monthLast(mi)) }, dagtekening: iso(dag), lines };
    const claimMessage: Message = { code: 'JW323', afzender: provider, ontvanger: municipality, dagtekening: dag, render: (h) => jw323(h, claim) };
    messages.push(claimMessage);
    const status = new Map<string, LineStatus>();
    let answered: Day | null = null;
    if (dag > pendingAfter) {
      for (const l of lines) status.set(l.ref, 'pending');
    } else {
      answered = Math.min(rangeEnd, dag + rng.int(5, 30));
      const whole = rng.chance(0.01);
      const rejected = whole ? lines : lines.filter((l) => !(creditsSafe && l.amount < 0) && rng.chance(rejectShare));
      const rejectedRefs = new Set(rejected.map((l) => l.ref));
      for (const l of lines) status.set(l.ref, rejectedRefs.has(l.ref) ? 'rejected' : 'approved');
      messages.push({
        code: 'JW325',
        afzender: municipality,
        ontvanger: provider,
        dagtekening: answered,
        render: (h, headOf) => jw325(h, claim, headOf(claimMessage), whole ? [] : rejected, whole),
      });
    }
    for (const l of lines) {
      truthLines.push({
        provider, municipality, bsn: l.bsn, ref: l.ref, ...(l.prevRef ? { prevRef: l.prevRef } : {}), nr: l.nr, category: l.category, code: l.code,
        month: l.periodStart.slice(0, 7), periodStart: l.periodStart, periodEnd: l.periodEnd, amount: l.amount, status: status.get(l.ref)!, declaration: claim.number,
      });
    }
    return { status, answered };
  };
  const newRef = () => `P${String(++refCounter).padStart(10, '0')}`;

  for (const key of [...groups.keys()].sort()) {
    const drafts = groups.get(key)!;
    const [provider, municipality, m] = key.split('|') as [string, string, string];
    const mi = Number(m);
    const dag = monthLast(mi) + lagDays(rng, Math.floor(mi / 12));
    if (dag > rangeEnd) continue;
    const lines: ClaimLine[] = drafts.map((d) => {
      const a = d.period.assignment;
      const u = unitOf(a.category);
      const volume = volumeFor(u.unit, d.end - d.start + 1, a.omvang.volume);
      return { bsn: a.child.bsn, ref: newRef(), nr: a.nr, category: a.category, code: a.code, periodStart: iso(d.start), periodEnd: iso(d.end), volume, unit: u.unit, tariff: u.tariff, amount: volume * u.tariff };
    });
    const { status, answered } = send(provider, municipality, mi, dag, lines, 0.03, true);
    // Now and then a provider credits approved lines later, half of the time with a corrected debit line.
    if (answered === null || !rng.chance(0.1)) continue;
    const approved = lines.filter((l) => status.get(l.ref) === 'approved');
    if (approved.length === 0) continue;
    const fix = approved.slice(0, rng.int(1, 2));
    const corrDay = answered + rng.int(20, 200);
    if (corrDay > rangeEnd) continue;
    const corr: ClaimLine[] = [];
    for (const l of fix) {
      const credit: ClaimLine = { ...l, ref: newRef(), prevRef: l.ref, amount: -l.amount };
      corr.push(credit);
      if (rng.chance(0.5)) {
        // The corrected debit points at the credit it follows, so it is not an original line (DOMAIN.md §8 lead time).
        const volume = Math.max(1, Math.round(l.volume * (0.8 + rng.next() * 0.3)));
        corr.push({ ...l, ref: newRef(), prevRef: credit.ref, volume, amount: volume * l.tariff });
      }
    }
    send(provider, municipality, mi, corrDay, corr, 0.03, true);
  }
  return { messages, lines: truthLines };
}

// writeRegion: plans a synthetic FoodValley region from a seed and writes its iJw messages plus truth.json.
import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from './build.js';
import { day, iso, monthIndex, monthKey, monthLast, type Day } from './dates.js';
import { careMessages, type Message } from './messages.js';
import { declare } from './money.js';
import { periodsOf, winning, type Assignment } from './plan.js';
import { childCare } from './population.js';
import { plantCases } from './planted.js';
import { plantShift } from './shift.js';
import { plantStepped } from './stepped.js';
import { writeSchools } from './schools.js';
import { plantSignal } from './signal.js';
import { signalTruth } from './truth/signals.js';
import { Rng } from './random.js';
import { bsnAfter, makeChild, makeProviders, pickMunicipality, type Child } from './actors.js';
import type { Truth } from './truth/types.js';
import type { Head } from './xml.js';

export interface RegionOptions {
  seed: number;
  scale: number;
  start?: string;
  end?: string;
  /** Plant the known shift of data/generate/shift.ts (residential → ambulant and new ambulant children). */
  shift?: boolean;
  /** Plant the known stepped care of data/generate/stepped.ts (3rd, 4th… trajectories; the prospective list). */
  stepped?: boolean;
  /** Plant the early signal of data/generate/signal.ts (a rise of GGZ for girls 12–17 in one municipality). */
  signal?: boolean;
  /** Also write population, leerplicht extract and DUO school files to <out>/tabellen (data/generate/schools.ts). */
  schools?: boolean;
}

export interface RegionSummary {
  files: number;
  messages: number;
  children: number;
}

/** Children planned per unit of scale; tuned so scale 1 gives about 7,000 distinct children in care per year. */
const CHILDREN_PER_SCALE = 30000;
/** Children whose care runs from the first weeks of the range, so the first year is not nearly empty. */
const TRANSITION_PER_SCALE = 4000;

/** Age at first care: mostly school age, some toddlers, a few young adults. */
const FIRST_AGE: [number, number, number][] = [
  [0, 3, 10], [4, 11, 42], [12, 17, 45], [18, 18, 3],
];

export function planRegion(options: RegionOptions) {
  const rangeStart = day(options.start ?? '2015-01-01');
  const rangeEnd = day(options.end ?? '2025-12-31');
  if (!(rangeEnd > rangeStart)) throw new Error('end must be after start');
  const root = new Rng(options.seed);
  const providers = makeProviders(root.fork(1), options.scale);
  let candidate = 999000000;
  const nextBsn = () => {
    const r = bsnAfter(candidate);
    candidate = r.next;
    return r.bsn;
  };
  const ctx: Ctx = { rng: root.fork(2), providers, rangeStart, rangeEnd, nextNr: 100001 };
  const planted = plantCases(ctx, nextBsn);
  const children: Child[] = planted.map((p) => p.child);
  const assignments: Assignment[] = planted.flatMap((p) => p.assignments);

  ctx.rng = root.fork(3);
  const rng = ctx.rng;
  const count = Math.max(20, Math.round(CHILDREN_PER_SCALE * options.scale));
  const inCareAtStart = Math.round(TRANSITION_PER_SCALE * options.scale);
  for (let i = 0; i < count + inCareAtStart; i++) {
    // The first children are those already in care when the range starts (2015: the decentralisation).
    const first = i < inCareAtStart ? rangeStart + rng.int(0, 45) : rng.int(rangeStart, rangeEnd - 30);
    const band = FIRST_AGE[rng.weighted(FIRST_AGE.map((b) => b[2]))]!;
    const age = rng.int(band[0], band[1]);
    const birth = first - age * 365 - rng.int(60, 364);
    const child = makeChild(rng, nextBsn(), birth, pickMunicipality(rng));
    const care = childCare(ctx, child, first);
    if (care.length === 0) continue;
    children.push(child);
    assignments.push(...care);
  }
  // The money stream is forked first, as before the planted groups existed, so a region without them is
  // the same as it was; each planted group then draws on its own stream after every other child.
  const moneyRng = root.fork(4);
  ctx.rng = root.fork(5);
  const shift = options.shift ? plantShift(ctx, nextBsn) : null;
  if (shift) {
    children.push(...shift.moved, ...shift.newAmbulant);
    assignments.push(...shift.assignments);
  }
  // Forked from the shift's stream, never from root: root's next draw decides the money stream below.
  const stepped = options.stepped ? plantStepped({ ...ctx, rng: ctx.rng.fork(6) }, nextBsn) : null;
  if (stepped) {
    children.push(...stepped.children);
    assignments.push(...stepped.assignments);
  }
  // Its own numbers after every assignment so far (the stepped group numbered on a copy of ctx).
  const signalNr = () => assignments.reduce((m, a) => Math.max(m, a.nr), ctx.nextNr) + 1;
  const signal = options.signal ? plantSignal({ ...ctx, rng: ctx.rng.fork(7), nextNr: signalNr() }, nextBsn, options.scale) : null;
  if (signal) {
    children.push(...signal.children);
    assignments.push(...signal.assignments);
  }
  return { rangeStart, rangeEnd, providers, planted, children, assignments, shift, stepped, signal, moneyRng };
}

export async function writeRegion(outDir: string, options: RegionOptions): Promise<RegionSummary> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new Error(`${outDir} is not empty`);
  const plan = planRegion(options);
  const care: Message[] = plan.assignments.flatMap(careMessages);
  const careCodes = new Set(['JW301', 'JW305', 'JW307']);
  let latest: Day = plan.rangeStart;
  for (const m of care) if (careCodes.has(m.code) && m.dagtekening > latest) latest = m.dagtekening;
  const peildatum = monthLast(monthIndex(latest));

  const periods = plan.assignments.flatMap(periodsOf);
  const money = declare(plan.moneyRng, periods, plan.rangeEnd);
  // In date order, so each sender's Identificatie grows over time as in real traffic (stable sort: deterministic).
  const messages = [...care, ...money.messages].sort((a, b) => a.dagtekening - b.dagtekening);
  const heads = new Map<Message, Head>(
    messages.map((m, i) => [m, { code: m.code, afzender: m.afzender, ontvanger: m.ontvanger, id: String(i + 1).padStart(10, '0'), dagtekening: iso(m.dagtekening) }]),
  );
  const headOf = (m: Message): Head => heads.get(m)!;

  const byCode: Record<string, number> = {};
  const madeDirs = new Set<string>();
  for (const m of messages) {
    const head = headOf(m);
    const dir = join(outDir, monthKey(monthIndex(m.dagtekening)));
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(join(dir, `${m.code}-${m.afzender}-${head.id}.xml`), m.render(head, headOf));
    byCode[m.code] = (byCode[m.code] ?? 0) + 1;
  }

  const planted: Record<string, string[]> = {};
  for (const p of plan.planted) (planted[p.name] ??= []).push(p.child.bsn);
  const truth: Truth = {
    seed: options.seed,
    scale: options.scale,
    start: iso(plan.rangeStart),
    end: iso(plan.rangeEnd),
    peildatum: iso(peildatum),
    files: messages.length + 1,
    messages: messages.length,
    messagesByCode: Object.fromEntries(Object.entries(byCode).sort()),
    planted,
    providers: plan.providers.map((p) => ({ agb: p.agb, name: p.name })),
    children: plan.children.map((c) => ({ bsn: c.bsn, birth: iso(c.birth).slice(0, 7), gender: c.gender })),
    periods: periods.map((p) => {
      const a = p.assignment;
      return { bsn: a.child.bsn, municipality: a.municipality, provider: a.provider, nr: a.nr, category: a.category, code: a.code, start: iso(p.start), end: p.end === null ? null : iso(p.end), endReason: p.endReason };
    }),
    assignments: plan.assignments.map((a) => {
      const win = winning(a);
      return {
        municipality: a.municipality, provider: a.provider, bsn: a.child.bsn, nr: a.nr, category: a.category, code: a.code, start: iso(a.start),
        end: win.end === null ? null : iso(win.end), started: a.starts.some((s) => s.retractedOn === undefined), deleted: win.reason === '13', versions: a.versions.length,
        assignedOn: iso(win.date), requested: a.request ? iso(a.request.sent) : null,
      };
    }),
    lines: money.lines,
    ...(plan.stepped ? { stepped: { year: plan.stepped.year, highest: plan.stepped.highest, prospective: plan.stepped.prospective.map((c) => c.bsn) } } : {}),
    ...(plan.signal ? { signal: signalTruth(plan.signal) } : {}),
    ...(plan.shift ? { shift: { year: plan.shift.year, moved: plan.shift.moved.map((c) => c.bsn), newAmbulant: plan.shift.newAmbulant.map((c) => c.bsn) } } : {}),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify(truth)}\n`);
  if (options.schools) {
    const first = Number(iso(plan.rangeStart).slice(0, 4));
    writeSchools(outDir, { seed: options.seed, scale: options.scale, children: plan.children, periods: periods.map((p) => ({ bsn: p.assignment.child.bsn, start: p.start, end: p.end })), peildatum, firstYear: first, lastYear: Number(iso(plan.rangeEnd).slice(0, 4)) });
  }
  return { files: messages.length + 1, messages: messages.length, children: plan.children.length };
}

/** CLI entry: `spiegel generate --out DIR --scale N [--seed S]`. Returns the exit code. */
export async function runGenerate(options: { out: string; scale: string | number; seed?: string | number }): Promise<number> {
  const scale = Number(options.scale);
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!options.out || !Number.isFinite(scale) || scale <= 0 || scale > 20) {
    process.stderr.write('generate: --out DIR and --scale N (0 < N ≤ 20) are required\n');
    return 2;
  }
  if (!Number.isInteger(seed) || seed < 0) {
    process.stderr.write('generate: --seed must be a non-negative integer\n');
    return 2;
  }
  try {
    const r = await writeRegion(options.out, { seed, scale });
    process.stdout.write(`generated ${r.messages} messages for ${r.children} children in ${options.out} (seed ${seed}, scale ${scale}); ground truth in truth.json\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

// The synthetic region: deterministic per seed, XSD-valid, and every planted edge case present in both the
// messages and truth.json.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGenerate, truthPivot, writeRegion, type Truth, type TruthPeriod } from '../../data/generate/index.js';

const XSD = new URL('../../data/import/xsd/', import.meta.url);
const SEED = 20251231;
const SCALE = 0.01;

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'spiegel-gen-'));
  dirs.push(d);
  return d;
}

function listFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(root, join(rel, e.name)) : [join(rel, e.name)]))
    .sort();
}

function treeHash(root: string): string {
  const h = createHash('sha256');
  for (const f of listFiles(root)) h.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}

interface Msg {
  file: string;
  code: string;
  text: string;
  bsn: string[];
}

const tag = (text: string, name: string): string[] => [...text.matchAll(new RegExp(`<[a-z0-9]+:${name}>([^<]*)</`, 'g'))].map((m) => m[1]!);

let out = '';
let truth: Truth;
let messages: Msg[] = [];
let summary: { files: number; messages: number; children: number };

beforeAll(async () => {
  out = tempDir();
  summary = await writeRegion(out, { seed: SEED, scale: SCALE });
  truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as Truth;
  messages = listFiles(out)
    .filter((f) => f.endsWith('.xml'))
    .map((file) => {
      const text = readFileSync(join(out, file), 'utf8');
      return { file, code: file.split('/').pop()!.slice(0, 5), text, bsn: tag(text, 'Bsn') };
    });
}, 120_000);

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('writeRegion', () => {
  it('writes the announced files in YYYY-MM folders and a truth.json', () => {
    expect(messages.length).toBe(summary.messages);
    expect(summary.files).toBe(summary.messages + 1);
    for (const m of messages) expect(m.file).toMatch(/^\d{4}-\d{2}\/JW3(01|05|07|15|23|25)-\d{4,8}-\d{10}\.xml$/);
    expect(new Set(messages.map((m) => m.code))).toEqual(new Set(['JW301', 'JW305', 'JW307', 'JW315', 'JW323', 'JW325']));
    expect(truth.peildatum).toBe('2025-12-31');
    expect(truth.children.length).toBe(summary.children);
  });

  it('is byte-identical for the same seed and scale, and different for another seed', async () => {
    const again = tempDir();
    await writeRegion(again, { seed: SEED, scale: SCALE });
    expect(treeHash(again)).toBe(treeHash(out));
    const other = tempDir();
    await writeRegion(other, { seed: SEED + 1, scale: SCALE });
    expect(treeHash(other)).not.toBe(treeHash(out));
  }, 120_000);

  it('gives every child a distinct test BSN that passes the 11-test', () => {
    const bsns = truth.children.map((c) => c.bsn);
    expect(new Set(bsns).size).toBe(bsns.length);
    for (const b of bsns) {
      const d = b.split('').map(Number);
      expect(b).toMatch(/^999\d{6}$/);
      expect((d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - d[8]!) % 11).toBe(0);
    }
  });

  it('keeps message identities and declaration line identities unique', () => {
    const ids = messages.map((m) => `${m.code}|${tag(m.text, 'Afzender')[0]}|${m.text.match(/<ijw:Identificatie>([^<]*)</)![1]}`);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = truth.lines.map((l) => `${l.provider}|${l.ref}`);
    expect(new Set(refs).size).toBe(refs.length);
    for (const l of truth.lines) expect(l.periodStart.slice(0, 7)).toBe(l.periodEnd.slice(0, 7));
    expect(truth.lines.some((l) => l.amount < 0 && l.prevRef)).toBe(true);
    expect(new Set(truth.lines.map((l) => l.status))).toEqual(new Set(['approved', 'rejected', 'pending']));
  });

  it('answers each JW323 at most once, naming it by Identificatie and Dagtekening and its DeclaratieNummer', () => {
    const claims = new Map<string, Msg>();
    for (const m of messages.filter((x) => x.code === 'JW323')) {
      claims.set(`${tag(m.text, 'Afzender')[0]}|${tag(m.text, 'Identificatie')[0]}|${tag(m.text, 'Dagtekening')[0]}`, m);
    }
    const answered = new Set<string>();
    for (const m of messages.filter((x) => x.code === 'JW325')) {
      const ids = tag(m.text, 'Identificatie');
      const days = tag(m.text, 'Dagtekening');
      const key = `${tag(m.text, 'Ontvanger')[0]}|${ids[1]}|${days[1]}`;
      const claim = claims.get(key);
      expect(claim, key).toBeDefined();
      expect(answered.has(key)).toBe(false);
      answered.add(key);
      expect(days[0]! >= days[1]!).toBe(true);
      const nr = tag(m.text, 'DeclaratieNummer')[0];
      if (nr !== undefined) expect(nr).toBe(tag(claim!.text, 'DeclaratieNummer')[0]);
    }
    // The last two months are still pending: declarations without an answer.
    expect(answered.size).toBeLessThan(claims.size);
  });

  it('validates every message against its iJw 3.2 XSD', async () => {
    const base = { fileName: 'basisschema.xsd', contents: readFileSync(new URL('basisschema.xsd', XSD), 'utf8') };
    const byCode = new Map<string, Msg[]>();
    for (const m of messages) byCode.set(m.code, [...(byCode.get(m.code) ?? []), m]);
    for (const [code, list] of byCode) {
      const schema = { fileName: `${code}.xsd`, contents: readFileSync(new URL(`${code}.xsd`, XSD), 'utf8') };
      for (let i = 0; i < list.length; i += 1500) {
        const chunk = list.slice(i, i + 1500);
        const result = await validateXML({
          xml: chunk.map((m, k) => ({ fileName: `m${k}.xml`, contents: m.text })),
          schema,
          preload: base,
          maxMemoryPages: memoryPages.GiB,
        });
        const firstError = result.errors[0];
        expect(firstError ? `${code} ${chunk[Number(firstError.loc?.fileName.slice(1, -4))]?.file}: ${firstError.rawMessage}` : '').toBe('');
        expect(result.valid).toBe(true);
      }
    }
  }, 180_000);

  it('runGenerate refuses bad arguments', async () => {
    expect(await runGenerate({ out: '', scale: 1 })).toBe(2);
    expect(await runGenerate({ out: tempDir(), scale: 'x' })).toBe(2);
    expect(await runGenerate({ out: out, scale: 0.01 })).toBe(1); // not empty
  });
});

describe('planted edge cases', () => {
  const only = (name: string): string => {
    const bsns = truth.planted[name];
    expect(bsns, name).toBeDefined();
    return bsns![0]!;
  };
  const periodsOf = (bsn: string): TruthPeriod[] => truth.periods.filter((p) => p.bsn === bsn).sort((a, b) => (a.start < b.start ? -1 : 1));
  const filesOf = (bsn: string, code: string) => messages.filter((m) => m.code === code && m.bsn.includes(bsn));
  const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

  it('plants every case', () => {
    expect(Object.keys(truth.planted).sort()).toEqual(
      ['assignedNotStarted', 'concurrent', 'deleted', 'intrekking', 'moved', 'openAtPeildatum', 'retractedStart', 'returnAfter2Years', 'returnAfter6Years', 'steppedCare10', 'steppedCare4', 'stopAfterShortenedEnd', 'temporaryStop', 'touchingOverlapping'].sort(),
    );
  });

  it('retracted start: a JW305 with StatusAanlevering 3, the period runs from the corrected start', () => {
    const bsn = only('retractedStart');
    const starts = filesOf(bsn, 'JW305');
    const retracted = starts.filter((m) => tag(m.text, 'StatusAanlevering')[0] === '3');
    expect(retracted).toHaveLength(1);
    const wrong = tag(retracted[0]!.text, 'Begindatum')[0]!;
    const [p] = periodsOf(bsn);
    expect(periodsOf(bsn)).toHaveLength(1);
    expect(p!.start).not.toBe(wrong);
    expect(starts.some((m) => tag(m.text, 'StatusAanlevering')[0] === '1' && tag(m.text, 'Begindatum')[0] === p!.start)).toBe(true);
  });

  it('temporary stop (20) then a definitive stop ends the period at the definitive stop', () => {
    const bsn = only('temporaryStop');
    const reasons = filesOf(bsn, 'JW307').map((m) => [tag(m.text, 'RedenBeeindiging')[0], tag(m.text, 'Einddatum')[0]]);
    expect(reasons.map((r) => r[0]).sort()).toEqual(['20', '31']);
    expect(periodsOf(bsn).map((p) => p.end)).toEqual([reasons.find((r) => r[0] === '31')![1]]);
  });

  it('intrekking: a later JW301 version shortens the Einddatum, and the period with it', () => {
    const bsn = only('intrekking');
    const versions = filesOf(bsn, 'JW301').map((m) => ({ end: tag(m.text, 'Einddatum')[0]!, reason: tag(m.text, 'RedenWijziging')[0] }));
    expect(versions).toHaveLength(2);
    const shortened = versions.find((v) => v.reason === '05')!;
    expect(shortened.end < versions.find((v) => v.reason === undefined)!.end).toBe(true);
    expect(periodsOf(bsn).map((p) => p.end)).toEqual([shortened.end]);
  });

  it('a stop after a shortened end: the period ends at the shortened Einddatum', () => {
    const bsn = only('stopAfterShortenedEnd');
    const stopEnd = tag(filesOf(bsn, 'JW307')[0]!.text, 'Einddatum')[0]!;
    const [p] = periodsOf(bsn);
    expect(p!.end! < stopEnd).toBe(true);
    expect(filesOf(bsn, 'JW301').some((m) => tag(m.text, 'Einddatum')[0] === p!.end)).toBe(true);
  });

  it('deletion (RedenWijziging 13): started, but no care period and the assignment is deleted', () => {
    const bsn = only('deleted');
    expect(filesOf(bsn, 'JW301').some((m) => tag(m.text, 'RedenWijziging')[0] === '13')).toBe(true);
    expect(filesOf(bsn, 'JW305')).toHaveLength(1);
    expect(periodsOf(bsn)).toEqual([]);
    expect(truth.assignments.filter((a) => a.bsn === bsn).map((a) => a.deleted)).toEqual([true]);
  });

  it('assigned but never started: a JW301 and no JW305, no period', () => {
    const bsn = only('assignedNotStarted');
    expect(filesOf(bsn, 'JW301')).toHaveLength(1);
    expect(filesOf(bsn, 'JW305')).toHaveLength(0);
    expect(periodsOf(bsn)).toEqual([]);
    expect(truth.assignments.filter((a) => a.bsn === bsn).map((a) => a.started)).toEqual([false]);
  });

  it('touching and overlapping periods at one provider merge into one trajectory', () => {
    const bsn = only('touchingOverlapping');
    const ps = periodsOf(bsn);
    expect(ps).toHaveLength(3);
    expect(new Set(ps.map((p) => p.provider)).size).toBe(1);
    expect(daysBetween(ps[0]!.end!, ps[1]!.start)).toBe(1);
    expect(ps[2]!.start < ps[1]!.end!).toBe(true);
    const sub: Truth = { ...truth, children: truth.children.filter((c) => c.bsn === bsn), periods: ps, lines: [] };
    expect(truthPivot(sub, { rows: [], cols: [], measures: ['clients', 'trajectories'] }).grandTotal).toEqual([1, 1]);
  });

  it('moved: care in two municipalities, the JW301s carry a postcode in each', () => {
    const bsn = only('moved');
    expect(new Set(periodsOf(bsn).map((p) => p.municipality))).toEqual(new Set(['0228', '0345']));
    const senders = new Set(filesOf(bsn, 'JW301').map((m) => tag(m.text, 'Afzender')[0]));
    expect(senders).toEqual(new Set(['0228', '0345']));
  });

  it('returns after 2 and after 6 years', () => {
    for (const [name, years] of [['returnAfter2Years', 2], ['returnAfter6Years', 6]] as const) {
      const ps = periodsOf(only(name));
      expect(ps).toHaveLength(2);
      const gap = daysBetween(ps[0]!.end!, ps[1]!.start) / 365.25;
      expect(gap).toBeGreaterThan(years - 1);
      expect(gap).toBeLessThan(years + 0.5);
    }
  });

  it('stepped care: 4 and 10 successive trajectories', () => {
    for (const [name, n] of [['steppedCare4', 4], ['steppedCare10', 10]] as const) {
      const ps = periodsOf(only(name));
      expect(ps).toHaveLength(n);
      for (let i = 1; i < n; i++) expect(ps[i]!.start > ps[i - 1]!.end!).toBe(true);
    }
  });

  it('concurrent trajectories at two providers, and open care at the peildatum', () => {
    const ps = periodsOf(only('concurrent'));
    expect(ps).toHaveLength(2);
    expect(ps[0]!.provider).not.toBe(ps[1]!.provider);
    expect(ps[1]!.start <= ps[0]!.end!).toBe(true);
    expect(periodsOf(only('openAtPeildatum')).map((p) => p.end)).toEqual([null]);
  });

  it('every planted care period is declared, and every declaration line belongs to a planned period', () => {
    const key = (bsn: string, nr: number) => `${bsn}|${nr}`;
    const periods = new Map(truth.periods.map((p) => [key(p.bsn, p.nr), p]));
    for (const l of truth.lines) {
      const p = periods.get(key(l.bsn, l.nr));
      expect(p, l.ref).toBeDefined();
      expect(l.periodStart >= p!.start && (p!.end === null || l.periodEnd <= p!.end)).toBe(true);
    }
    const claimed = new Set(truth.lines.map((l) => l.bsn));
    expect(claimed.has(only('touchingOverlapping'))).toBe(true);
  });
});

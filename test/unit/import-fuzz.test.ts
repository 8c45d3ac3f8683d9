// Fuzzing the importer: thousands of seeded mutations of the official examples and of generated messages
// (byte flips, truncations, element duplication and removal, huge text, deep nesting, random Unicode,
// DOCTYPE and entity injections, …) go through importFiles in batches. Nothing crashes or hangs, every
// file gets a report entry (a rejected one with a reason), the database stays consistent, and nothing
// of a rejected file is stored.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion } from '../../data/generate/region.js';
import { openDatabase } from '../../data/db/open.js';
import { importFiles, type ImportInput } from '../../data/import/importer.js';
import { EXAMPLE_CODES, exampleText } from '../fixtures/import/examples.js';
import { prng } from '../fixtures/prng.js';

// npm test runs 3 batches (300 mutants); `npm run fuzz` runs the full 2,000 (FUZZ_BATCHES=20).
const BATCHES = Number(process.env.FUZZ_BATCHES ?? 3);
const PER_BATCH = 100;
/** A batch that takes longer than this counts as a hang (normal batches take well under a few seconds). */
const BATCH_LIMIT_MS = 20_000;


type Rng = () => number;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const enc = new TextEncoder();
const dec = new TextDecoder();

/** Leaf elements (<x>text</x>) of a message, as [start, end] offsets. */
function leaves(text: string): [number, number][] {
  return [...text.matchAll(/<([A-Za-z][\w.:-]*)(\s[^>]*)?>[^<]*<\/\1>/g)].map((m) => [m.index, m.index + m[0].length]);
}
/** Any complete element, nested or not (a start tag with its matching end tag, naively). */
function elementAt(r: Rng, text: string): [number, number] | null {
  const starts = [...text.matchAll(/<([A-Za-z][\w.:-]*)[\s>]/g)].slice(1); // not the root
  if (starts.length === 0) return null;
  const m = pick(r, starts);
  const close = text.indexOf(`</${m[1]}>`, m.index);
  return close < 0 ? null : [m.index, close + m[1]!.length + 3];
}
const splice = (s: string, at: number, del: number, ins: string) => s.slice(0, at) + ins + s.slice(at + del);
/** Random code points (lone surrogates become U+FFFD when encoded) and characters XML treats specially. */
function randomUnicode(r: Rng, n: number): string {
  const pool = ['\u0000', '\u0001', '\u0008', '\uFFFE', '\uFFFF', '\uD800', '\u202E', '\u200B', '\uFEFF', 'é', 'ß', '中', '😀', '&', '<', '>', '"', "'", ']]>', '&amp;', '&#0;', '&#x1F600;', '&#xD800;'];
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.6 ? pick(r, pool) : String.fromCodePoint(int(r, 0, 0x10ffff));
  return s;
}

type Mutator = (r: Rng, text: string) => string | Uint8Array;
const MUTATORS: Record<string, Mutator> = {
  flip: (r, text) => {
    const b = enc.encode(text);
    for (let i = int(r, 1, 6); i > 0; i--) b[int(r, 0, b.length - 1)]! ^= 1 << int(r, 0, 7);
    return b;
  },
  truncate: (r, text) => enc.encode(text).slice(0, int(r, 0, enc.encode(text).length - 1)),
  duplicate: (r, text) => {
    const e = elementAt(r, text);
    return e ? splice(text, e[1], 0, text.slice(e[0], e[1]).repeat(int(r, 1, 3))) : text;
  },
  remove: (r, text) => {
    const e = elementAt(r, text);
    return e ? splice(text, e[0], e[1] - e[0], '') : text;
  },
  leafValue: (r, text) => {
    const ls = leaves(text);
    if (ls.length === 0) return text;
    const [s, e] = pick(r, ls);
    const open = text.indexOf('>', s) + 1;
    const close = text.lastIndexOf('</', e);
    const value = pick(r, ['', ' ', '-1', '0', '99999999999999999999', '2025-02-30', '9999-99-99', 'abc', '1e9', '00000000', randomUnicode(r, 5)]);
    return splice(text, open, close - open, value);
  },
  hugeText: (r, text) => {
    const ls = leaves(text);
    if (ls.length === 0) return text;
    const [s] = pick(r, ls);
    const open = text.indexOf('>', s) + 1;
    return splice(text, open, 0, 'x'.repeat(int(r, 100_000, 2_000_000)));
  },
  deepNest: (r, text) => {
    const ls = leaves(text);
    if (ls.length === 0) return text;
    const [s] = pick(r, ls);
    const open = text.indexOf('>', s) + 1;
    const depth = int(r, 100, 20_000);
    return splice(text, open, 0, '<a>'.repeat(depth) + '</a>'.repeat(depth));
  },
  unicode: (r, text) => splice(text, int(r, 0, text.length), 0, randomUnicode(r, int(r, 1, 20))),
  invalidUtf8: (r, text) => {
    const b = enc.encode(text);
    const at = int(r, 0, b.length);
    const bad = pick(r, [[0xc0], [0xff], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]);
    return new Uint8Array([...b.slice(0, at), ...bad, ...b.slice(at)]);
  },
  doctype: (r, text) => {
    const decl = /^<\?xml[^>]*\?>/.exec(text)?.[0] ?? '';
    const dtd = pick(r, [
      '<!DOCTYPE Bericht [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE Bericht [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
      '<!DOCTYPE Bericht SYSTEM "http://127.0.0.1:9/evil.dtd">',
      '<!DOCTYPE Bericht [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>',
    ]);
    let out = splice(text, decl.length, 0, dtd);
    const ls = leaves(out);
    if (ls.length > 0 && r() < 0.7) {
      const [s] = pick(r, ls);
      out = splice(out, out.indexOf('>', s) + 1, 0, '&x;');
    }
    return out;
  },
  entityRef: (r, text) => {
    const ls = leaves(text);
    if (ls.length === 0) return text;
    const [s] = pick(r, ls);
    return splice(text, text.indexOf('>', s) + 1, 0, pick(r, ['&x;', '&lt;', '&#65;', '&#x110000;', '&#;', '&amp', '<![CDATA[x]]>', '<!-- c -->', '<?pi x?>']));
  },
  header: (r, text) =>
    pick(r, [
      () => text.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="ISO-8859-1"?>'),
      () => text.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.1" encoding="UTF-8"?>'),
      () => '\uFEFF' + text,
      () => '   \n' + text,
      () => text.replace(/ijw\/3_2\/jw(\d{3})/g, 'ijw/3_2/jw999'),
      () => text.replace(/ijw\/3_2\/jw(\d{3})/, 'ijw/3_1/jw$1'),
      () => text.replace(/<(\w+:)?Bericht/, '<$1Berichten'),
      () => text + '<extra/>',
      () => text + text,
    ])(),
  attribute: (r, text) => {
    const ls = leaves(text);
    if (ls.length === 0) return text;
    const [s] = pick(r, ls);
    const end = text.indexOf('>', s);
    return splice(text, end, 0, pick(r, [' x="1"', ' xsi:nil="true"', ' xmlns="urn:evil"', ' a="1" a="2"', ' xml:space="preserve"']));
  },
};
const MUTATOR_NAMES = Object.keys(MUTATORS);

let work: string;
let db: Database.Database;
let seeds: { name: string; text: string }[];
const key = randomBytes(32);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'spiegel-fuzz-'));
  const region = join(work, 'region');
  await writeRegion(region, { seed: 5, scale: 0.001 });
  // A spread of generated messages of every type the generator writes, beside the official examples.
  const generated: { name: string; text: string }[] = [];
  const byCode = new Map<string, string[]>();
  for (const month of readdirSync(region).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort()) {
    for (const f of readdirSync(join(region, month)).sort()) {
      const code = f.slice(0, 5);
      const list = byCode.get(code) ?? [];
      list.push(join(region, month, f));
      byCode.set(code, list);
    }
  }
  for (const [code, files] of byCode) {
    for (let i = 0; i < 8 && i < files.length; i++) {
      const file = files[Math.floor((i * files.length) / 8)]!;
      generated.push({ name: `${code}-gen${i}`, text: readFileSync(file, 'utf8') });
    }
  }
  seeds = [...EXAMPLE_CODES.map((c) => ({ name: `${c}-example`, text: exampleText(c) })), ...generated];
  db = openDatabase(join(work, 'fuzz.db'));
}, 60_000);

afterAll(() => {
  db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function mutants(batch: number): ImportInput[] {
  const r = prng(1000 + batch);
  const inputs: ImportInput[] = [];
  for (let i = 0; i < PER_BATCH; i++) {
    const seed = pick(r, seeds);
    let out: string | Uint8Array = seed.text;
    const applied: string[] = [];
    // Mostly one mutation, sometimes a few stacked.
    for (let k = r() < 0.75 ? 1 : int(r, 2, 4); k > 0; k--) {
      const name = pick(r, MUTATOR_NAMES);
      applied.push(name);
      out = MUTATORS[name]!(r, typeof out === 'string' ? out : dec.decode(out));
    }
    inputs.push({ name: `b${batch}-${i}-${seed.name}-${applied.join('+')}.xml`, bytes: typeof out === 'string' ? enc.encode(out) : out });
  }
  return inputs;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms (hang)`)), ms))),
  ]);
}

describe('importer fuzz', () => {
  it(`survives ${BATCHES * PER_BATCH} mutated messages in ${BATCHES} batches`, async () => {
    // The unmutated seeds first, so later mutants also meet duplicates and conflicts.
    await importFiles(db, seeds.map((s) => ({ name: s.name, bytes: enc.encode(s.text) })), { key, appVersion: 'fuzz' });
    const statuses: Record<string, number> = {};
    for (let batch = 0; batch < BATCHES; batch++) {
      const inputs = mutants(batch);
      const t0 = performance.now();
      const report = await withTimeout(importFiles(db, inputs, { key, appVersion: 'fuzz' }), BATCH_LIMIT_MS, `batch ${batch}`);

      if (process.env.FUZZ_LOG) console.log(`batch ${batch}: ${Math.round(performance.now() - t0)} ms`);
      expect(report.batchId).not.toBeNull();
      expect(report.files.map((f) => f.name)).toEqual(inputs.map((i) => i.name));
      const stored = new Map(
        (db.prepare('SELECT id, name, status, messages FROM import_file WHERE batch_id = ?').all(report.batchId) as { id: number; name: string; status: string; messages: number }[]).map(
          (row) => [row.name, row],
        ),
      );
      for (const f of report.files) {
        statuses[f.status] = (statuses[f.status] ?? 0) + 1;
        expect(['imported', 'duplicate', 'rejected', 'unsupported'], f.name).toContain(f.status);
        const row = stored.get(f.name);
        expect(row, `${f.name} has an import_file row`).toBeDefined();
        expect(row!.status, f.name).toBe(f.status);
        if (f.status === 'rejected') {
          expect(f.errors.length, `${f.name} says why it was rejected`).toBeGreaterThan(0);
          for (const e of f.errors) expect(e.reason.trim(), f.name).not.toBe('');
          expect(f.messages).toBe(0);
          const leftovers = (db.prepare(
            `SELECT (SELECT COUNT(*) FROM message WHERE file_id = @id) + (SELECT COUNT(*) FROM message_conflict WHERE file_id = @id)
                  + (SELECT COUNT(*) FROM line_conflict WHERE file_id = @id) + (SELECT COUNT(*) FROM import_warning WHERE file_id = @id) AS n`,
          ).get({ id: row!.id }) as { n: number }).n;
          expect(leftovers, `nothing of rejected ${f.name} is stored`).toBe(0);
        }
      }
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const orphans = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(orphans("SELECT COUNT(*) AS n FROM message m JOIN import_file f ON f.id = m.file_id WHERE f.status <> 'imported'")).toBe(0);
    for (const t of ['assignment_version', 'care_start', 'care_stop', 'declaration', 'declaration_answer']) {
      expect(orphans(`SELECT COUNT(*) AS n FROM ${t} x LEFT JOIN message m ON m.id = x.message_id WHERE m.id IS NULL`), t).toBe(0);
    }
    // The mutants must exercise both sides: many rejected, and some still valid enough to be stored or skipped.
    expect(statuses.rejected ?? 0).toBeGreaterThan(BATCHES * PER_BATCH * 0.3);
    expect((statuses.imported ?? 0) + (statuses.duplicate ?? 0)).toBeGreaterThan(0);
  }, 300_000);
});

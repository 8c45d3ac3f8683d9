// Timing and memory helpers of the pivot benchmark.
import { cpus, loadavg, totalmem } from 'node:os';
import type { Table } from 'apache-arrow';
import type { FactStore } from '../../core/pivot/store.js';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

export function geomean(xs: readonly number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/** Milliseconds of each of `runs` calls. */
export async function timeRuns(runs: number, f: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

const gc = (globalThis as { gc?: () => void }).gc;
export const canCollect = typeof gc === 'function';

/** Resident set size after a full collection (when node runs with --expose-gc). */
export function settledRss(): number {
  if (gc) for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().rss;
}

/** Bytes of the Arrow buffers of a table (values, offsets, validity, dictionaries). */
function tableBytes(table: Table): number {
  let bytes = 0;
  const seen = new Set<unknown>();
  for (const field of table.schema.fields) {
    for (const data of table.getChild(field.name)!.data) {
      const dict = data.dictionary?.data[0];
      for (const buf of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds, dict?.values, dict?.valueOffsets]) {
        if (!buf || seen.has(buf)) continue; // a dictionary shared by the tiled copies counts once
        seen.add(buf);
        bytes += buf.byteLength;
      }
    }
  }
  return bytes;
}

export function storeBytes(store: FactStore): { facts: number; other: number } {
  const other = [store.clients, store.periods, store.trajectories, store.lines, store.assignments].reduce((n, t) => n + tableBytes(t), 0);
  return { facts: tableBytes(store.facts), other };
}

export function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

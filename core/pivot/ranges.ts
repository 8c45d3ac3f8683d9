// Which fact rows a query reads. Rows are sorted by child, then kind, so each child's care, money and
// assignment rows are three neighbouring runs; a query that needs only care rows reads only the care runs
// (about a third of the store) instead of skipping the others row by row.
import { numbers } from './columns.js';
import type { FactStore } from './store.js';

const offsetsOf = new WeakMap<FactStore, Int32Array>();

/** Per child c and kind k, the first row: o[c * 3 + k]; o[clients * 3] = rows. An index over the store,
 *  built once like a database index, not a cache of any result. */
export function kindOffsets(store: FactStore): Int32Array {
  let o = offsetsOf.get(store);
  if (o) return o;
  const n = store.facts.numRows;
  const kind = numbers<Uint8Array>(store.facts, 'kind');
  const client = numbers<Int32Array>(store.facts, 'client');
  const clients = n === 0 ? 0 : client[n - 1]! + 1;
  o = new Int32Array(clients * 3 + 1);
  // Walk backwards so a child or kind without rows starts where the next one does.
  let next = n;
  let r = n - 1;
  for (let x = clients * 3 - 1; x >= 0; x--) {
    const c = Math.floor(x / 3);
    const k = x % 3;
    while (r >= 0 && (client[r]! > c || (client[r] === c && kind[r]! >= k))) next = r--;
    o[x] = next;
  }
  o[clients * 3] = n;
  offsetsOf.set(store, o);
  return o;
}

/** [start, end) pairs of the rows of the needed kinds, in row order, neighbouring runs merged. */
export function rowRanges(store: FactStore, kinds: readonly [boolean, boolean, boolean]): Int32Array {
  const n = store.facts.numRows;
  if (kinds[0] && kinds[1] && kinds[2]) return Int32Array.of(0, n);
  const o = kindOffsets(store);
  const clients = (o.length - 1) / 3;
  const out = new Int32Array(clients * 4);
  const k0 = kinds[0] ? 1 : 0;
  const k1 = kinds[1] ? 1 : 0;
  const k2 = kinds[2] ? 1 : 0;
  let w = 0;
  const add = (s: number, e: number) => {
    if (s === e) return;
    if (w > 0 && out[w - 1] === s) out[w - 1] = e;
    else {
      out[w++] = s;
      out[w++] = e;
    }
  };
  for (let c = 0; c < clients; c++) {
    const b = c * 3;
    if (k0) add(o[b]!, o[b + 1]!);
    if (k1) add(o[b + 1]!, o[b + 2]!);
    if (k2) add(o[b + 2]!, o[b + 3]!);
  }
  return out.subarray(0, w);
}

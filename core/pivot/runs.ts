// An index over the fact store, built once per store like a database index (never a cache of a result):
// per child and kind, where its rows start; and the runs of care and assignment rows. A run is a record's
// rows over consecutive months (a care period or an assignment × the months it runs in): every dimension
// stored on a row is a property of its record, so the scan reads a run's dimensions once and only walks
// its months when the query groups or filters by time. Money rows (one per declaration line) form a run
// while their stored dimensions stay the same (a child's monthly lines for one assignment); each money run
// keeps its sums, so a query without time reads one entry per run instead of ten rows.
import { numbers } from './columns.js';
import { kindOffsets } from './ranges.js';
import { KIND, ROW_DIMENSIONS, STATUS, type FactStore } from './store.js';

export interface RunIndex {
  /** Per child c and kind k, the first row: rows[c * 3 + k]; rows[clients * 3] = number of rows. */
  rows: Int32Array;
  /** Care runs: first row of each run, in row order; child c's runs are careRuns[careOf[c] .. careOf[c + 1]). */
  careRuns: Int32Array;
  careOf: Int32Array;
  /** The same for assignment rows. */
  asgRuns: Int32Array;
  asgOf: Int32Array;
  /** Money runs (rows with the same stored dimensions), as above, with per run the sums of its amounts
   *  (claimed, approved, pending, in eurocent) and whether it has an approved debit line (amount > 0). */
  moneyRuns: Int32Array;
  moneyOf: Int32Array;
  claimed: Sums;
  approved: Sums;
  pending: Sums;
  approvedDebit: Uint8Array;
  /** Per run what the scan reads of its first row, gathered so a scan reads run after run instead of
   *  one row in ten of the fact columns: the stored dimension codes (fact column → run column), the first
   *  month (care, assignments), the trajectory (care) and the assignment (assignments). */
  careDims: RunColumns;
  asgDims: RunColumns;
  moneyDims: RunColumns;
  careMonth: Uint16Array;
  asgMonth: Uint16Array;
  careTraj: Int32Array;
  asgRecord: Int32Array;
  /** Smallest and largest month index in the store (0 and -1 when empty). */
  minMonth: number;
  maxMonth: number;
}

export type RunColumns = Map<ArrayLike<number>, ArrayLike<number>>;
/** Eurocent sums: Int32 when every one fits (half the memory), else Float64 (exact up to 2^53). */
type Sums = Int32Array | Float64Array;

const compact = (sums: Float64Array): Sums => (sums.every((v) => v >= -(2 ** 31) && v < 2 ** 31) ? Int32Array.from(sums) : sums);

const indexes = new WeakMap<FactStore, RunIndex>();

type Typed = Int8Array | Int16Array | Uint16Array | Int32Array;

/** Values of a fact column at the given rows, in an array of its own type. */
function gather<T extends ArrayLike<number>>(column: T, rows: Int32Array): T {
  const out = new ((column as unknown as Typed).constructor as new (n: number) => Typed)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]!]!;
  return out as unknown as T;
}

function runColumns(columns: readonly ArrayLike<number>[], rows: Int32Array): RunColumns {
  return new Map(columns.map((c) => [c, gather(c, rows)]));
}

type SameRun = (r: number) => boolean;

function runsOf(rows: Int32Array, kind: number, same: SameRun): { runs: Int32Array; of: Int32Array } {
  const clients = (rows.length - 1) / 3;
  const of = new Int32Array(clients + 1);
  let count = 0;
  const starts: number[] = [];
  for (let c = 0; c < clients; c++) {
    of[c] = count;
    const end = rows[c * 3 + kind + 1]!;
    for (let r = rows[c * 3 + kind]!; r < end; r++) {
      if (r === rows[c * 3 + kind] || !same(r)) {
        starts.push(r);
        count++;
      }
    }
  }
  of[clients] = count;
  return { runs: Int32Array.from(starts), of };
}

export function runIndex(store: FactStore): RunIndex {
  let x = indexes.get(store);
  if (x) return x;
  const rows = kindOffsets(store);
  const f = store.facts;
  const record = numbers<Int32Array>(f, 'record');
  const month = numbers<Uint16Array>(f, 'month');
  // Care and assignment runs: the same record over consecutive months.
  const sameRecord: SameRun = (r) => record[r] === record[r - 1] && month[r] === month[r - 1]! + 1;
  const care = runsOf(rows, KIND.care, sameRecord);
  const asg = runsOf(rows, KIND.assignment, sameRecord);
  const dims = ROW_DIMENSIONS.map((d) => numbers<Int16Array>(f, d));
  const money = runsOf(rows, KIND.money, (r) => dims.every((d) => d[r] === d[r - 1]));
  const sums = moneySums(store, rows, money.runs, money.of);
  let minMonth = month.length ? 0xffff : 0;
  let maxMonth = month.length ? 0 : -1;
  for (let i = 0; i < month.length; i++) {
    const m = month[i]!;
    if (m < minMonth) minMonth = m;
    if (m > maxMonth) maxMonth = m;
  }
  const trajectory = numbers<Int32Array>(store.periods, 'trajectory');
  const careTraj = Int32Array.from(gather(record, care.runs), (p) => trajectory[p]!);
  x = {
    rows, careRuns: care.runs, careOf: care.of, asgRuns: asg.runs, asgOf: asg.of, moneyRuns: money.runs, moneyOf: money.of, ...sums,
    careDims: runColumns(dims, care.runs), asgDims: runColumns(dims, asg.runs), moneyDims: runColumns(dims, money.runs),
    careMonth: gather(month, care.runs), asgMonth: gather(month, asg.runs), careTraj, asgRecord: gather(record, asg.runs),
    minMonth, maxMonth,
  };
  indexes.set(store, x);
  return x;
}

function moneySums(store: FactStore, rows: Int32Array, runs: Int32Array, of: Int32Array) {
  const record = numbers<Int32Array>(store.facts, 'record');
  const amount = numbers<Int32Array>(store.lines, 'amount');
  const status = numbers<Uint8Array>(store.lines, 'status');
  const n = runs.length;
  const claimed = new Float64Array(n);
  const approved = new Float64Array(n);
  const pending = new Float64Array(n);
  const approvedDebit = new Uint8Array(n);
  for (let c = 0; c + 1 < of.length; c++) {
    const hi = of[c + 1]!;
    for (let i = of[c]!; i < hi; i++) {
      const end = i + 1 < hi ? runs[i + 1]! : rows[c * 3 + 2]!;
      for (let r = runs[i]!; r < end; r++) {
        const line = record[r]!;
        const amt = amount[line]!;
        claimed[i]! += amt;
        if (status[line] === STATUS.approved) {
          approved[i]! += amt;
          if (amt > 0) approvedDebit[i] = 1;
        } else if (status[line] === STATUS.pending) pending[i]! += amt;
      }
    }
  }
  return { claimed: compact(claimed), approved: compact(approved), pending: compact(pending), approvedDebit };
}

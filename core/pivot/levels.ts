// The groupings one pivot needs: the cells (all row and column dimensions) and every subtotal — each
// prefix of the row dimensions crossed with each prefix of the column dimensions, down to the grand total.
// Group indices are mixed-radix numbers over the dimension codes, so a finest group projects onto any
// coarser level by arithmetic, done once per query into a lookup table.
import type { Level } from './distinct.js';

export const MAX_GROUPS = 1 << 22;

export interface LevelSpec extends Level {
  rowDepth: number; // how many row dimensions this level keeps
  colDepth: number;
  /** Positions (in the query's dimension order, rows then cols) the level keeps. */
  dims: number[];
  strides: number[]; // per kept dimension
}

/** Strides of a mixed-radix index over `cards` (the last dimension varies fastest). */
export function stridesOf(cards: readonly number[]): number[] {
  const strides = new Array<number>(cards.length);
  let s = 1;
  for (let d = cards.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= cards[d]!;
  }
  return strides;
}

export function sizeOf(cards: readonly number[]): number {
  return cards.reduce((a, b) => a * b, 1);
}

/** Levels finest first: (R, C), then every other (rowDepth, colDepth); each with its parent, the level with
 *  one more row dimension (or, with all rows, one more column dimension), which comes before it. */
export function buildLevels(cards: readonly number[], nRows: number, nCols: number): LevelSpec[] {
  const size = sizeOf(cards);
  if (size > MAX_GROUPS) throw new RangeError(`too many combinations (${size}); choose fewer or coarser dimensions`);
  const pairs: [number, number][] = [[nRows, nCols]];
  for (let r = nRows; r >= 0; r--) for (let c = nCols; c >= 0; c--) if (r !== nRows || c !== nCols) pairs.push([r, c]);
  const levels: LevelSpec[] = [];
  const indexOf = (r: number, c: number) => pairs.findIndex(([a, b]) => a === r && b === c);
  pairs.forEach(([rowDepth, colDepth], i) => {
    const dims = [...Array(rowDepth).keys(), ...Array.from({ length: colDepth }, (_, k) => nRows + k)];
    const levelCards = dims.map((d) => cards[d]!);
    const level: LevelSpec = { size: sizeOf(levelCards), proj: null, rowDepth, colDepth, dims, strides: stridesOf(levelCards) };
    if (i > 0) {
      const parent = rowDepth < nRows ? indexOf(rowDepth + 1, colDepth) : indexOf(rowDepth, colDepth + 1);
      level.parent = parent;
      level.up = projection(levels[parent]!, level, cards);
      const fromFine = levels[parent]!.proj;
      level.proj = fromFine ? Int32Array.from(fromFine, (g) => level.up![g]!) : level.up;
    }
    levels.push(level);
  });
  return levels;
}

/** Group of `from` → group of `to`, whose dimensions are a subset of `from`'s. */
function projection(from: LevelSpec, to: LevelSpec, cards: readonly number[]): Int32Array {
  const out = new Int32Array(from.size);
  const at = to.dims.map((d) => from.dims.indexOf(d));
  for (let g = 0; g < from.size; g++) {
    let idx = 0;
    for (let k = 0; k < at.length; k++) idx += (Math.floor(g / from.strides[at[k]!]!) % cards[to.dims[k]!]!) * to.strides[k]!;
    out[g] = idx;
  }
  return out;
}

/** The dimension codes of a level's group, in the level's dimension order. */
export function decode(level: LevelSpec, cards: readonly number[], g: number): number[] {
  return level.dims.map((d, k) => Math.floor(g / level.strides[k]!) % cards[d]!);
}

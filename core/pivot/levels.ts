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

/** Levels finest first: (R, C), then every other (rowDepth, colDepth). */
export function buildLevels(cards: readonly number[], nRows: number, nCols: number): LevelSpec[] {
  const size = sizeOf(cards);
  if (size > MAX_GROUPS) throw new RangeError(`too many combinations (${size}); choose fewer or coarser dimensions`);
  const fine = stridesOf(cards);
  const pairs: [number, number][] = [[nRows, nCols]];
  for (let r = nRows; r >= 0; r--) for (let c = nCols; c >= 0; c--) if (r !== nRows || c !== nCols) pairs.push([r, c]);
  return pairs.map(([rowDepth, colDepth], i) => {
    const dims = [...Array(rowDepth).keys(), ...Array.from({ length: colDepth }, (_, k) => nRows + k)];
    const strides = stridesOf(dims.map((d) => cards[d]!));
    const levelSize = sizeOf(dims.map((d) => cards[d]!));
    if (i === 0) return { size, proj: null, rowDepth, colDepth, dims, strides };
    const proj = new Int32Array(size);
    for (let g = 0; g < size; g++) {
      let idx = 0;
      for (let k = 0; k < dims.length; k++) {
        const d = dims[k]!;
        idx += (Math.floor(g / fine[d]!) % cards[d]!) * strides[k]!;
      }
      proj[g] = idx;
    }
    return { size: levelSize, proj, rowDepth, colDepth, dims, strides };
  });
}

/** The dimension codes of a level's group, in the level's dimension order. */
export function decode(level: LevelSpec, cards: readonly number[], g: number): number[] {
  return level.dims.map((d, k) => Math.floor(g / level.strides[k]!) % cards[d]!);
}

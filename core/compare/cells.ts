// Figures of the comparisons (core/contract/compare.ts) and their small-cell suppression (DOMAIN.md §3).
// A Slot is one figure with the distinct children behind it. Counts are suppressed on their own children;
// a derived figure (a rate, € per client, a share) follows the slot it is computed from, so hiding a count
// hides everything that would give it away. Secondary suppression works on "equations" — parts that add up
// to a shown total — exactly as core/flows/suppress.ts does for flows: while an equation has exactly one
// hidden member, its smallest other non-zero member (ties by key) is hidden too, until nothing changes.
import type { CompareCell } from '../contract/compare.js';

type Flag = CompareCell['flag'];

export class Slot {
  flag: Flag = 'ok';
  /** A slot whose visibility follows another (a rate follows its count). */
  follows: Slot | null = null;
  constructor(
    readonly key: string,
    public value: number | null,
    public clients: number,
  ) {}

  get hidden(): boolean {
    const f = this.follows ? this.follows.flag : this.flag;
    return f === 'suppressed' || f === 'secondary';
  }

  cell(): CompareCell {
    const flag = this.follows ? this.follows.flag : this.flag;
    if (flag === 'suppressed' || flag === 'secondary') return { value: null, clients: null, flag };
    return { value: this.value, clients: this.clients, flag };
  }
}

/** A figure derived from `base` (hidden when base is): a rate, an amount per child, a share. */
export function derived(base: Slot, value: number | null): Slot {
  const s = new Slot(`${base.key}/derived`, value, base.clients);
  s.follows = base;
  return s;
}

/** Small-cell flags on every primary slot (derived slots follow theirs), then secondary suppression. */
export function suppressSlots(slots: readonly Slot[], equations: readonly Slot[][], on: boolean, threshold: number): void {
  for (const s of slots) {
    if (s.follows) continue;
    const small = s.clients > 0 && s.clients < threshold;
    s.flag = small ? (on ? 'suppressed' : 'small') : 'ok';
  }
  if (!on) return;
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      if (eq.filter((s) => s.hidden).length !== 1) continue;
      let pick: Slot | null = null;
      for (const s of eq) {
        if (s.hidden || s.clients === 0) continue;
        if (!pick || s.clients < pick.clients || (s.clients === pick.clients && s.key < pick.key)) pick = s;
      }
      if (pick) {
        (pick.follows ?? pick).flag = 'secondary';
        changed = true;
      }
    }
  }
}

/** Collects the slots of one result, so suppression runs once over all of them. */
export class SlotBag {
  readonly slots: Slot[] = [];
  readonly equations: Slot[][] = [];
  /** A count of children, or another figure behind `clients` children (money, volume). */
  count(key: string, value: number | null, clients: number): Slot {
    const s = new Slot(key, value, clients);
    this.slots.push(s);
    return s;
  }
  derived(base: Slot, value: number | null): Slot {
    const s = derived(base, value);
    this.slots.push(s);
    return s;
  }
  equation(total: Slot, parts: readonly Slot[]): void {
    this.equations.push([total, ...parts]);
  }
  suppress(on: boolean, threshold: number): void {
    suppressSlots(this.slots, this.equations, on, threshold);
  }
}

/** Mean and median of a list (null when empty). */
export function meanMedian(list: readonly number[]): { mean: number | null; median: number | null } {
  if (list.length === 0) return { mean: null, median: null };
  const s = [...list].sort((a, b) => a - b);
  const h = s.length >> 1;
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, median: s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2 };
}

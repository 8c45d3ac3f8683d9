// Small-cell suppression for flows (DOMAIN.md §3). Every figure counts its distinct children (up to the
// threshold: only "fewer than the threshold" matters). Primary: 1..threshold−1 children → hidden (or marked
// 'small' when suppression is off); zeros never. Secondary: figures are tied by equations the reader could
// solve (parts = total, the stock-flow identity, eindstand = next beginstand, matrix rows and columns); while
// an equation has exactly one hidden figure, its smallest other non-zero figure (ties by key) is hidden too.
import type { FlowCount } from '../contract/flows.js';

type Flag = FlowCount['flag'];

export class Tally {
  value = 0;
  flag: Flag = 'ok';
  private seen: Set<number> | null = new Set();
  constructor(readonly key: string, private readonly cap: number) {}

  add(client: number): void {
    this.value++;
    if (this.seen === null || this.seen.has(client)) return;
    this.seen.add(client);
    if (this.seen.size >= this.cap) this.seen = null; // enough children: never small
  }

  get children(): number {
    return this.seen === null ? this.cap : this.seen.size;
  }

  get hidden(): boolean {
    return this.flag === 'suppressed' || this.flag === 'secondary';
  }

  count(): FlowCount {
    return { value: this.hidden ? null : this.value, flag: this.flag };
  }
}

export function suppressTallies(tallies: readonly Tally[], equations: readonly Tally[][], on: boolean, threshold: number): void {
  for (const t of tallies) {
    const small = t.value !== 0 && t.children > 0 && t.children < threshold;
    t.flag = small ? (on ? 'suppressed' : 'small') : 'ok';
  }
  if (!on) return;
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      if (eq.filter((t) => t.hidden).length !== 1) continue;
      let pick: Tally | null = null;
      for (const t of eq) {
        if (t.hidden || t.value === 0) continue;
        if (!pick || t.value < pick.value || (t.value === pick.value && t.key < pick.key)) pick = t;
      }
      if (pick) {
        pick.flag = 'secondary';
        changed = true;
      }
    }
  }
}

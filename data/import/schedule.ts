// How an import's inputs are worked through: batches of files in input order (large declaration files as
// steps of their own, large-file.ts), and the batches the import workers prepare ahead of the one being stored.
import type { AnyInput, PathInput } from './inputs.js';
import type { PreparedFile } from './prepare.js';

/** A batch: small enough that a worker's xmllint call and the store's turn are short (progress and cancel
 *  are checked between batches), large enough that the per-call schema compilation is amortised. */
export const BATCH = { bytes: 8 * 1024 * 1024, files: 2000 };
/** The first batches are smaller, so storing starts while the workers are still warming up. */
const FIRST_BATCHES = [250, 500, 1000];

/** The work of an import in input order: batches of ordinary files, and large declaration files streamed. */
export type Unit = { batch: AnyInput[] } | { large: PathInput };

/** The steps as units; with `rampUp` (import workers) the first batches are cut to FIRST_BATCHES. Without
 *  workers every batch costs an xmllint worker start, so batches are not cut. */
export function unitsOf(steps: readonly (AnyInput[] | PathInput)[], rampUp: boolean): Unit[] {
  const units: Unit[] = [];
  let ramp = rampUp ? 0 : FIRST_BATCHES.length;
  for (const step of steps) {
    if (!Array.isArray(step)) {
      units.push({ large: step });
      continue;
    }
    let rest = step;
    while (ramp < FIRST_BATCHES.length && rest.length > FIRST_BATCHES[ramp]!) {
      units.push({ batch: rest.slice(0, FIRST_BATCHES[ramp]) });
      rest = rest.slice(FIRST_BATCHES[ramp++]);
    }
    ramp = FIRST_BATCHES.length; // only the start of the import is cut
    units.push({ batch: rest });
  }
  return units;
}

/** Prepares batches ahead of the store: at most `ahead` batches handed out and not yet stored. */
export class Ahead {
  private readonly started = new Map<number, Promise<PreparedFile[]>>();
  private next = 0;

  constructor(
    private readonly units: readonly Unit[],
    private readonly ahead: number,
    private readonly prepare: (inputs: AnyInput[]) => Promise<PreparedFile[]>,
  ) {}

  /** The prepared files of unit `index` (a batch), starting the ones after it as far as allowed. */
  take(index: number): Promise<PreparedFile[]> {
    this.fill(index);
    const work = this.started.get(index)!;
    this.started.delete(index);
    this.fill(index + 1);
    return work;
  }

  private fill(from: number): void {
    this.next = Math.max(this.next, from);
    while (this.next < this.units.length && this.started.size < this.ahead) {
      const unit = this.units[this.next]!;
      if ('batch' in unit) {
        const work = this.prepare(unit.batch);
        work.catch(() => undefined); // awaited (and its error thrown) at its own turn; no unhandled rejection
        this.started.set(this.next, work);
      }
      this.next++;
    }
  }
}

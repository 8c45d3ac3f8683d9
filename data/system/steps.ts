// Work written once as a generator of steps, run either straight through (CLI, tests) or with a checkpoint
// between steps (a data process, data/system/work.ts), so the long version is the same code as the short one.
import type { WorkPhase } from '../../core/contract/work.js';
import type { Checkpoint } from './work.js';

/** Where the work is after a step: phase and fraction (0..1) of the whole. */
export type BuildStep = [WorkPhase, number];

export function runSteps<T>(steps: Generator<BuildStep, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runStepsWith<T>(steps: Generator<BuildStep, T>, checkpoint: Checkpoint): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await checkpoint(...next.value);
  }
}

/** Runs part of a larger piece of work: its fractions (0..1 of the part) become from..to of the whole. */
export function* within<T>(steps: Generator<BuildStep, T>, from: number, to: number): Generator<BuildStep, T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const [phase, fraction] = next.value;
    yield [phase, from + (to - from) * fraction];
  }
}

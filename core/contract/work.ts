// Long work besides an import (which has its richer import/status): rebuilding the model after new data,
// writing an export, importing CBS benchmark figures. The call that started the work simply waits for its
// answer; meanwhile the renderer asks work/status and may send work/cancel, and the waiting call then fails
// with code 'cancelled' (nothing half-built is kept: the next call starts the work afresh).
import { z } from 'zod';

export const workKind = z.enum(['model', 'export', 'benchmark']);
export type WorkKind = z.infer<typeof workKind>;

/** Where the work is. Model: reading the stored messages, deriving care periods, money lines and facts, then
 *  the column tables. Export: computing the figures, then writing the file. Benchmark: reading the CSV, storing. */
export const workPhase = z.enum(['reading', 'periods', 'money', 'facts', 'tables', 'computing', 'writing', 'storing']);
export type WorkPhase = z.infer<typeof workPhase>;

export const workTask = z
  .object({
    id: z.number(),
    kind: workKind,
    phase: workPhase,
    /** 0..1 of the whole task, by the share each phase took on a measured region; never goes back. */
    fraction: z.number().min(0).max(1),
    elapsedMs: z.number(),
    /** The rate so far applied to what is left; null until 5 % is done. */
    etaMs: z.number().nullable(),
    cancelling: z.boolean(),
  })
  .strict();
export type WorkTask = z.infer<typeof workTask>;

export const workMethods = {
  /** Every task running now, oldest first (an export may wait for the model it needs). */
  'work/status': { args: z.object({}).strict(), result: z.object({ tasks: z.array(workTask) }).strict() },
  /** Cancels the running tasks (of one kind, or all); answers how many were asked to stop. */
  'work/cancel': { args: z.object({ kind: workKind.optional() }).strict(), result: z.object({ cancelled: z.number() }).strict() },
} as const;

// The running long tasks of one data process (core/contract/work.ts). A task is an async function that
// calls its checkpoint now and then; the checkpoint records where it is, lets the event loop answer
// work/status and work/cancel (by yielding when the task has held it for a while), and throws
// WorkCancelledError once a cancel has arrived — so a cancelled task stops at a point of its own choosing and
// keeps nothing half-built.
import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { WorkKind, WorkPhase, WorkTask } from '../../core/contract/work.js';

/** Reaches the caller as code 'cancelled' (core/contract/dispatch.ts). */
export class WorkCancelledError extends ApiFailure {
  constructor(readonly kind: WorkKind) {
    super('cancelled', kind === 'model' ? 'rebuilding the model was cancelled; the next view or query starts it again' : `the ${kind} was cancelled; nothing was kept`);
  }
}

/** Records progress (fraction 0..1 of the whole task) and may yield or throw WorkCancelledError. */
export type Checkpoint = (phase: WorkPhase, fraction: number) => Promise<void>;

/** For work run outside a data process (CLI, tests): never yields, never cancelled. */
export const noCheckpoint: Checkpoint = () => Promise.resolve();

// The checkpoint of the task this code runs for, found without passing it down: an export's XLSX writer
// reports its rows to whichever task (if any) called it.
const active = new AsyncLocalStorage<Checkpoint>();

export function activeCheckpoint(): Checkpoint {
  return active.getStore() ?? noCheckpoint;
}

// Long enough that yielding costs nothing measurable, short enough that a status call waits at most this.
const HOLD_MS = 25;

interface Task {
  id: number;
  kind: WorkKind;
  phase: WorkPhase;
  fraction: number;
  started: number;
  cancelled: boolean;
}

export type StepDelay = number | Partial<Record<WorkKind, number>>;

export interface WorkOptions {
  /** Tests only: every checkpoint waits this long (per kind of task, or the same for all), so a browser test
   *  can watch progress and press cancel whatever the speed of the machine. */
  stepDelayMs?: StepDelay | undefined;
  now?: () => number;
}

export interface WorkRegistry {
  run<T>(kind: WorkKind, work: (checkpoint: Checkpoint) => Promise<T>): Promise<T>;
  status(): WorkTask[];
  cancel(kind?: WorkKind): number;
}

export function workRegistry(options: WorkOptions = {}): WorkRegistry {
  const now = options.now ?? (() => performance.now());
  const tasks: Task[] = [];
  let nextId = 1;
  return {
    async run(kind, work) {
      const task: Task = { id: nextId++, kind, phase: 'reading', fraction: 0, started: now(), cancelled: false };
      tasks.push(task);
      let heldSince = now();
      const delay = typeof options.stepDelayMs === 'object' ? options.stepDelayMs[kind] : options.stepDelayMs;
      const checkpoint: Checkpoint = async (phase, fraction) => {
        task.phase = phase;
        task.fraction = Math.max(task.fraction, Math.min(1, fraction));
        if (delay) await new Promise((r) => setTimeout(r, delay));
        else if (now() - heldSince >= HOLD_MS) await yieldToLoop();
        heldSince = now();
        if (task.cancelled) throw new WorkCancelledError(kind);
      };
      try {
        return await active.run(checkpoint, () => work(checkpoint));
      } finally {
        tasks.splice(tasks.indexOf(task), 1);
      }
    },
    status() {
      const t = now();
      return tasks.map((task) => {
        const elapsedMs = Math.round(t - task.started);
        const etaMs = task.fraction >= 0.05 ? Math.round((elapsedMs * (1 - task.fraction)) / task.fraction) : null;
        return { id: task.id, kind: task.kind, phase: task.phase, fraction: task.fraction, elapsedMs, etaMs, cancelling: task.cancelled };
      });
    },
    cancel(kind) {
      const hit = tasks.filter((t) => (kind === undefined || t.kind === kind) && !t.cancelled);
      for (const t of hit) t.cancelled = true;
      return hit.length;
    },
  };
}

/** The calls that run as tasks: every export/* (computing, then writing: the XLSX writer reports its rows
 *  through activeCheckpoint) and the CBS benchmark import (reading, then storing). */
function kindOfMethod(name: string): WorkKind | null {
  if (name.startsWith('export/')) return 'export';
  return name === 'benchmark/import' ? 'benchmark' : null;
}

/** Wraps those handlers as tasks: a cancel stops one at its next checkpoint, and nothing is handed out or kept. */
export function asWork<H extends object>(handlers: H, work: WorkRegistry): H {
  const out = { ...handlers } as Record<string, unknown>;
  for (const [name, handler] of Object.entries(handlers)) {
    const kind = kindOfMethod(name);
    if (kind === null || typeof handler !== 'function') continue;
    const run = handler as (args: unknown) => Promise<unknown>;
    out[name] = (args: unknown) =>
      work.run(kind, async (checkpoint) => {
        await checkpoint(kind === 'export' ? 'computing' : 'reading', 0);
        const result = await run(args);
        // An export not yet handed out can still be dropped; what a benchmark import stored is stored.
        if (kind === 'export') await checkpoint('writing', 1);
        return result;
      });
  }
  return out as H;
}

// The import workers: threads that prepare batches of files (prepare.ts: read, sniff, validate, parse), so
// the importer's thread does nothing but store, while the other cores validate and parse what comes next.
// Batches go to whichever worker is free; each caller awaits its own batch, so the importer stores them in
// the order of the inputs whatever order they finish in.
import { Worker } from 'node:worker_threads';
import type { AnyInput } from './inputs.js';
import type { PrepareOptions, PreparedFile } from './prepare.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './prepare-worker.js';

interface Job {
  id: number;
  inputs: AnyInput[];
  resolve: (files: PreparedFile[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export class PreparePool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private failure: Error | null = null;
  private closed = false;
  private nextId = 1;

  constructor(size: number, options: PrepareOptions, module: WebAssembly.Module) {
    const setup: WorkerSetup = { options, module };
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(new URL('./prepare-boot.js', import.meta.url), { workerData: setup }), job: null };
      slot.worker.on('message', (reply: WorkerReply) => this.replied(slot, reply));
      slot.worker.on('error', (e) => this.fail(e));
      slot.worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`an import worker stopped (exit code ${code})`));
      });
      return slot;
    });
  }

  /** Prepares one batch in the next free worker. */
  prepare(inputs: AnyInput[]): Promise<PreparedFile[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ id: this.nextId++, inputs, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers (work still running is dropped). */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new Error('the import workers were stopped'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== null) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      const request: WorkerRequest = { id: job.id, inputs: job.inputs };
      slot.worker.postMessage(request);
    }
  }

  private replied(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (job === null || job.id !== reply.id) return;
    slot.job = null;
    if ('error' in reply) job.reject(new Error(`an import worker failed: ${reply.error}`));
    else job.resolve(reply.files);
    this.dispatch();
  }

  /** A worker that dies takes the pool down with it: every batch not yet done fails, and so the import. */
  private fail(e: Error): void {
    this.failure ??= e;
    for (const slot of this.slots) {
      slot.job?.reject(this.failure);
      slot.job = null;
    }
    for (const job of this.queue.splice(0)) job.reject(this.failure);
  }
}

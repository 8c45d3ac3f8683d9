// Starts the data worker and gives a RawTransport over it (core/contract/api.ts).
import { Worker } from 'node:worker_threads';
import type { EventName } from '../core/contract/methods.js';
import type { ServiceOptions } from './service.js';
import type { WorkerMessage } from './worker.js';

export interface WorkerClient {
  call(method: string, encodedArgs: string): Promise<string>;
  subscribe(listener: (event: EventName) => void): () => void;
  close(): Promise<void>;
}

export async function startWorkerClient(options: Omit<ServiceOptions, 'today'>): Promise<WorkerClient> {
  const worker = new Worker(new URL('../bin/worker.js', import.meta.url), { workerData: options });
  const pending = new Map<number, (text: string) => void>();
  const listeners = new Set<(event: EventName) => void>();
  let nextId = 1;
  let failure: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    worker.on('message', (msg: WorkerMessage) => {
      if ('ready' in msg) resolve();
      else if ('fatal' in msg) reject(new Error(msg.fatal));
      else if ('event' in msg) for (const l of listeners) l(msg.event as EventName);
      else {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      }
    });
    worker.on('error', (e) => {
      failure = e;
      reject(e);
    });
    worker.on('exit', () => {
      failure ??= new Error('the data worker stopped');
      for (const resolvePending of pending.values()) {
        resolvePending(JSON.stringify({ ok: false, error: { code: 'internal', message: failure.message } }));
      }
      pending.clear();
    });
  });

  return {
    call(method, encodedArgs) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, method, args: encodedArgs });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      worker.postMessage('close');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

// An import worker thread (started by pool.ts through prepare-boot.js): prepares the batches of files it is
// sent (prepare.ts), one at a time, with xmllint running in this thread on the module the importer compiled.
import { parentPort, workerData } from 'node:worker_threads';
import type { AnyInput } from './inputs.js';
import { prepareFiles, type PrepareOptions, type PreparedFile } from './prepare.js';
import { threadXmllint } from './xmllint-thread.js';

export interface WorkerSetup {
  options: PrepareOptions;
  module: WebAssembly.Module;
}
export interface WorkerRequest {
  id: number;
  inputs: AnyInput[];
}
export type WorkerReply = { id: number; files: PreparedFile[] } | { id: number; error: string };

const port = parentPort;
if (port === null) throw new Error('prepare-worker.ts runs as a worker thread (pool.ts)');
const { options, module } = workerData as WorkerSetup;
const xmllint = threadXmllint(module);

let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = { id: request.id, files: await prepareFiles(request.inputs, options, xmllint) };
    } catch (e) {
      reply = { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  });
});

// Where the CLI keeps its data and how it reaches the data worker.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { clientOver, type SpiegelApi } from '../../core/contract/api.js';
import { startWorkerClient, type WorkerClient } from '../worker-client.js';

export interface CommonOptions {
  db?: string | undefined;
  home?: string | undefined;
}

export function homeDir(options: CommonOptions): string {
  return resolve(options.home ?? process.env.SPIEGEL_HOME ?? join(homedir(), '.spiegel'));
}

export function dbFile(options: CommonOptions): string {
  return resolve(options.db ?? join(homeDir(options), 'spiegel.db'));
}

export async function withApi<T>(options: CommonOptions, run: (api: SpiegelApi, worker: WorkerClient) => Promise<T>): Promise<T> {
  const worker = await startWorkerClient({ dbFile: dbFile(options), home: homeDir(options) });
  try {
    return await run(clientOver(worker.call, worker.subscribe), worker);
  } finally {
    await worker.close();
  }
}

// The data process of the browser host and the CLI: a worker_thread that owns the database and runs
// every analysis, so the host's event loop only moves encoded requests and results.
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../core/contract/dispatch.js';
import { decode, encode } from '../core/contract/envelope.js';
import { createService, type ServiceOptions } from './service.js';

export interface WorkerRequest {
  id: number;
  method: string;
  args: string;
}

export type WorkerMessage = { id: number; result: string } | { event: string } | { ready: true } | { fatal: string };

if (parentPort) {
  const port = parentPort;
  try {
    const service = createService(workerData as ServiceOptions);
    service.onEvent((event) => port.postMessage({ event } satisfies WorkerMessage));
    port.on('message', (req: WorkerRequest | 'close') => {
      if (req === 'close') {
        service.close();
        port.close();
        return;
      }
      void (async () => {
        let args: unknown;
        try {
          args = decode(req.args);
        } catch {
          port.postMessage({ id: req.id, result: encode({ ok: false, error: { code: 'bad-request', message: 'arguments are not valid JSON' } }) });
          return;
        }
        const result = await dispatch(service, req.method, args);
        port.postMessage({ id: req.id, result: encode(result) } satisfies WorkerMessage);
      })();
    });
    port.postMessage({ ready: true } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({ fatal: (e as Error).message } satisfies WorkerMessage);
  }
}

// The data process of the Electron app: runs in a utilityProcess forked by electron/main.ts and serves
// the contract there, so SQLite and the analyses never run in Electron main. It does not import
// electron: the message port is injected, which lets tests run it in a worker_thread.
import { dispatch } from '../core/contract/dispatch.js';
import { decode, encode, fail } from '../core/contract/envelope.js';
import type { EventName, Handlers } from '../core/contract/methods.js';

/** The message port to main: worker_threads' parentPort fits as is; Electron's is adapted below. */
export interface HostPort {
  on(event: 'message', handler: (message: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

/** What the host needs from a service: the handlers, and optionally events and a clean close. */
export type HostService = Handlers & {
  close?(): void;
  onEvent?(listener: (event: EventName) => void): void;
};

// The same shapes as electron/relay.ts (the layers may not import each other).
interface HostRequest {
  id: number;
  method: string;
  args: string;
}

function isRequest(m: unknown): m is HostRequest {
  const r = m as Partial<HostRequest> | null;
  return !!r && typeof r.id === 'number' && typeof r.method === 'string' && typeof r.args === 'string';
}

/**
 * Serves requests from main until it asks to close. The service is made on the first request rather
 * than at start, so a failure to open the database is answered as an error to that call instead of
 * a silent crash; it may be made asynchronously (the real one is loaded with import()).
 */
export function runDataHost(
  port: HostPort,
  makeService: () => HostService | Promise<HostService>,
  exit: () => void = () => {},
): void {
  let service: Promise<HostService> | null = null;

  const getService = (): Promise<HostService> => {
    service ??= (async () => {
      const s = await makeService();
      s.onEvent?.((event) => port.postMessage({ event }));
      return s;
    })().catch((e: unknown) => {
      service = null; // let a later call try again (the database may have been locked)
      throw e;
    });
    return service;
  };

  const answer = async ({ id, method, args }: HostRequest): Promise<void> => {
    let parsed: unknown;
    try {
      parsed = decode(args);
    } catch {
      port.postMessage({ id, reply: encode(fail('bad-request', 'arguments are not valid JSON')) });
      return;
    }
    let s: HostService;
    try {
      s = await getService();
    } catch (e) {
      port.postMessage({ id, reply: encode(fail('internal', `the data store could not be opened: ${(e as Error).message}`)) });
      return;
    }
    port.postMessage({ id, reply: encode(await dispatch(s, method, parsed)) });
  };

  port.on('message', (message) => {
    if ((message as { close?: unknown } | null)?.close === true) {
      void (service ?? Promise.resolve(null))
        .then((s) => s?.close?.())
        .catch(() => {})
        .finally(exit);
      return;
    }
    if (isRequest(message)) void answer(message);
  });
}

/**
 * Main's start-up message: when the desktop app keeps the pseudonym key encrypted by the OS, main's first
 * message is `{ start: { key } }` (electron/main.ts). Returns the port without that message and the key, or
 * null as soon as any other message comes first (the key then stays the 0600 file in home).
 */
export function takeStartKey(port: HostPort): { port: HostPort; key: Promise<Uint8Array | null> } {
  let settle: ((key: Uint8Array | null) => void) | null = null;
  let refuse: (e: Error) => void = () => {};
  const key = new Promise<Uint8Array | null>((resolve, reject) => ((settle = resolve), (refuse = reject)));
  key.catch(() => {}); // answered through makeService, not as an unhandled rejection
  return {
    key,
    port: {
      postMessage: (m) => port.postMessage(m),
      on: (event, handler) =>
        port.on(event, (message) => {
          const first = settle;
          settle = null;
          const start = (message as { start?: { key?: unknown } } | null)?.start;
          if (first && start) {
            if (start.key instanceof Uint8Array) first(start.key);
            else refuse(new Error('main sent a start message without a key'));
            return;
          }
          first?.(null);
          handler(message);
        }),
    },
  };
}

/** Reads --spiegel-<name>=value from argv (passed by electron/main.ts dataHostArgs). */
export function hostOption(argv: readonly string[], name: string): string | undefined {
  const prefix = `--spiegel-${name}=`;
  return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

// Electron's utilityProcess exposes process.parentPort, and its messages arrive wrapped in an event.
interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
if (parentPort) {
  const dbFile = hostOption(process.argv, 'db');
  const home = hostOption(process.argv, 'home');
  const nativeBinding = hostOption(process.argv, 'native-binding');
  const demo = hostOption(process.argv, 'demo') === '1';
  const started = takeStartKey({ on: (_event, handler) => parentPort.on('message', (e) => handler(e.data)), postMessage: (m) => parentPort.postMessage(m) });
  runDataHost(
    started.port,
    async () => {
      if (!dbFile || !home) throw new Error('the data host was started without --spiegel-db and --spiegel-home');
      const key = (await started.key) ?? undefined; // undefined: the service reads the 0600 file in home
      // Loaded here, not at the top, so tests can run runDataHost with their own handlers.
      const { createService } = await import('./service.js');
      const { chooseDatabase } = await import('./demo.js');
      // First start: no data of one's own yet, so the desktop app opens on the synthetic demo region.
      const chosen = demo ? await chooseDatabase(home, dbFile, { nativeBinding, key }) : dbFile;
      return createService({ dbFile: chosen, home, key, desktop: true, ...(nativeBinding ? { nativeBinding } : {}) });
    },
    () => process.exit(0),
  );
}

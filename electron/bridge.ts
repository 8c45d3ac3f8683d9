// What the preload exposes as window.spiegel: invoke and onEvent, nothing else. Kept apart from
// preload.ts so it can be tested without Electron. Imports only the envelope codec, so the bundled
// preload stays one small file that requires nothing but 'electron'.
import { decode, encode, fail, type Result } from '../core/contract/envelope.js';

export const INVOKE_CHANNEL = 'spiegel:invoke';
export const EVENT_CHANNEL = 'spiegel:event';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererApi {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface Bridge {
  invoke(method: string, args: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string) => void): () => void;
}

export function createBridge(ipc: IpcRendererApi): Bridge {
  return {
    async invoke(method, args) {
      try {
        const reply = await ipc.invoke(INVOKE_CHANNEL, String(method), encode(args));
        if (typeof reply !== 'string') return fail('internal', 'malformed reply from main');
        return decode(reply) as Result<unknown>;
      } catch (e) {
        return fail('internal', `transport failed: ${(e as Error).message}`);
      }
    },
    onEvent(listener) {
      // The IPC event object carries the sender and ports; the page gets the event name only.
      const relay = (_event: unknown, name: unknown): void => {
        if (typeof name === 'string') listener(name);
      };
      ipc.on(EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}

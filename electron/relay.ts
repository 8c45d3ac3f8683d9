// Relays contract calls from the window to the data process (a utilityProcess running
// data/electron-host). Main never runs a handler itself: it checks who is asking and what, then passes
// the encoded request on and the encoded reply back.
import { checkRequest } from '../core/contract/api.js';
import { decode, encode, fail } from '../core/contract/envelope.js';
import { EVENTS, type EventName } from '../core/contract/methods.js';
import type { ChildApi, IpcInvokeEvent, WindowApi } from './api.js';
import { isAppUrl } from './security.js';

export { EVENT_CHANNEL, INVOKE_CHANNEL } from './bridge.js';

// The messages between main and data/electron-host.ts. data/ may not import electron/ and the reverse,
// so the host declares the same shapes on its side.
export interface HostRequest {
  id: number;
  method: string;
  args: string; // encoded with core/contract/envelope
}
export type HostMessage = { id: number; reply: string } | { event: EventName };

/** Checks an IPC call before anything reaches the data process; returns the encoded refusal, or null. */
export function refuseRequest(
  event: IpcInvokeEvent,
  window: WindowApi | null,
  method: unknown,
  encodedArgs: unknown,
): string | null {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || event.sender !== window.webContents) {
    return encode(fail('bad-request', 'call from an unknown window'));
  }
  // Only the top frame of our own window, showing our own content, may call: never a subframe or a
  // page that somehow navigated elsewhere. (parent === null is the same test should Electron ever
  // hand out a fresh wrapper object for the main frame.)
  const isMainFrame = !!frame && (frame === window.webContents.mainFrame || frame.parent === null);
  if (!frame || !isMainFrame || !isAppUrl(frame.url)) {
    return encode(fail('bad-request', 'call from an untrusted frame'));
  }
  if (typeof encodedArgs !== 'string') return encode(fail('bad-request', 'arguments must be encoded'));
  let args: unknown;
  try {
    args = decode(encodedArgs);
  } catch {
    return encode(fail('bad-request', 'arguments are not valid JSON'));
  }
  const checked = checkRequest(method, args);
  return checked.ok ? null : encode(checked);
}

export interface DataHost {
  request(method: string, encodedArgs: string): Promise<string>;
  close(): void;
}

/**
 * Talks to the data process. It is started on first use and started again after it stops, so one
 * crash costs the calls in flight (they get an 'internal' error), not the session.
 */
export function connectDataHost(
  start: () => ChildApi,
  onEvent: (event: EventName) => void,
): DataHost {
  let child: ChildApi | null = null;
  let nextId = 1;
  // Each call remembers the process it went to: when an old process exits after close() (an erase), only its
  // own calls are answered as stopped, not those already sent to the new one.
  const pending = new Map<number, { resolve: (reply: string) => void; to: ChildApi }>();

  const ensure = (): ChildApi => {
    if (child) return child;
    const c = start();
    c.on('message', (message) => {
      const m = message as Partial<{ id: number; reply: string; event: string }>;
      if (typeof m.id === 'number' && typeof m.reply === 'string') {
        pending.get(m.id)?.resolve(m.reply);
        pending.delete(m.id);
      } else if ((EVENTS as readonly unknown[]).includes(m.event)) {
        onEvent(m.event as EventName);
      }
    });
    c.on('exit', (code) => {
      if (child === c) child = null;
      const stopped = encode(fail('internal', `the data process stopped (exit code ${code})`));
      for (const [id, call] of pending) {
        if (call.to !== c) continue;
        call.resolve(stopped);
        pending.delete(id);
      }
    });
    child = c;
    return c;
  };

  return {
    request(method, encodedArgs) {
      const id = nextId++;
      return new Promise<string>((resolve) => {
        let c: ChildApi;
        try {
          c = ensure();
        } catch (e) {
          // Nothing was started (the pseudonym key could not be read): this call gets the reason, the next tries again.
          resolve(encode(fail('internal', `the data process could not be started: ${(e as Error).message}`)));
          return;
        }
        pending.set(id, { resolve, to: c });
        const message: HostRequest = { id, method, args: encodedArgs };
        c.postMessage(message);
      });
    },
    close() {
      // Ask the host to close the database cleanly; it exits by itself.
      child?.postMessage({ close: true });
      child = null;
    },
  };
}

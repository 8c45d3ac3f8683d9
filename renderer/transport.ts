// window.spiegel for the browser host. In Electron the preload defines it; in a plain browser tab the
// renderer builds it over fetch to the loopback host, authenticated by the per-start token that the
// host put in the URL fragment (fragments never reach a server, nor a Referer header).
import { clientOver, type RawTransport, type SpiegelApi } from '../core/contract/api.js';
import { EVENTS, type EventName } from '../core/contract/methods.js';

declare global {
  interface Window {
    spiegel?: SpiegelApi;
  }
}

const TOKEN_KEY = 'spiegel.token';

/** Moves the token from the fragment into sessionStorage (which survives a reload of this tab only)
 *  and strips it from the address bar, so it is not bookmarked, shared or kept in history. */
export function takeToken(): string | null {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = hash.get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(token: string): RawTransport {
  return async (method, encodedArgs) => {
    const res = await fetch('/api/' + method, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: encodedArgs,
      cache: 'no-store',
      credentials: 'omit',
    });
    // The host answers refusals with an encoded Result too; anything else is a transport failure.
    if (!res.headers.get('content-type')?.startsWith('application/json')) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
}

function eventStream(token: string): (listener: (e: EventName) => void) => () => void {
  const listeners = new Set<(e: EventName) => void>();
  let source: EventSource | null = null;
  return (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/api/events?token=' + encodeURIComponent(token));
      source.onmessage = (msg: MessageEvent<string>) => {
        const name = EVENTS.find((e) => e === msg.data);
        if (name) for (const l of listeners) l(name);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}

/** Returns the API, or null when this tab was opened without a token (not through the host's URL). */
export function installSpiegel(): SpiegelApi | null {
  if (window.spiegel) return window.spiegel;
  const token = takeToken();
  if (!token) return null;
  window.spiegel = clientOver(httpTransport(token), eventStream(token));
  return window.spiegel;
}

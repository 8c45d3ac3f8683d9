// Every outgoing connection attempt during an e2e test, recorded three ways, so "no egress" is measured
// rather than assumed:
// - Chromium's: it is started with --proxy-server pointing here, so every request it makes to a
//   non-loopback address (the page's, and Chromium's own background traffic) arrives at this recorder as a
//   proxy request or CONNECT, is written down and refused. Loopback is bypassed by Chromium (its default);
//   that traffic is the host's and is listed by the page's request log.
// - This process's (the loopback host, and the data worker's threads): net.Socket#connect is wrapped, and
//   the process's own sockets are read from /proc every 50 ms (worker threads share the file descriptors,
//   but not the wrapped prototype), so a connection to anywhere but loopback is seen either way.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import net from 'node:net';

export interface EgressRecorder {
  /** --proxy-server value for Chromium. */
  proxy: string;
  /** Non-loopback attempts seen so far, as 'where: target'. */
  attempts(): string[];
  stop(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost|0\.0\.0\.0|::)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}

/** Remote addresses of this process's TCP and UDP sockets that are neither loopback nor unset (Linux). */
export function processRemotes(): string[] {
  let inodes: Set<string>;
  try {
    inodes = new Set(readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
        return m ? [m[1]!] : [];
      } catch {
        return [];
      }
    }));
  } catch {
    return []; // not Linux: the connect wrapper still records
  }
  const found: string[] = [];
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
    let text = '';
    try {
      text = readFileSync(`/proc/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !inodes.has(f[9]!)) continue;
      const [hex, port] = f[2]!.split(':');
      const addr = hexAddress(hex!);
      if (addr !== null && !isLoopbackHost(addr) && port !== '0000') found.push(`${table} ${addr}:${parseInt(port!, 16)}`);
    }
  }
  return found;
}

/** /proc/net's little-endian hex address as text; null for the unset address. */
function hexAddress(hex: string): string | null {
  if (/^0+$/.test(hex)) return null;
  const bytes = (h: string) => (h.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16));
  if (hex.length === 8) return bytes(hex).join('.');
  const words = (hex.match(/.{8}/g) ?? []).flatMap(bytes);
  if (words.slice(0, 10).every((b) => b === 0) && words[10] === 255 && words[11] === 255) return words.slice(12).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((words[i]! << 8) | words[i + 1]!).toString(16));
  const text = groups.join(':');
  return text === '0:0:0:0:0:0:0:1' ? '::1' : text;
}

export async function startEgressRecorder(): Promise<EgressRecorder> {
  const seen: string[] = [];
  const note = (what: string) => {
    if (!seen.includes(what)) seen.push(what);
  };

  const server: Server = createServer((req, res) => {
    note(`chromium: ${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    // The refused browser may reset the tunnel before reading the answer: that is no test failure.
    socket.on('error', () => undefined);
    note(`chromium: CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() passes its normalised [options, callback] array; socket.connect() may get (options) or (port, host).
    const raw = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const first = raw as { host?: string; path?: string } | number | string | undefined;
    const host = typeof first === 'object' && first !== null ? (first.path ? null : (first.host ?? 'localhost')) : typeof args[1] === 'string' ? args[1] : typeof first === 'number' ? 'localhost' : null;
    if (host !== null && !isLoopbackHost(host)) note(`node: connect ${host}`);
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;

  const poll = setInterval(() => processRemotes().forEach((r) => note(`process socket: ${r}`)), 50);

  return {
    proxy: `http://127.0.0.1:${port}`,
    attempts: () => {
      processRemotes().forEach((r) => note(`process socket: ${r}`));
      return [...seen];
    },
    async stop() {
      clearInterval(poll);
      net.Socket.prototype.connect = original;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

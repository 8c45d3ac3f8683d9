// The browser host: the built renderer plus the API contract over HTTP, on 127.0.0.1 only.
// Anyone on this machine can reach a loopback port, and any web page can try to, so every API call
// needs the per-start token (handed to the tab in the URL fragment, which never reaches a server),
// and requests under a foreign Host or Origin are refused before anything else happens.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { encode, fail } from '../../core/contract/envelope.js';
import { bearerToken, hostAllowed, newToken, originAllowed, securityHeaders, tokenMatches } from './security.js';
import { serveStatic } from './static.js';

export interface HostOptions {
  /** Runs one encoded request and returns the encoded Result (the service, usually in a worker). */
  call: (method: string, encodedArgs: string) => Promise<string>;
  /** Announces service events (data/changed) to relay to open tabs. */
  subscribe?: (listener: (event: string) => void) => void;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
}

export interface Host {
  url: string;
  token: string;
  close(): Promise<void>;
}

// import/files may carry many XML files as bytes; anything larger is refused rather than buffered.
const MAX_BODY = 512 * 1024 * 1024;
const METHOD_PATH = /^\/api\/([a-z]+\/[a-z][a-z-]*)$/;
const HEARTBEAT_MS = 25_000;

function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(encode(fail('bad-request', message)));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolveBody(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = newToken();
  const streams = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let port = 0;

  options.subscribe?.((event) => {
    for (const res of streams) res.write(`data: ${event}\n\n`);
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendError(res, 405, 'method not allowed');
      // EventSource cannot set headers, so the events stream also accepts the token as a query parameter.
      if (!tokenMatches(token, bearerToken(req) ?? url.searchParams.get('token'))) return sendError(res, 403, 'forbidden');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      req.on('close', () => {
        clearInterval(beat);
        streams.delete(res);
      });
      return;
    }
    const match = METHOD_PATH.exec(url.pathname);
    if (!match) return sendError(res, 404, 'not found');
    if (req.method !== 'POST') return sendError(res, 405, 'method not allowed');
    if (!tokenMatches(token, bearerToken(req))) return sendError(res, 403, 'forbidden');
    // A JSON content type forces a CORS preflight on any cross-site attempt: one more wall.
    if (!req.headers['content-type']?.toLowerCase().startsWith('application/json')) return sendError(res, 415, 'expected application/json');
    const body = await readBody(req);
    if (body === null) return sendError(res, 413, 'request too large');
    let result: string;
    try {
      result = await options.call(match[1]!, body);
    } catch (e) {
      result = encode(fail('internal', (e as Error).message));
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(result);
  }

  const server = createServer((req, res) => {
    securityHeaders(res);
    if (!hostAllowed(req, port) || !originAllowed(req, port)) return sendError(res, 403, 'forbidden');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendError(res, 400, 'bad url');
    }
    const work = url.pathname.startsWith('/api/')
      ? handleApi(req, res, url)
      : req.method === 'GET' || req.method === 'HEAD'
        ? serveStatic(options.staticDir, req, res, url.pathname)
        : Promise.resolve(sendError(res, 405, 'method not allowed'));
    work.catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, (e as Error).message);
      else res.end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolveClose());
        for (const s of sockets) s.destroy();
      }),
  };
}

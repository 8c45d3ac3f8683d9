import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode, ok } from '../../core/contract/envelope.js';
import { CSP } from './security.js';
import { resolveStatic } from './static.js';
import { startHost, type Host } from './server.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.host ?? '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser host', () => {
  let host: Host;
  let port: number;
  let root: string;
  const calls: { method: string; args: unknown }[] = [];
  let emit: (e: string) => void = () => {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'spiegel-host-'));
    const staticDir = join(root, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Spiegel</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    host = await startHost({
      staticDir,
      call: async (method, encodedArgs) => {
        calls.push({ method, args: decode(encodedArgs) });
        return encode(ok({ echo: method }));
      },
      subscribe: (l) => {
        emit = l;
      },
    });
    port = Number(new URL(host.url).port);
  });

  afterAll(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  });

  const api = (headers: Record<string, string> = {}, path = '/api/query/pivot') =>
    send(port, {
      method: 'POST',
      path,
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
      body: encode({ rows: ['year'] }),
    });

  it('hands out a loopback URL with a 32-byte token in the fragment', () => {
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${port}/#token=${host.token}`);
  });

  it('uses a fresh token for every start', async () => {
    const other = await startHost({ staticDir: root, call: async () => '{}' });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('listens on 127.0.0.1 only', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(send(port, { path: '/', host: external.address })).rejects.toThrow(/ECONNREFUSED/);
    }
    await expect(send(port, { path: '/', host: '::1' }).then((r) => r.status)).rejects.toThrow();
  });

  it('relays an authorised call with its method and decoded arguments', async () => {
    const res = await api();
    expect(res.status).toBe(200);
    expect(decode(res.body)).toEqual({ ok: true, value: { echo: 'query/pivot' } });
    expect(calls.at(-1)).toEqual({ method: 'query/pivot', args: { rows: ['year'] } });
  });

  it('refuses calls without the right token', async () => {
    const before = calls.length;
    expect((await api({ Authorization: '' })).status).toBe(403);
    expect((await api({ Authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(403);
    expect((await api({ Authorization: `Bearer ${host.token.slice(1)}` })).status).toBe(403);
    expect((await api({ Authorization: `Basic ${host.token}` })).status).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await api({ Host: `evil.example:${port}` })).status).toBe(403);
    expect((await api({ Host: `127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await send(port, { path: '/', headers: { Host: 'attacker.test' } })).status).toBe(403);
    expect((await api({ Host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin', async () => {
    expect((await api({ Origin: 'https://evil.example.com' })).status).toBe(403);
    expect((await api({ Origin: 'null' })).status).toBe(403);
    expect((await api({ Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await api({ Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('requires POST and a JSON body for calls', async () => {
    expect((await send(port, { path: '/api/query/pivot', headers: { Authorization: `Bearer ${host.token}` } })).status).toBe(405);
    expect((await api({ 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await api({}, '/api/../etc/passwd')).status).not.toBe(200);
  });

  it('serves the renderer with the strict CSP and nosniff on every response', async () => {
    const index = await send(port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Spiegel</title>');
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    const asset = await send(port, { path: '/assets/app.js' });
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    for (const res of [index, asset, await api(), await api({ Authorization: '' }), await send(port, { path: '/nope' })]) {
      expect(res.headers['content-security-policy']).toBe(CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).toContain("frame-ancestors 'none'");
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/assets/%00app.js', '/%E0%A4%A']) {
      const res = await send(port, { path });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
    expect(resolveStatic('/srv/r', '/../x')).toBeNull();
    expect(resolveStatic('/srv/r', '/a/../../x')).toBeNull();
    expect(resolveStatic('/srv/r', '/a/b.js')).toBe('/srv/r/a/b.js');
  });

  it('streams service events to a tab that holds the token', async () => {
    expect((await send(port, { path: '/api/events?token=wrong' })).status).toBe(403);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/api/events?token=${host.token}`, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (text.includes(': connected')) emit('data/changed');
          if (text.includes('data: data/changed')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: data/changed\n\n');
  });
});

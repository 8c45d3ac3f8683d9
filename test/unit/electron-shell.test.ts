// The Electron shell's setup, read back from the recording fake: security settings, the app://
// protocol, request filtering, and the IPC checks that run before anything reaches the data process.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import type { ChildApi } from '../../electron/api.js';
import { startShell } from '../../electron/main.js';
import { resolveAppPath } from '../../electron/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.js';
import { FakeElectron, FakeFrame } from './electron-fake.js';

let dir: string;
let rendererDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-shell-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Spiegel</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'BSN 123456782');
  symlinkSync(join(dir, 'secret.txt'), join(rendererDir, 'link.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A data process that only records what reaches it. */
function recordingChild(): { fork: () => ChildApi; posted: unknown[] } {
  const posted: unknown[] = [];
  const fork = (): ChildApi => ({ postMessage: (m) => void posted.push(m), on: () => undefined, kill: () => true });
  return { fork, posted };
}

async function started(fork?: () => ChildApi) {
  const fake = new FakeElectron(fork);
  const shell = startShell(fake.api, {
    rendererDir,
    preloadFile: '/app/build/out/preload.cjs',
    dataHostFile: '/app/build/out/data-host.cjs',
    nativeBinding: '/app/build/native/electron/better_sqlite3.node',
    home: '/home/jeugd/.spiegel',
  });
  if (!shell) throw new Error('shell did not start');
  const beforeReady = [...fake.calls];
  fake.makeReady();
  await shell.ready;
  return { fake, shell, beforeReady };
}

describe('window', () => {
  it('opens one window with every security preference set', async () => {
    const { fake } = await started();
    expect(fake.windows).toHaveLength(1);
    expect(fake.window.options.webPreferences).toEqual({
      preload: '/app/build/out/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('loads the app from app://spiegel/ and shows it when ready', async () => {
    const { fake } = await started();
    expect(fake.window.loaded).toEqual(['app://spiegel/index.html']);
    expect(fake.window.shown).toBe(true);
  });

  it('registers app: as a standard, secure scheme before ready and sandboxes every renderer', async () => {
    const { fake, beforeReady } = await started();
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(beforeReady).toContain('protocol.registerSchemesAsPrivileged');
    expect(beforeReady).toContain('app.enableSandbox');
    expect(beforeReady).toContain('app.setPath(userData, /fake/appData/Spiegel)');
    expect(beforeReady).toContain('ipcMain.handle(spiegel:invoke)');
    expect(fake.calls.indexOf('protocol.handle(app)')).toBeGreaterThan(fake.calls.indexOf('app.ready'));
  });

  it('quits when the window closes and asks the data process to close on quit', async () => {
    const { fork, posted } = recordingChild();
    const { fake } = await started(fork);
    void fake.invoke('meta/dimensions', encode({})); // starts the data process; this one never answers
    fake.appEvents.emit('before-quit');
    expect(posted.at(-1)).toEqual({ close: true });
    fake.appEvents.emit('window-all-closed');
    expect(fake.calls).toContain('app.quit');
  });
});

describe('navigation, new windows and permissions', () => {
  it('blocks navigation and redirects away from the app, allows moving within it', async () => {
    const { fake } = await started();
    const wc = fake.window.webContents;
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(wc.navigate('will-navigate', url), url).toBe(true);
      expect(wc.navigate('will-redirect', url), url).toBe(true);
    }
    expect(wc.navigate('will-navigate', 'app://spiegel/index.html')).toBe(false);
  });

  it('denies every new window', async () => {
    const { fake } = await started();
    const handler = fake.window.webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://spiegel/index.html' })).toEqual({ action: 'deny' });
  });

  it('blocks webviews', async () => {
    const { fake } = await started();
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    fake.window.webContents.emit('will-attach-webview', e);
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', async () => {
    const { fake } = await started();
    const { permissionRequestHandler, permissionCheckHandler } = fake.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      let granted: boolean | undefined;
      permissionRequestHandler?.(fake.window.webContents, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(permissionCheckHandler?.(fake.window.webContents, permission), permission).toBe(false);
    }
  });
});

describe('network', () => {
  it('cancels http, https, ws, wss and other schemes at the session', async () => {
    const { fake } = await started();
    for (const url of [
      'http://example.org/',
      'https://fonts.googleapis.com/css',
      'http://127.0.0.1:5173/',
      'ws://localhost:1234/',
      'wss://example.org/socket',
      'ftp://example.org/',
      'file:///etc/passwd',
      'app://elsewhere/index.html',
      'garbage',
    ]) {
      expect(fake.session.cancels(url), url).toBe(true);
    }
  });

  it('lets app://spiegel/, devtools, data: and blob: through', async () => {
    const { fake } = await started();
    for (const url of ['app://spiegel/index.html', 'app://spiegel/assets/app.js', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AA==', 'blob:app://spiegel/1234']) {
      expect(fake.session.cancels(url), url).toBe(false);
    }
  });
});

describe('app:// protocol', () => {
  const get = async (fake: FakeElectron, url: string, method = 'GET') => {
    const handler = fake.protocolHandlers.get('app');
    if (!handler) throw new Error('no app: handler');
    return handler(new Request(url, { method }));
  };

  it('serves the renderer files with the strict CSP', async () => {
    const { fake } = await started();
    const index = await get(fake, 'app://spiegel/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>Spiegel</title>');
    const js = await get(fake, 'app://spiegel/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get(fake, 'app://spiegel/')).status).toBe(200);
  });

  it('puts the CSP on every response, errors included, with no remote origin and no eval', async () => {
    const { fake } = await started();
    for (const url of ['app://spiegel/index.html', 'app://spiegel/missing.js', 'app://spiegel/..%2f..%2fsecret.txt', 'app://other/index.html']) {
      const res = await get(fake, url);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|wss?:|\*/);
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'font-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
  });

  it('refuses path traversal, other hosts, symlinks out of the folder and non-GET methods', async () => {
    const { fake } = await started();
    for (const url of [
      'app://spiegel/..%2fsecret.txt',
      'app://spiegel/%2e%2e/secret.txt',
      'app://spiegel/assets/..%2f..%2fsecret.txt',
      'app://spiegel/..%5csecret.txt',
      'app://spiegel/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://spiegel/index.html%00.js',
      'app://spiegel/%E0%A4%A',
      'app://other/index.html',
      'app://spiegel/link.txt',
      'app://spiegel/assets',
    ]) {
      const res = await get(fake, url);
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain('BSN');
    }
    expect((await get(fake, 'app://spiegel/index.html', 'POST')).status).toBe(405);
  });

  it('maps URLs to files inside the folder only', () => {
    expect(resolveAppPath('/r', 'app://spiegel/a/b.js')).toBe('/r/a/b.js');
    expect(resolveAppPath('/r', 'app://spiegel/')).toBe('/r/index.html');
    expect(resolveAppPath('/r', 'app://spiegel/a/..%2f..%2fx')).toBeNull();
    expect(resolveAppPath('/r', 'https://spiegel/a.js')).toBeNull();
  });
});

describe('IPC checks', () => {
  const code = (reply: string) => (decode(reply) as { ok: boolean; error?: { code: string } }).error?.code;

  it('refuses calls from a frame that does not show app://spiegel/', async () => {
    const { fork, posted } = recordingChild();
    const { fake } = await started(fork);
    const wc = fake.window.webContents;
    wc.mainFrame.url = 'https://evil.example/';
    expect(code(await fake.invoke('meta/dimensions', encode({})))).toBe('bad-request');
    wc.mainFrame.url = 'app://spiegelx/index.html';
    expect(code(await fake.invoke('meta/dimensions', encode({})))).toBe('bad-request');
    expect(posted).toEqual([]);
  });

  it('refuses calls from a subframe, a missing frame or another webContents', async () => {
    const { fork, posted } = recordingChild();
    const { fake } = await started(fork);
    const wc = fake.window.webContents;
    const subframe = new FakeFrame('app://spiegel/index.html', wc.mainFrame);
    expect(code(await fake.invoke('meta/dimensions', encode({}), { senderFrame: subframe }))).toBe('bad-request');
    expect(code(await fake.invoke('meta/dimensions', encode({}), { senderFrame: null }))).toBe('bad-request');
    expect(code(await fake.invoke('meta/dimensions', encode({}), { sender: {}, senderFrame: wc.mainFrame }))).toBe('bad-request');
    expect(posted).toEqual([]);
  });

  it('refuses unknown methods and invalid or unencoded arguments before the data process', async () => {
    const { fork, posted } = recordingChild();
    const { fake } = await started(fork);
    expect(code(await fake.invoke('db/drop', encode({})))).toBe('unknown-method');
    expect(code(await fake.invoke('__proto__', encode({})))).toBe('unknown-method');
    expect(code(await fake.invoke(42, encode({})))).toBe('unknown-method');
    expect(code(await fake.invoke('meta/dimensions', encode({ extra: 1 })))).toBe('invalid-args');
    expect(code(await fake.invoke('query/pivot', encode({ rows: ['bsn'] })))).toBe('invalid-args');
    expect(code(await fake.invoke('meta/dimensions', '{not json'))).toBe('bad-request');
    expect(code(await fake.invoke('meta/dimensions', { already: 'an object' }))).toBe('bad-request');
    expect(posted).toEqual([]);
    expect(fake.forks).toHaveLength(0);
  });

  it('passes a valid call from the main frame on to the data process, with the db and home', async () => {
    const { fork, posted } = recordingChild();
    const { fake } = await started(fork);
    void fake.invoke('meta/dimensions', encode({}));
    expect(posted).toEqual([{ id: 1, method: 'meta/dimensions', args: '{}' }]);
    expect(fake.forks).toHaveLength(1);
    expect(fake.forks[0]?.modulePath).toBe('/app/build/out/data-host.cjs');
    expect(fake.forks[0]?.args).toEqual([
      '--spiegel-db=/home/jeugd/.spiegel/spiegel.db',
      '--spiegel-home=/home/jeugd/.spiegel',
      '--spiegel-native-binding=/app/build/native/electron/better_sqlite3.node',
    ]);
  });
});

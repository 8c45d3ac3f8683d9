// What every browser e2e test needs: the real data worker on a fresh database, the loopback host serving the
// built renderer, and Debian's Chromium with egress blocked and every console problem, page error and CSP
// violation recorded, so a test can end by asserting the page stayed clean.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureRenderer } from '../../data/cli/renderer-build.js';
import { startHost, type Host } from '../../data/host/server.js';
import type { WorkerClient } from '../../data/worker-client.js';
import { startRestartingWorker } from '../../data/worker-restart.js';
import { startEgressRecorder, type EgressRecorder } from './egress.js';
import type { StepDelay } from '../../data/system/work.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist/renderer');
export const ARTIFACTS = join(ROOT, 'test/artifacts');

const CHROMIUM_OWN = /^chromium: (?:CONNECT |GET http:\/\/|POST http:\/\/)(?:update\.googleapis\.com|accounts\.google\.com|clients2\.google\.com)[:/]/;

export const isLoopback = (url: string) => {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  return new URL(url).hostname === '127.0.0.1';
};

export interface BrowserStack {
  home: string;
  backend: WorkerClient;
  host: Host;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  requests: string[];
  blocked: string[];
  /** Every non-loopback connection attempt (Chromium through its proxy, this process); close() fails on any. */
  egress: EgressRecorder;
  consoleProblems: string[];
  pageErrors: string[];
  /** CSP violations the page reported (also the ones the console might not show, e.g. caught evals). */
  cspViolations(): Promise<string[]>;
  shot(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** `database`: which database the host opens, given the data folder and the real database's path (as `spiegel
 *  serve` chooses: data/demo.ts chooseDatabase); by default the real one, empty. */
export async function startBrowserStack(
  prefix = 'spiegel-e2e-',
  // stepDelayMs: long work waits this long at every checkpoint (data/system/work.ts), so a test can watch it and cancel.
  options: { database?: (home: string, real: string) => Promise<string>; stepDelayMs?: StepDelay } = {},
): Promise<BrowserStack> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await ensureRenderer();
  const egress = await startEgressRecorder();
  const home = mkdtempSync(join(tmpdir(), prefix));
  const real = join(home, 'spiegel.sqlite');
  const dbFile = options.database ? await options.database(join(home, 'home'), real) : real;
  // As `spiegel serve` runs it: restarted after erase (then on the real database) and restore.
  const backend = await startRestartingWorker({ dbFile, home: join(home, 'home'), afterErase: real, stepDelayMs: options.stepDelayMs });
  const host = await startHost({ call: backend.call, subscribe: (l) => void backend.subscribe(l), staticDir: DIST });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Chromium's own Google traffic (component updates, sign-in, autofill hints) is switched off: the egress
    // recorder found it reaching for update.googleapis.com, accounts.google.com and content-autofill.
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-pings', '--disable-domain-reliability', '--disable-extensions', '--disable-default-apps', '--disable-client-side-phishing-detection',
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,SigninInterceptBubble,NetworkTimeServiceQuerying',
      `--proxy-server=${egress.proxy}`,
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, serviceWorkers: 'block' });
  const requests: string[] = [];
  const blocked: string[] = [];
  const consoleProblems: string[] = [];
  const pageErrors: string[] = [];
  // Egress is blocked, not only observed: a stray request fails here as it would offline.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return {
    home, backend, host, browser, context, page, requests, blocked, egress, consoleProblems, pageErrors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    shot: (name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }),
    async close() {
      await browser.close();
      await host.close();
      await backend.close();
      rmSync(home, { recursive: true, force: true });
      // Debian's Chromium (the test browser, not Spiegel: Electron has no Google updater or sign-in) still
      // reaches for these from its browser process whatever the flags; they are refused at the proxy, and
      // named here rather than hidden. Anything else — the page's, Node's — fails the test.
      const attempts = egress.attempts().filter((a) => !CHROMIUM_OWN.test(a));
      await egress.stop();
      if (attempts.length > 0) throw new Error(`egress: ${attempts.length} connection attempt(s) to non-loopback addresses: ${attempts.join('; ')}`);
    },
  };
}

// The security defaults of ARCHITECTURE.md, in one place so the tests can read them off the fake.
// Youth-care data must never leave the laptop: the window can show only our own files, cannot navigate,
// open windows, ask for permissions or reach the network.
import type { PreventableEvent, SessionApi, WebContentsApi, WebPreferences } from './api.js';
import { CONTENT_SECURITY_POLICY } from '../core/csp.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'spiegel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/`;
export const START_URL = `${APP_URL}index.html`;

// Inline styles are allowed by the shared policy because vega-embed and React style attributes need them.
export { CONTENT_SECURITY_POLICY };

export function webPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false, // the spellchecker downloads dictionaries
    devTools,
  };
}

/** True for URLs of our own app content (app://spiegel/...), whatever the path. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

// An allow-list rather than a block-list, so a scheme nobody thought of (ftp:, file:, a future one)
// is refused too. devtools: is Chromium's own inspector, served from inside the binary.
const ALLOWED_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

export function allowRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
    return ALLOWED_SCHEMES.has(u.protocol);
  } catch {
    return false;
  }
}

export function lockDownSession(session: SessionApi): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url) }));
}

export function lockDownContents(contents: WebContentsApi): void {
  const stayInApp = (event: PreventableEvent, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** After the data process erased all data: what Chromium kept for the window (HTTP cache, storage) goes too. */
export async function eraseBrowserData(session: SessionApi): Promise<void> {
  await session.clearStorageData();
  await session.clearCache();
}

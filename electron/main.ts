// The Electron shell: one locked-down window, our files over app://spiegel/, and an IPC relay to the
// data process. No telemetry, no auto-update, no network. Electron itself is injected (see api.ts).
import { join } from 'node:path';
import type { ElectronApi, WindowApi } from './api.js';
import { chooseFolder, chosenHome, rememberHome } from './home.js';
import { keyForDataProcess } from './key.js';
import { createAppProtocolHandler } from './protocol.js';
import { connectDataHost, EVENT_CHANNEL, INVOKE_CHANNEL, refuseRequest, type DataHost } from './relay.js';
import { APP_SCHEME, START_URL, eraseBrowserData, lockDownContents, lockDownSession, webPreferences } from './security.js';
import { decode, encode } from '../core/contract/envelope.js';
import { leavesNoDatabase } from '../core/contract/system.js';

export interface ShellOptions {
  /** The built renderer (dist/renderer); the only folder app:// serves. */
  rendererDir: string;
  /** The bundled preload (build/out/preload.cjs); sandboxed, so one CommonJS file. */
  preloadFile: string;
  /** The bundled data host (build/out/data-host.cjs), run in a utilityProcess. */
  dataHostFile: string;
  /** better-sqlite3 built for Electron's ABI, kept apart from the Node build. */
  nativeBinding?: string | undefined;
  /** Where the database and the pseudonym key live: the same folder the CLI and browser host use
   *  ($SPIEGEL_HOME or ~/.spiegel), so every way of starting Spiegel sees the same data. */
  home: string;
  /** SPIEGEL_HOME set `home`: a folder chosen in Instellingen neither applies nor can be chosen. */
  homeFromEnvironment?: boolean | undefined;
  devTools?: boolean | undefined;
  /** Open the synthetic demo region while the real database holds no data (the desktop app does). */
  demo?: boolean | undefined;
}

export interface Shell {
  /** Resolves once the window is loading; for tests and for the entry's error report. */
  ready: Promise<WindowApi>;
  dataHost: DataHost;
}

/** The database's name inside home, as data/cli/context.ts names it. */
export const DB_FILE_NAME = 'spiegel.db';

/** Arguments for data/electron-host.ts, which reads them back from its argv. */
export function dataHostArgs(dbFile: string, home: string, nativeBinding?: string, demo?: boolean): string[] {
  const args = [`--spiegel-db=${dbFile}`, `--spiegel-home=${home}`];
  if (nativeBinding) args.push(`--spiegel-native-binding=${nativeBinding}`);
  if (demo) args.push('--spiegel-demo=1');
  return args;
}

export function startShell(electron: ElectronApi, options: ShellOptions): Shell | null {
  const { app, BrowserWindow, ipcMain, protocol, session, utilityProcess } = electron;

  app.setName('Spiegel');
  // Chromium's own state (caches, storage). Started as `electron build/out/main.cjs` the app would
  // otherwise be called "Electron" and share that folder with every other unnamed Electron app.
  app.setPath('userData', join(app.getPath('appData'), 'Spiegel'));
  // Two instances would write one database from two processes; the second one hands over instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.enableSandbox();
  // Must happen before 'ready': makes app:// behave like https (origin, 'self' in the CSP, fetch).
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  let window: WindowApi | null = null;
  const userData = app.getPath('userData');
  let home = (!options.homeFromEnvironment && chosenHome(userData)) || options.home;
  const dataHost = connectDataHost(
    () => {
      // Read (or made, or moved from the plain file) for every new data process: after an erase the next one
      // gets a new key. Throws with the reason when an encrypted key cannot be read; that call is answered with it.
      const key = keyForDataProcess(electron.safeStorage, home);
      const child = utilityProcess.fork(options.dataHostFile, dataHostArgs(join(home, DB_FILE_NAME), home, options.nativeBinding, options.demo), {
        serviceName: 'Spiegel data',
        stdio: 'inherit',
      });
      // The first message, before any request (data/electron-host.ts waits for it); without one the data
      // process reads the 0600 key file in home itself.
      if (key) {
        child.postMessage({ start: { key: new Uint8Array(key) } });
        key.fill(0); // postMessage has copied it
      }
      return child;
    },
    (event) => {
      if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
    },
  );

  ipcMain.handle(INVOKE_CHANNEL, async (event, method, encodedArgs) => {
    const refusal = refuseRequest(event, window, method, encodedArgs);
    if (refusal !== null) return refusal;
    if (method === 'settings/choose-folder') {
      return chooseFolder({
        dialog: electron.dialog,
        fixedByEnvironment: options.homeFromEnvironment ?? false,
        current: () => home,
        importing: async () => (decode(await dataHost.request('import/status', encode({}))) as { value?: { running?: boolean } }).value?.running === true,
        switchTo: (folder) => {
          rememberHome(userData, folder);
          home = folder;
          dataHost.close(); // the next call starts a data process on the new folder
          if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, 'data/changed');
        },
      });
    }
    const reply = await dataHost.request(method as string, encodedArgs as string);
    // After an erase or a restore the next call starts a new data process (empty store and new key, or the
    // backup's); after an erase Chromium's own caches and storage are cleared too.
    if (leavesNoDatabase(method as string, reply)) {
      dataHost.close();
      if (method === 'system/erase') await eraseBrowserData(session.defaultSession);
    }
    return reply;
  });

  app.on('second-instance', () => window?.show());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => dataHost.close());

  const ready = app.whenReady().then(async () => {
    lockDownSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));
    const win = new BrowserWindow({
      width: 1400,
      height: 900,
      title: 'Spiegel',
      show: false,
      webPreferences: webPreferences(options.preloadFile, options.devTools ?? false),
    });
    window = win;
    lockDownContents(win.webContents);
    win.once('ready-to-show', () => win.show());
    await win.loadURL(START_URL);
    return win;
  });

  return { ready, dataHost };
}

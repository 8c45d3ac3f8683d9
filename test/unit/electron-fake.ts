// The one fake this project allows: a recording stand-in for the parts of Electron the shell uses
// (electron/api.ts), because Electron's binary cannot run on the build machines. It records what the
// shell set up so tests can read it back, and its utilityProcess.fork runs the real data host in a
// worker_thread, so the IPC relay is tested end to end.
//
// makeIpcTransport() is the IPC transport for the shared contract test suite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawTransport } from '../../core/contract/api.js';
import type { EventName } from '../../core/contract/methods.js';
import type {
  ChildApi,
  ElectronApi,
  FrameApi,
  IpcInvokeEvent,
  OnBeforeRequestDetails,
  PreventableEvent,
  SafeStorageApi,
  SessionApi,
  WebContentsApi,
  WindowApi,
  WindowOptions,
} from '../../electron/api.js';
import { startShell, type Shell } from '../../electron/main.js';
import { INVOKE_CHANNEL } from '../../electron/relay.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const dataHostSource = join(repoRoot, 'data', 'electron-host.ts');

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame implements FrameApi {
  constructor(
    public url: string,
    readonly parent: FrameApi | null = null,
  ) {}
}

export class FakeWebContents extends Emitter implements WebContentsApi {
  readonly mainFrame = new FakeFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    this.emit(`sent:${channel}`, ...args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits a navigation event the way Chromium would; returns whether the shell blocked it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

export class FakeWindow extends Emitter implements WindowApi {
  readonly webContents = new FakeWebContents();
  shown = false;
  readonly loaded: string[] = [];
  constructor(readonly options: WindowOptions) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
    this.emit('ready-to-show');
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.webContents.destroyed;
  }
}

export class FakeSession implements SessionApi {
  permissionRequestHandler: Parameters<SessionApi['setPermissionRequestHandler']>[0] | null = null;
  permissionCheckHandler: Parameters<SessionApi['setPermissionCheckHandler']>[0] | null = null;
  beforeRequest: ((details: OnBeforeRequestDetails, callback: (r: { cancel: boolean }) => void) => void) | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequestHandler']>): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheckHandler']>): void {
    this.permissionCheckHandler = handler;
  }
  webRequest = {
    onBeforeRequest: (listener: NonNullable<FakeSession['beforeRequest']>): void => {
      this.beforeRequest = listener;
    },
  };
  cleared: string[] = [];
  async clearStorageData(): Promise<void> {
    this.cleared.push('storage');
  }
  async clearCache(): Promise<void> {
    this.cleared.push('cache');
  }
  /** Asks the session's request filter about a URL; true when the request would be cancelled. */
  cancels(url: string): boolean {
    let cancel: boolean | undefined;
    this.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
    if (cancel === undefined) throw new Error('onBeforeRequest did not answer');
    return cancel;
  }
}

/**
 * safeStorage with a transformation a test can see and undo by hand: a marker, then the UTF-8 bytes XOR 0x5a.
 * Off by default (as on a machine without a key store), so the shell keeps the 0600 key file.
 */
export class FakeSafeStorage implements SafeStorageApi {
  static readonly MARKER = Buffer.from('FAKE-OS-CRYPT:');
  available = false;
  backend = 'gnome_libsecret';
  readonly calls: string[] = [];
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    this.calls.push('encrypt');
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([FakeSafeStorage.MARKER, Buffer.from(Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a))]);
  }
  decryptString(encrypted: Buffer): string {
    this.calls.push('decrypt');
    if (!this.available) throw new Error('Decryption is not available.');
    const marker = FakeSafeStorage.MARKER;
    if (!encrypted.subarray(0, marker.length).equals(marker)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(marker.length).map((b) => b ^ 0x5a)).toString('utf8');
  }
}

export type ForkImpl = (modulePath: string, args: string[]) => ChildApi;

/** The recording fake plus what it recorded. Call order matters to Electron, so it is kept. */
export class FakeElectron {
  readonly calls: string[] = [];
  readonly windows: FakeWindow[] = [];
  readonly schemes: Parameters<ElectronApi['protocol']['registerSchemesAsPrivileged']>[0] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly ipcHandlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => Promise<string>>();
  readonly forks: { modulePath: string; args: string[]; options: unknown; child: ChildApi; exited: boolean }[] = [];
  readonly appEvents = new Emitter();
  readonly session = new FakeSession();
  readonly safeStorage = new FakeSafeStorage();
  ready = false;
  private readonly readyGate: Promise<void>;
  private openGate!: () => void;

  constructor(private readonly forkImpl: ForkImpl = () => { throw new Error('no data process in this test'); }, readonly userData = '/fake/userData') {
    this.readyGate = new Promise((resolve) => (this.openGate = resolve));
  }

  /** Fires 'ready' (the shell must have registered its schemes before this). */
  makeReady(): void {
    this.ready = true;
    this.calls.push('app.ready');
    this.openGate();
  }

  get window(): FakeWindow {
    const w = this.windows[0];
    if (!w) throw new Error('no window was created');
    return w;
  }

  /** Calls the registered spiegel:invoke handler as if the given frame sent it. */
  invoke(method: unknown, encodedArgs: unknown, from?: Partial<IpcInvokeEvent>): Promise<string> {
    const handler = this.ipcHandlers.get(INVOKE_CHANNEL);
    if (!handler) throw new Error('no spiegel:invoke handler');
    const wc = this.window.webContents;
    const event: IpcInvokeEvent = { sender: wc, senderFrame: wc.mainFrame, ...from };
    return handler(event, method, encodedArgs);
  }

  get api(): ElectronApi {
    const { calls, windows } = this;
    return {
      app: {
        setName: (name) => void calls.push(`app.setName(${name})`),
        enableSandbox: () => void calls.push('app.enableSandbox'),
        requestSingleInstanceLock: () => (calls.push('app.requestSingleInstanceLock'), true),
        whenReady: () => this.readyGate,
        getPath: (name) => (name === 'appData' ? '/fake/appData' : this.userData),
        setPath: (name, path) => void calls.push(`app.setPath(${name}, ${path})`),
        on: (event: string, listener: () => void) => this.appEvents.on(event, listener),
        quit: () => void calls.push('app.quit'),
      },
      BrowserWindow: class extends FakeWindow {
        constructor(options: WindowOptions) {
          super(options);
          calls.push('new BrowserWindow');
          windows.push(this);
        }
      },
      session: { defaultSession: this.session },
      safeStorage: this.safeStorage,
      ipcMain: {
        handle: (channel, listener) => {
          calls.push(`ipcMain.handle(${channel})`);
          this.ipcHandlers.set(channel, listener);
        },
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes) => {
          calls.push('protocol.registerSchemesAsPrivileged');
          if (this.ready) throw new Error('registerSchemesAsPrivileged after ready');
          this.schemes.push(...schemes);
        },
        handle: (scheme, handler) => {
          calls.push(`protocol.handle(${scheme})`);
          this.protocolHandlers.set(scheme, handler);
        },
      },
      utilityProcess: {
        fork: (modulePath, args, options) => {
          const child = this.forkImpl(modulePath, args);
          const record = { modulePath, args, options, child, exited: false };
          child.on('exit', () => (record.exited = true));
          this.forks.push(record);
          return child;
        },
      },
    };
  }
}

// ---- a real data host in a worker_thread -------------------------------------------------------------

/** Which service the data host serves: a module's export called with options. */
export interface ServiceSpec {
  /** Absolute path of the module. */
  module: string;
  exportName: string;
  options?: unknown;
}

const tsxApi = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs'),
).href;

/**
 * Runs data/electron-host.ts in a worker_thread under tsx. Without a service spec the worker plays
 * Electron's utilityProcess: it provides process.parentPort (messages wrapped in {data}) and the
 * argv main passed, and lets the host's own start-up code pick the real service. With one, it calls
 * runDataHost with that service instead.
 */
export function workerDataHost(service?: ServiceSpec): ForkImpl {
  return (modulePath, args) => {
    const code = `
      import { register } from ${JSON.stringify(tsxApi)};
      import { parentPort, workerData } from 'node:worker_threads';
      register();
      const { hostFile, service } = workerData;
      if (service) {
        const { runDataHost } = await import(hostFile);
        const mod = await import(service.module);
        runDataHost(parentPort, () => mod[service.exportName](service.options), () => process.exit(0));
      } else {
        process.parentPort = {
          on: (_event, listener) => parentPort.on('message', (data) => listener({ data })),
          postMessage: (m) => parentPort.postMessage(m),
        };
        await import(hostFile);
      }
    `;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
      argv: args,
      workerData: { hostFile: pathToFileURL(modulePath).href, service: service && { ...service, module: pathToFileURL(service.module).href } },
    });
    const child: ChildApi = {
      postMessage: (m) => worker.postMessage(m),
      on: (event: 'message' | 'exit', listener: (arg: never) => void) => worker.on(event, listener as (arg: unknown) => void),
      kill: () => (void worker.terminate(), true),
    };
    worker.on('error', (e) => console.error('data host worker failed:', e));
    return child;
  };
}

// ---- the IPC transport for the shared contract suite -------------------------------------------------

export interface IpcTransport {
  /** (method, encodedArgs) → encoded Result, through the shell's spiegel:invoke handler. */
  transport: RawTransport;
  /** Events main forwarded to the window (what preload's onEvent would see). */
  onEvent(listener: (event: EventName) => void): () => void;
  fake: FakeElectron;
  shell: Shell;
  close(): Promise<void>;
}

/**
 * A RawTransport over the Electron IPC relay: a shell on the recording fake, the real
 * data/electron-host.ts in a worker_thread, calls made as the window's main frame would make them.
 * Without a spec it serves the real data/service.ts createService on a fresh database in a temp folder
 * (passed the way main passes it: --spiegel-db / --spiegel-home argv).
 */
export async function makeIpcTransport(
  service?: ServiceSpec,
  /** home: a folder the caller owns (kept on close); protectKey: the fake safeStorage is available. */
  options: { home?: string; protectKey?: boolean } = {},
): Promise<IpcTransport> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'spiegel-ipc-'));
  const fake = new FakeElectron(workerDataHost(service), join(home, 'userData'));
  fake.safeStorage.available = options.protectKey ?? false;
  const rendererDir = join(home, 'renderer');
  const shell = startShell(fake.api, { rendererDir, preloadFile: join(home, 'preload.cjs'), dataHostFile: dataHostSource, home });
  if (!shell) throw new Error('the shell did not start');
  fake.makeReady();
  await shell.ready;
  return {
    transport: (method, encodedArgs) => fake.invoke(method, encodedArgs),
    onEvent(listener) {
      const relay = (name: unknown): void => listener(name as EventName);
      fake.window.webContents.on('sent:spiegel:event', relay);
      return () => {
        const list = fake.window.webContents.listeners.get('sent:spiegel:event') ?? [];
        fake.window.webContents.listeners.set('sent:spiegel:event', list.filter((l) => l !== relay));
      };
    },
    fake,
    shell,
    async close() {
      const children = fake.forks.filter((f) => !f.exited).map((f) => f.child);
      const exits = children.map((c) => new Promise<void>((resolve) => void c.on('exit', () => resolve())));
      // As on quit: main asks the host to close the database and the host exits by itself.
      fake.appEvents.emit('before-quit');
      await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 2000))]);
      for (const c of children) c.kill();
      if (!options.home) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Writes a small module to a temp folder (for in-test services the worker can import). */
export function writeTempModule(name: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-mod-'));
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

// The parts of Electron the shell uses, and nothing more. The real module is injected in entry.ts
// (the type checker proves it fits); tests inject a recording fake, because Electron's binary cannot
// run on the build machines (ARCHITECTURE.md, "Testing the parts that cannot run here").
import type { FolderDialog } from './home.js';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
  devTools: boolean;
}

export interface WindowOptions {
  width: number;
  height: number;
  title: string;
  show: boolean;
  webPreferences: WebPreferences;
}

/** A frame as the IPC sender check sees it. */
export interface FrameApi {
  readonly url: string;
  readonly parent: FrameApi | null;
}

export interface WebContentsApi {
  readonly mainFrame: FrameApi;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface WindowApi {
  readonly webContents: WebContentsApi;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  isDestroyed(): boolean;
}

export interface OnBeforeRequestDetails {
  url: string;
}

export interface SessionApi {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: OnBeforeRequestDetails, callback: (response: { cancel: boolean }) => void) => void): void;
  };
  /** For "erase all data": Chromium's caches and storage of the window (electron/security.ts). */
  clearStorageData(): Promise<void>;
  clearCache(): Promise<void>;
}

export interface IpcInvokeEvent {
  readonly sender: unknown;
  readonly senderFrame: FrameApi | null;
}

/** The data process as main sees it (Electron's UtilityProcess). */
export interface ChildApi {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Electron's safeStorage: strings encrypted with a key the OS keeps (Keychain, DPAPI, libsecret/kwallet). */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring was found and Electron uses a hard-coded password. */
  getSelectedStorageBackend(): string;
}

export interface ElectronApi {
  app: {
    setName(name: string): void;
    enableSandbox(): void;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<unknown>;
    getPath(name: 'userData' | 'appData'): string;
    setPath(name: 'userData', path: string): void;
    on(event: 'window-all-closed' | 'before-quit', listener: () => void): unknown;
    on(event: 'second-instance', listener: () => void): unknown;
    quit(): void;
  };
  BrowserWindow: new (options: WindowOptions) => WindowApi;
  session: { readonly defaultSession: SessionApi };
  ipcMain: {
    handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<string>): void;
  };
  protocol: {
    registerSchemesAsPrivileged(
      schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }[],
    ): void;
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
  };
  safeStorage: SafeStorageApi;
  /** The OS folder dialog, for choosing the data folder (electron/home.ts); optional so older fakes still fit. */
  dialog?: FolderDialog;
  utilityProcess: {
    fork(modulePath: string, args: string[], options: { serviceName: string; stdio: 'inherit' }): ChildApi;
  };
}

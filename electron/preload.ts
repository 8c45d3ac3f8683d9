// Runs sandboxed in the window before the page: exposes the contract as window.spiegel and nothing
// else (renderer code never sees ipcRenderer). Bundled to one CommonJS file (build/electron.js)
// because a sandboxed preload can require only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

const bridge = createBridge(ipcRenderer);

contextBridge.exposeInMainWorld('spiegel', {
  invoke: bridge.invoke,
  onEvent: bridge.onEvent,
});

// Electron main entry: injects the real Electron module into the shell. Bundled to build/out/main.cjs,
// next to preload.cjs and data-host.cjs; the renderer is built into dist/renderer.
import * as electron from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startShell } from './main.js';

// __dirname is build/out once bundled to CommonJS.
const root = join(__dirname, '..', '..');
// Installed, root is resources/app.asar; native code cannot load from inside the archive, so the installer
// unpacks it beside it (electron-builder.yml asarUnpack).
const unpacked = root.endsWith('.asar') ? `${root}.unpacked` : root;

const shell = startShell(electron, {
  rendererDir: join(root, 'dist', 'renderer'),
  preloadFile: join(__dirname, 'preload.cjs'),
  dataHostFile: join(__dirname, 'data-host.cjs'),
  nativeBinding: join(unpacked, 'build', 'native', 'electron', 'better_sqlite3.node'),
  home: process.env.SPIEGEL_HOME || join(homedir(), '.spiegel'),
  homeFromEnvironment: !!process.env.SPIEGEL_HOME,
  devTools: process.env.SPIEGEL_DEVTOOLS === '1',
  demo: true, // until the analyst has imported data of their own, open the synthetic demo region
});

shell?.ready.catch((e: unknown) => {
  console.error(`Spiegel: could not open the window: ${(e as Error).message}`);
  electron.app.quit();
});

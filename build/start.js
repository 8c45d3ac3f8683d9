// `npm start`: build the renderer, bundle the Electron side, make sure better-sqlite3 exists for
// Electron's ABI, then run Electron. Without an Electron binary it says so in one line and points to
// the browser host, because Electron cannot be installed everywhere (ARCHITECTURE.md).
import { spawnSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const MISSING_ELECTRON =
  'Spiegel: Electron is not installed on this machine; run `npm run serve` to open Spiegel in your browser.';

/**
 * The Electron executable, or null when it is not there. This repeats what require('electron') does
 * (path.txt names the binary inside dist/) without requiring it: the package's index.js starts a
 * download when the binary is missing, and Spiegel makes no network calls of its own accord.
 */
export function findElectronBinary(packageDir = join(root, 'node_modules', 'electron'), env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  let binary;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  else if (executable) binary = join(packageDir, 'dist', executable);
  else return null;
  return existsSync(binary) ? binary : null;
}

function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status === 0;
}

function buildRenderer() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!run(process.execPath, [vite, 'build', '--logLevel', 'warn'])) throw new Error('the renderer build failed');
}

export const NATIVE_DIR = join(root, 'build', 'native', 'electron');
export const NATIVE_BINDING = join(NATIVE_DIR, 'better_sqlite3.node');

/**
 * better-sqlite3 is a native module: the copy in node_modules is built for Node (tests, CLI, browser
 * host) and will not load in Electron, whose ABI differs. So a second build is made for Electron and
 * kept apart in build/native/electron; the data host points better-sqlite3's `nativeBinding` at it.
 * It is made once per Electron and better-sqlite3 version (a stamp file records which):
 *   1. copy node_modules/better-sqlite3 (sources, no build) to a scratch folder;
 *   2. there, `prebuild-install --runtime electron --target <electron version>` fetches the matching
 *      prebuilt binary from better-sqlite3's releases;
 *   3. if there is none for this platform, `node-gyp rebuild --runtime=electron --target=<version>
 *      --dist-url=https://electronjs.org/headers` compiles it against Electron's headers (needs a C++
 *      toolchain, like any node-gyp build);
 *   4. build/Release/better_sqlite3.node is copied to build/native/electron/ and the scratch removed.
 * This is the only step of `npm start` that uses the network, and only the first time.
 */
export function ensureElectronSqlite(version = electronVersion()) {
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const stampFile = join(NATIVE_DIR, 'stamp.json');
  const stamp = JSON.stringify({ electron: version, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch });
  if (existsSync(NATIVE_BINDING) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return NATIVE_BINDING;

  const scratch = join(NATIVE_DIR, 'scratch');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(NATIVE_DIR, { recursive: true });
  cpSync(sqliteDir, scratch, { recursive: true, filter: (src) => !src.startsWith(join(sqliteDir, 'build')) });

  const target = ['--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform];
  const prebuildInstall = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  let built = run(process.execPath, [prebuildInstall, ...target], { cwd: scratch });
  if (!built) {
    console.log('Spiegel: no prebuilt better-sqlite3 for this Electron; compiling it with node-gyp');
    const gypArgs = ['rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'];
    // npm passes its own node-gyp to scripts; otherwise npx finds or fetches one.
    built = process.env.npm_config_node_gyp
      ? run(process.execPath, [process.env.npm_config_node_gyp, ...gypArgs], { cwd: scratch })
      : run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp', ...gypArgs], { cwd: scratch, shell: process.platform === 'win32' });
  }
  const output = join(scratch, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) throw new Error('could not build better-sqlite3 for Electron');
  copyFileSync(output, NATIVE_BINDING);
  writeFileSync(stampFile, stamp);
  rmSync(scratch, { recursive: true, force: true });
  return NATIVE_BINDING;
}

async function main() {
  const electron = findElectronBinary();
  if (!electron) {
    console.log(MISSING_ELECTRON);
    process.exit(1);
  }
  buildRenderer();
  const { bundleElectron } = await import('./electron.js');
  const { main: mainFile } = await bundleElectron();
  ensureElectronSqlite();

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node instead of the app
  const child = spawn(electron, [mainFile], { stdio: 'inherit', cwd: root, env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(`Spiegel: ${e.message}`);
    process.exit(1);
  });
}

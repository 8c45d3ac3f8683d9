// Bundles the Electron side into build/out with Vite's build API (no Electron binary needed):
//   electron/entry.ts       → main.cjs       (Electron main)
//   electron/preload.ts     → preload.cjs    (sandboxed: one file that requires only 'electron')
//   data/electron-host.ts   → data-host.cjs  (the utilityProcess)
// Main and the data host are Node-side SSR bundles: packages stay in node_modules (better-sqlite3 is
// native, xmllint-wasm loads its .wasm next to itself) and only our own sources are bundled.
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'build', 'out');

// Electron 45 ships Node 22 and Chromium 140.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/**
 * Our sources find their neighbours with new URL('..', import.meta.url) (package.json, reference
 * tables). Once bundled into build/out that would point at build/, so each use is rewritten to the
 * source file's own location, relative to the bundle so the tree can still be moved as a whole.
 */
function keepSourceLocations() {
  return {
    name: 'spiegel:source-import-meta-url',
    transform(code, id) {
      if (!code.includes('import.meta.url') || id.includes(`${sep}node_modules${sep}`) || id.includes('/node_modules/')) return null;
      const rel = relative(outDir, id.split('?')[0]).split(sep).join('/');
      const url = `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(rel)})).href`;
      return { code: code.replaceAll('import.meta.url', url), map: null };
    },
  };
}

const common = {
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  // Leave process.env alone: these bundles run in Node, not in a page.
  define: {},
};

function nodeBundle(entry, fileName) {
  return build({
    ...common,
    plugins: [keepSourceLocations()],
    ssr: { target: 'node', external: ['electron', 'better-sqlite3'] },
    build: {
      ssr: join(root, entry),
      outDir,
      emptyOutDir: false,
      target: NODE_TARGET,
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        external: ['electron', 'better-sqlite3'],
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
  });
}

function preloadBundle() {
  return build({
    ...common,
    build: {
      outDir,
      emptyOutDir: false,
      target: CHROME_TARGET,
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: join(root, 'electron', 'preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      rolldownOptions: {
        external: ['electron'],
        output: { codeSplitting: false },
      },
    },
  });
}

export async function bundleElectron() {
  await nodeBundle('electron/entry.ts', 'main.cjs');
  await preloadBundle();
  await nodeBundle('data/electron-host.ts', 'data-host.cjs');
  return {
    main: join(outDir, 'main.cjs'),
    preload: join(outDir, 'preload.cjs'),
    dataHost: join(outDir, 'data-host.cjs'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await bundleElectron();
  console.log(`Spiegel: bundled ${Object.values(files).map((f) => relative(root, f)).join(', ')}`);
}

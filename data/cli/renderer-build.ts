// The browser host serves the built renderer (dist/renderer). Build it when it is missing or older than
// its sources, so `spiegel serve` works right after `npm ci` without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = join(root, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function rendererIsFresh(): boolean {
  const index = join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return ['renderer', 'core'].every((d) => newestMtime(join(root, d)) <= built);
}

export async function ensureRenderer(): Promise<string> {
  if (!rendererIsFresh()) {
    process.stdout.write('De gebruikersinterface wordt gebouwd…\n');
    const { build } = await import('vite');
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  return RENDERER_DIR;
}

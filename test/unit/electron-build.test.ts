// The Electron build and start scripts, run here without the Electron binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './electron-fake.js';

const tmp = mkdtempSync(join(tmpdir(), 'spiegel-start-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build/electron.js', () => {
  it('bundles main, preload and the data host; the preload requires nothing but electron', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'build', 'electron.js')], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const out = join(repoRoot, 'build', 'out');
    for (const f of ['main.cjs', 'preload.cjs', 'data-host.cjs']) expect(existsSync(join(out, f)), f).toBe(true);

    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/\bimport\s*\(|\bimport\s.+\sfrom\s/);
    expect(preload).toContain('exposeInMainWorld');

    // Main never loads data/; the data host never loads electron.
    const main = readFileSync(join(out, 'main.cjs'), 'utf8');
    expect(main).not.toMatch(/better-sqlite3|data\/service/);
    // No telemetry, no auto-update, no network of its own.
    expect(main).not.toMatch(/autoUpdater|crashReporter|net\.fetch|net\.request|require\(["']node:https?["']\)/);
    const host = readFileSync(join(out, 'data-host.cjs'), 'utf8');
    expect(host).not.toMatch(/require\(["']electron["']\)/);
  });
});

describe('build/start.js', () => {
  it('without an Electron binary prints one line pointing to npm run serve and exits non-zero', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'build', 'start.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      // Points Electron's lookup at an empty folder, so this holds even where Electron is installed.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tmp, 'no-electron') },
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toBe(
      'Spiegel: Electron is not installed on this machine; run `npm run serve` to open Spiegel in your browser.\n',
    );
  });

  it('finds the binary the way the electron package does, without requiring it', async () => {
    const startScript = pathToFileURL(join(repoRoot, 'build', 'start.js')).href;
    const { findElectronBinary } = (await import(startScript)) as { findElectronBinary: (dir: string, env: object) => string | null };
    const pkg = join(tmp, 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    expect(findElectronBinary(pkg, {})).toBeNull(); // never installed: no path.txt
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(pkg, {})).toBeNull(); // install failed: path.txt but no binary
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(pkg, {})).toBe(join(pkg, 'dist', 'electron'));
    expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: join(tmp, 'elsewhere') })).toBeNull();
  });
});

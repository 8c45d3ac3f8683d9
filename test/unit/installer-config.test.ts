// The installer configuration (electron-builder.yml) as electron-builder itself reads and checks it — its own
// loader (getConfig) and validator (validateConfiguration, scheme.json) — plus a direct check against
// scheme.json with the JSON-schema validator electron-builder ships (ajv), and the choices issue 11 asks
// for: per-user NSIS without elevation, no publish provider (no auto-update), native modules unpacked from
// the asar. The installers themselves cannot be built here (no Electron binary): README, "Installers bouwen".
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './electron-fake.js';

const builderDir = join(repoRoot, 'node_modules', 'app-builder-lib');
const requireFromBuilder = createRequire(join(builderDir, 'package.json'));

interface Config {
  appId?: string;
  productName?: string;
  files?: (string | { filter: string[] })[]; // getConfig turns the list into one { filter } set
  asar?: boolean;
  asarUnpack?: string[];
  publish?: unknown;
  npmRebuild?: boolean;
  win?: { target?: { target: string }[] };
  nsis?: { oneClick?: boolean; perMachine?: boolean; allowElevation?: boolean };
  mac?: { target?: { target: string }[] };
  linux?: { target?: { target: string }[] };
  [key: string]: unknown;
}

const { getConfig, validateConfiguration } = requireFromBuilder('./out/util/config/config.js') as {
  getConfig(projectDir: string): Promise<Config>;
  validateConfiguration(config: Config, debug: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const quiet = { isEnabled: false, add() {} };

/** ajv 8 as electron-builder uses it, compiled once over its scheme.json. */
function schemaCheck(): (config: unknown) => string[] {
  const Ajv = (requireFromBuilder('ajv') as { default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } } }).default;
  const scheme = JSON.parse(readFileSync(join(builderDir, 'scheme.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme);
  return (config) => (validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

describe('electron-builder.yml', () => {
  it('is what electron-builder loads, and passes its own validation', async () => {
    const config = await getConfig(repoRoot);
    expect(config.appId).toBe('nl.spiegel.desktop');
    expect(config.productName).toBe('Spiegel');
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
    expect(schemaCheck()(config)).toEqual([]);
  });

  it('the schema check bites: a misspelt or mistyped option is refused', async () => {
    const config = await getConfig(repoRoot);
    const check = schemaCheck();
    expect(check({ ...config, nsis: { ...config.nsis, perMachine: 'no' } })).not.toEqual([]);
    expect(check({ ...config, autoUpdate: true })).not.toEqual([]);
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, allowElevaton: false } } as Config, quiet)).rejects.toThrow(/configuration\.nsis/);
  });

  it('installs per user on Windows without admin rights, and builds dmg and AppImage/deb', async () => {
    const config = await getConfig(repoRoot);
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, oneClick: false });
    expect(config.win).toMatchObject({ requestedExecutionLevel: 'asInvoker' });
    expect(config.mac?.target?.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux?.target?.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('has no auto-update: no publish provider, no electron-updater, no update channel files', async () => {
    const config = await getConfig(repoRoot);
    expect(config.publish).toBeNull();
    expect(config).toMatchObject({ detectUpdateChannel: false, generateUpdatesFilesForAllChannels: false });
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: object; devDependencies: object; build?: unknown };
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
    expect(pkg.build).toBeUndefined(); // one configuration, in one place
  });

  it('unpacks better-sqlite3 built for Electron from the asar, where entry.ts looks for it, and rebuilds nothing', async () => {
    const config = await getConfig(repoRoot);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['build/native/**', 'node_modules/better-sqlite3/**']));
    const files = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['build/out/**', 'build/native/electron/better_sqlite3.node', 'dist/renderer/**']));
    expect(config.npmRebuild).toBe(false);
    // The same path as build/start.js NATIVE_BINDING, read from the unpacked folder once packaged.
    const entry = readFileSync(join(repoRoot, 'electron', 'entry.ts'), 'utf8');
    expect(entry).toMatch(/app\.asar\.unpacked|\.unpacked/);
    expect(entry).toContain("'build', 'native', 'electron', 'better_sqlite3.node'");
    expect(existsSync(join(repoRoot, 'build', 'start.js'))).toBe(true);
  });
});

// The demo region: a synthetic FoodValley generated on first start, imported into its own database
// (demo.db beside the real one), so an analyst can try Spiegel before importing anything and the demo
// never mixes with real figures. Labelled synthetic in every view (meta/dimensions → dataset).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeRegion } from './generate/region.js';
import { importSchoolTables } from './compare-schools/demo.js';
import { createService } from './service.js';
import { openDatabase } from './db/open.js';
import { saveDemoGoals } from './steering/demo-goals.js';

export const DEMO_SEED = 20251231;
export const DEMO_SCALE = 0.1; // about 700 children in care a year: realistic shapes, built in 1–2 minutes
export const DEMO_LABEL = 'Demoregio FoodValley — synthetische gegevens, geen echte kinderen';

export interface DemoOptions {
  scale?: number; // tests build a smaller demo
  nativeBinding?: string | undefined; // better-sqlite3 built for Electron, in the Electron data host
  key?: Uint8Array | undefined; // the pseudonym key when the desktop app holds it (ServiceOptions.key)
  log?: (line: string) => void;
}

function hasMessages(dbFile: string, o: DemoOptions): boolean {
  if (!existsSync(dbFile)) return false;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) });
  try {
    const row = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'message'").get() as { n: number };
    return row.n > 0 && (db.prepare('SELECT EXISTS (SELECT 1 FROM message) AS e').get() as { e: number }).e === 1;
  } finally {
    db.close();
  }
}

function open(dbFile: string, o: DemoOptions) {
  return openDatabase(dbFile, o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});
}

const versionOf = (o: DemoOptions) => `${DEMO_SEED}@${o.scale ?? DEMO_SCALE}+schools`; // +schools: built with the school tables

function demoIsCurrent(dbFile: string, o: DemoOptions): boolean {
  if (!existsSync(dbFile)) return false;
  const db = open(dbFile, o);
  try {
    return (db.prepare("SELECT value FROM setting WHERE key = 'demo-version'").get() as { value: string } | undefined)?.value === versionOf(o);
  } finally {
    db.close();
  }
}

/** Builds demo.db in `home` unless an up-to-date one is there; returns its path. */
export async function ensureDemo(home: string, o: DemoOptions = {}): Promise<string> {
  const dbFile = join(home, 'demo.db');
  if (demoIsCurrent(dbFile, o)) return dbFile;
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-demo-'));
  try {
    o.log?.('De demoregio wordt aangemaakt (eenmalig, 1 à 2 minuten)…');
    await writeRegion(dir, { seed: DEMO_SEED, scale: o.scale ?? DEMO_SCALE, schools: true });
    const service = createService({ dbFile, home, key: o.key, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) });
    try {
      const report = await service['import/files']({ paths: [dir] });
      const rejected = report.files.filter((f) => f.status === 'rejected');
      if (rejected.length) throw new Error(`demo region: ${rejected.length} generated files were rejected, first ${rejected[0]!.name}`);
      await importSchoolTables(service, dir); // population, DUO and leerplicht: per 1,000 and the schools tab
      // FoodValley-style example goals (docs/STEERING.md), from the demo's own levels.
      await saveDemoGoals(service, (await service['meta/dimensions']({})).peildatum);
    } finally {
      service.close();
    }
    const db = open(dbFile, o);
    const set = db.prepare('INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)');
    db.transaction(() => {
      set.run('synthetic', '1');
      set.run('dataset-label', DEMO_LABEL);
      set.run('demo-version', versionOf(o));
    })();
    db.close();
    return dbFile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The real database when it holds data; otherwise the demo region (built on first use). */
export async function chooseDatabase(home: string, real: string, o: DemoOptions = {}): Promise<string> {
  return hasMessages(real, o) ? real : ensureDemo(home, o);
}

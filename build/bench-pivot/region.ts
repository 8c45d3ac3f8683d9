// The region the pivot benchmark tiles: a synthetic region (data/generate, through `spiegel generate` in a
// child process, as bench:import does) imported through the app's own path into a database, both cached
// under $TMPDIR/spiegel-bench, and its FactStore built exactly as the app builds it (data/model/store.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifier } from '../../core/domain/codebook.js';
import type { FactStore } from '../../core/pivot/store.js';
import { openDatabase } from '../../data/db/open.js';
import { getSetting, latestDagtekening } from '../../data/model/load.js';
import { peildatumFrom } from '../../data/model/peildatum.js';
import { buildFactStore } from '../../data/model/store.js';
import { createService } from '../../data/service.js';
import { loadCodebook } from '../../data/tables/store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'spiegel.js');

export interface RegionOptions {
  seed: number;
  scale: number;
  root: string; // cache folder, e.g. $TMPDIR/spiegel-bench
  log: (line: string) => void;
}

export interface Region {
  store: FactStore;
  peildatum: string | null;
  dbFile: string;
  storeSeconds: number;
}

function ensureCorpus(o: RegionOptions): string {
  const dir = join(o.root, `seed${o.seed}-scale${o.scale}`);
  if (existsSync(join(dir, 'truth.json'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  o.log(`region seed ${o.seed} scale ${o.scale}: generating in ${dir}`);
  const r = spawnSync(process.execPath, [BIN, 'generate', '--out', dir, '--scale', String(o.scale), '--seed', String(o.seed)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`spiegel generate failed: ${r.stderr || r.stdout}`);
  return dir;
}

/** The imported database; built under a temporary name and renamed, so an interrupted import is redone. */
async function ensureDatabase(o: RegionOptions, corpus: string): Promise<string> {
  const dbFile = join(o.root, `pivot-seed${o.seed}-scale${o.scale}.db`);
  if (existsSync(dbFile)) return dbFile;
  const partial = `${dbFile}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  o.log(`region seed ${o.seed} scale ${o.scale}: importing into ${dbFile}`);
  const service = createService({ dbFile: partial, home: join(o.root, 'pivot-home') });
  try {
    const report = await service['import/files']({ paths: [corpus] });
    const rejected = report.files.filter((f) => f.status === 'rejected');
    if (rejected.length) throw new Error(`${rejected.length} generated files were rejected, first ${rejected[0]!.name}`);
  } finally {
    service.close();
  }
  const db = openDatabase(partial);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, dbFile);
  return dbFile;
}

export async function loadRegion(o: RegionOptions): Promise<Region> {
  mkdirSync(o.root, { recursive: true });
  const dbFile = await ensureDatabase(o, ensureCorpus(o));
  const db = openDatabase(dbFile);
  try {
    const t = performance.now();
    const today = new Date().toISOString().slice(0, 10);
    const peildatum = peildatumFrom(latestDagtekening(db, today), getSetting(db, 'peildatum'));
    const store = buildFactStore(db, peildatum, classifier(loadCodebook(db)));
    return { store, peildatum, dbFile, storeSeconds: (performance.now() - t) / 1000 };
  } finally {
    db.close();
  }
}

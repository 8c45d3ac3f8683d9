// The one implementation of the API contract (core/contract/methods.ts). Every transport — worker,
// HTTP browser host, Electron utilityProcess, CLI — calls these handlers.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { normalisePivotQuery, type DimensionsResult, type EventName, type Handlers } from '../core/contract/methods.js';
import { runPivot } from '../core/pivot/pivot.js';
import { drill } from '../core/pivot/drill.js';
import { dimensionValues } from '../core/pivot/values.js';
import type { FactStore } from '../core/pivot/store.js';
import type { Population } from '../core/pivot/transform.js';
import { DIMENSIONS, DIMENSION_INFO, MEASURES, MEASURE_INFO } from '../core/registry.js';
import { openDatabase } from './db/open.js';
import { ImportCancelledError, importFiles, listInputs, type ImportProgress } from './import/importer.js';
import { batchHistory, batchReport, undoBatch } from './import/batches.js';
import { ApiFailure } from '../core/contract/dispatch.js';
import { importStatus } from './import/progress.js';
import { checkedKey, loadOrCreateKey } from './import/pseudonym.js';
import { factStoreSteps } from './model/store.js';
import { runSteps, runStepsWith, type BuildStep } from './system/steps.js';
import { asWork, workRegistry, type StepDelay } from './system/work.js';
import { dimensionLabel } from './labels.js';
import { getSetting, latestDagtekening } from './model/load.js';
import { peildatumFrom } from './model/peildatum.js';
import { classifier } from '../core/domain/codebook.js';
import { tableHandlers } from './tables/handlers.js';
import { loadCodebook, youthPopulation } from './tables/store.js';
import { workbenchHandlers } from './workbench/handlers.js';
import { flowHandlers } from './flows/handlers.js';
import { stackingHandlers } from './stacking/handlers.js';
import { steeringHandlers } from './steering/handlers.js';
import { analysisHandlers } from './analysis/handlers.js';
import { compareHandlers } from './compare/handlers.js';
import { schoolHandlers } from './compare-schools/handlers.js';
import { benchmarkHandlers } from './benchmark/handlers.js';
import { systemHandlers } from './system/handlers.js';
import { settingsHandlers } from './settings/handlers.js';
import { suppressionThreshold, withThreshold } from './settings/store.js';

export interface ServiceOptions {
  dbFile: string;
  home: string; // holds the pseudonym key, outside the database
  /** The key itself, when the caller holds it (the desktop app keeps it encrypted by the OS and passes it
   *  to its data process); then the key file in home is neither read nor created. */
  key?: Uint8Array | undefined;
  nativeBinding?: string;
  today?: () => string; // YYYY-MM-DD; injectable so tests fix "the day of import"
  /** Started by the desktop app (electron-host.ts): settings offer choosing another data folder. */
  desktop?: boolean;
  /** Tests only: long work waits this long at every checkpoint, so a browser test can watch it and cancel. */
  stepDelayMs?: StepDelay;
}

export interface Service extends Handlers {
  close(): void;
  onEvent(listener: (event: EventName) => void): void;
}

interface Model {
  store: FactStore;
  peildatum: string | null;
  messages: number;
  population: Population | null;
}

// The suppression threshold is a setting (data/settings/store.ts), read per call as threshold() in
// createService; handlers that take a number get it per call by withThreshold(threshold, (t) => make(t)).

export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function* modelSteps(db: Database.Database, today: string): Generator<BuildStep, Model> {
  const peildatum = peildatumFrom(latestDagtekening(db, today), getSetting(db, 'peildatum'));
  const classify = classifier(loadCodebook(db)); // a regional codebook overrides the segment per ProductCode
  const store = yield* factStoreSteps(db, peildatum, classify);
  const messages = (db.prepare('SELECT COUNT(*) AS n FROM message').get() as { n: number }).n;
  return { store, peildatum, messages, population: populationOf(db) };
}

export function deriveModel(db: Database.Database, today: string): Model {
  return runSteps(modelSteps(db, today));
}

/** Youth population (0–17) per municipality and year, when a population table is imported. */
function populationOf(db: Database.Database): Population | null {
  const has = db.prepare(`SELECT 1 FROM ref_population LIMIT 1`).get();
  if (!has) return null;
  const years = new Map<number, Map<string, number>>();
  const of = (year: number) => {
    let m = years.get(year);
    if (!m) years.set(year, (m = youthPopulation(db, year)));
    return m;
  };
  return { aged0to17: (mun, year) => of(year).get(mun) ?? null, municipalities: (year) => [...of(year).keys()] };
}

export function createService(options: ServiceOptions): Service {
  mkdirSync(options.home, { recursive: true });
  const key = options.key ? checkedKey(options.key, 'passed by the desktop app') : loadOrCreateKey(join(options.home, 'pseudonym.key'));
  const db = openDatabase(options.dbFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const listeners: ((e: EventName) => void)[] = [];
  let model: Model | null = null;
  const work = workRegistry({ stepDelayMs: options.stepDelayMs });
  // One rebuild at a time, shared by every call that needs it; `generation` tells a rebuild that finishes
  // after new data arrived that its model is already stale.
  let building: { generation: number; done: Promise<Model> } | null = null;
  let generation = 0;
  // While an import runs its transaction is open on this connection: queries keep answering from the model
  // derived before it, and wait for it only when there is none yet.
  let running: { control: { cancelled: boolean }; done: Promise<unknown> } | null = null;
  let progress: ImportProgress | null = null;
  let progressAt = { started: 0, updated: 0 };
  const getModel = async (): Promise<Model> => {
    for (;;) {
      while (model === null && running !== null) await running.done.catch(() => undefined);
      if (model) return model;
      if (building && building.generation !== generation) {
        // Started before the latest change: let it end (it keeps nothing), then build on the new data.
        await building.done.catch(() => undefined);
        continue;
      }
      const started = generation;
      building ??= {
        generation: started,
        done: work
          .run('model', (checkpoint) => runStepsWith(modelSteps(db, today()), checkpoint))
          .then((m) => (started === generation ? (model = m) : m))
          .finally(() => (building = null)),
      };
      const m = await building.done; // a cancel rejects with WorkCancelledError, code 'cancelled'
      if (started === generation) return m;
      // New data (or an import that began) while it was built: its reads may have seen half of it.
    }
  };
  const changed = (): void => {
    model = null;
    generation++;
    for (const l of listeners) l('data/changed');
  };

  const threshold = (): number => suppressionThreshold(db);
  const context = (m: Model) => ({ peildatum: m.peildatum, threshold: threshold(), labels: dimensionLabel, population: m.population });
  const queryPivot = async (args: Parameters<Handlers['query/pivot']>[0]) => {
    const m = await getModel();
    return runPivot(m.store, normalisePivotQuery(args), context(m));
  };
  return asWork({
    ...workbenchHandlers(db, queryPivot),
    ...systemHandlers({ dbFile: options.dbFile, home: options.home, busy: () => running !== null, close: () => ((model = null), work.cancel(), db.close()) }),
    ...withThreshold(threshold, (t) => flowHandlers(async () => (await getModel()).store, t)),
    ...withThreshold(threshold, (t) => stackingHandlers(db, async () => (await getModel()).store, t)),
    ...withThreshold(threshold, (t) => steeringHandlers(db, async () => (await getModel()).store, t)),
    ...analysisHandlers(db, getModel, threshold), // a getter: its caches live as long as the service
    ...compareHandlers(db, getModel, threshold),
    ...withThreshold(threshold, (t) => schoolHandlers(db, async () => (await getModel()).store, t)),
    ...withThreshold(threshold, (t) => benchmarkHandlers(db, async () => (await getModel()).store, t, () => changed())),
    ...settingsHandlers({
      db, dbFile: options.dbFile, home: options.home, keyFromDesktop: options.key !== undefined, desktop: options.desktop ?? false, today,
      busy: () => running !== null, changed, close: () => ((model = null), work.cancel(), db.close()),
    }),
    ...tableHandlers(db, key, {
      busy: () => running !== null,
      // A codebook changes segments; the other tables are context for later views. Views refetch either way.
      onImported: () => changed(),
    }),
    async 'import/files'(args) {
      if (running !== null) throw new ApiFailure('busy', 'an import is already running; wait for it or cancel it');
      const onProgress = (p: ImportProgress): void => {
        progress = p;
        progressAt.updated = Date.now();
      };
      const control = { cancelled: false, onProgress };
      generation++; // a rebuild under way would read inside this import's transaction: it is not kept
      progressAt = { started: Date.now(), updated: Date.now() };
      const work = (async () => {
        const inputs = 'paths' in args ? await listInputs(args.paths) : args.files;
        return importFiles(db, inputs, { key, appVersion: APP_VERSION, source: args.source ?? null, control });
      })();
      running = { control, done: work };
      try {
        const report = await work;
        if (report.files.some((f) => f.messages > 0)) changed();
        return report;
      } catch (e) {
        if (e instanceof ImportCancelledError) throw new ApiFailure('import-cancelled', e.message);
        throw e;
      } finally {
        running = null;
      }
    },
    async 'import/status'() {
      return importStatus(progress, running !== null, progressAt, Date.now());
    },
    async 'import/cancel'() {
      if (running === null) return { cancelled: false };
      running.control.cancelled = true;
      return { cancelled: true };
    },
    async 'work/status'() {
      return { tasks: work.status() };
    },
    async 'work/cancel'(args) {
      return { cancelled: work.cancel(args.kind) };
    },
    async 'import/history'() {
      return { batches: batchHistory(db) };
    },
    async 'import/report'(args) {
      return batchReport(db, args.batchId);
    },
    async 'import/undo'(args) {
      if (running !== null) throw new ApiFailure('busy', 'an import is running; undo after it has finished');
      const result = undoBatch(db, args.batchId);
      changed();
      return result;
    },
    async 'query/pivot'(args) {
      const m = await getModel();
      return runPivot(m.store, normalisePivotQuery(args), context(m));
    },
    async 'query/drill'(args) {
      const m = await getModel();
      return drill(m.store, normalisePivotQuery(args.query), args.row, args.col, args.limit ?? 500);
    },
    async 'meta/dimensions'() {
      const m = await getModel();
      const dimensions: DimensionsResult['dimensions'] = DIMENSIONS.map((id) => {
        const values = dimensionValues(m.store, id);
        return { id, ...DIMENSION_INFO[id], values: values.map((k) => ({ key: k, label: dimensionLabel(id, k) })) };
      });
      return {
        dimensions,
        measures: MEASURES.map((id) => ({ id, ...MEASURE_INFO[id] })),
        peildatum: m.peildatum,
        dataset: { synthetic: getSetting(db, 'synthetic') === '1', label: getSetting(db, 'dataset-label') },
        counts: { messages: m.messages, clients: m.store.clients.numRows, carePeriods: m.store.periods.numRows },
        population: m.population !== null,
      };
    },
    close() {
      db.close();
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  }, work);
}

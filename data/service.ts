// The one implementation of the API contract (core/contract/methods.ts). Every transport — worker,
// HTTP browser host, Electron utilityProcess, CLI — calls these handlers.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { normalisePivotQuery, type DimensionsResult, type EventName, type Handlers } from '../core/contract/methods.js';
import { runPivot, type FactTables } from '../core/pivot/pivot.js';
import { compareKeys } from '../core/pivot/order.js';
import { keyReader } from '../core/pivot/keys.js';
import { AGE_BANDS, DIMENSIONS, DIMENSION_INFO, MEASURES, MEASURE_INFO } from '../core/registry.js';
import { toDay } from '../core/domain/dates.js';
import { openDatabase } from './db/open.js';
import { importFiles, readInputs } from './import/importer.js';
import { loadOrCreateKey } from './import/pseudonym.js';
import { deriveCarePeriods, type CarePeriod } from './model/careperiods.js';
import { buildFactTables } from './model/facts.js';
import { assignTrajectories } from './model/trajectories.js';
import { loadClientFacts } from './model/clients.js';
import { loadDeclarationLines } from './model/money.js';
import { dimensionLabel } from './labels.js';
import { getSetting, latestDagtekening, loadAssignments, loadStarts, loadStops } from './model/load.js';
import { peildatumFrom } from './model/peildatum.js';

export interface ServiceOptions {
  dbFile: string;
  home: string; // holds the pseudonym key, outside the database
  nativeBinding?: string;
  today?: () => string; // YYYY-MM-DD; injectable so tests fix "the day of import"
}

export interface Service extends Handlers {
  close(): void;
  onEvent(listener: (event: EventName) => void): void;
}

interface Model {
  periods: CarePeriod[];
  facts: FactTables;
  peildatum: string | null;
}

const SUPPRESSION_THRESHOLD = 5;

export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export function deriveModel(db: Database.Database, today: string): Model {
  const { periods } = deriveCarePeriods(loadAssignments(db), loadStarts(db), loadStops(db));
  const peildatum = peildatumFrom(latestDagtekening(db, today), getSetting(db, 'peildatum'));
  const facts = buildFactTables(periods, assignTrajectories(periods), loadDeclarationLines(db), loadClientFacts(db), peildatum ? toDay(peildatum) : null);
  return { periods, facts, peildatum };
}

export function createService(options: ServiceOptions): Service {
  mkdirSync(options.home, { recursive: true });
  const key = loadOrCreateKey(join(options.home, 'pseudonym.key'));
  const db = openDatabase(options.dbFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const listeners: ((e: EventName) => void)[] = [];
  let model: Model | null = null;
  const getModel = () => (model ??= deriveModel(db, today()));

  return {
    async 'import/files'(args) {
      const inputs = 'paths' in args ? await readInputs(args.paths) : args.files;
      const report = await importFiles(db, inputs, { key, appVersion: APP_VERSION });
      if (report.files.some((f) => f.messages > 0)) {
        model = null;
        for (const l of listeners) l('data/changed');
      }
      return report;
    },
    async 'query/pivot'(args) {
      const m = getModel();
      return runPivot(m.facts, normalisePivotQuery(args), { peildatum: m.peildatum, threshold: SUPPRESSION_THRESHOLD, labels: dimensionLabel });
    },
    async 'meta/dimensions'() {
      const m = getModel();
      const dimensions: DimensionsResult['dimensions'] = DIMENSIONS.map((id) => {
        const used = new Set<string>(id === 'ageband' ? AGE_BANDS : []);
        if (id !== 'ageband') {
          for (const table of [m.facts.care, m.facts.money]) {
            const read = keyReader(table, id);
            for (let i = 0; i < table.numRows; i++) used.add(read(i));
          }
        }
        const values = [...used].sort((a, b) => compareKeys(id, a, b));
        return { id, ...DIMENSION_INFO[id], values: values.map((k) => ({ key: k, label: dimensionLabel(id, k) })) };
      });
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return {
        dimensions,
        measures: MEASURES.map((id) => ({ id, ...MEASURE_INFO[id] })),
        peildatum: m.peildatum,
        dataset: { synthetic: getSetting(db, 'synthetic') === '1', label: getSetting(db, 'dataset-label') },
        counts: {
          messages: count('SELECT COUNT(*) AS n FROM message'),
          clients: new Set(m.periods.map((p) => p.client)).size,
          carePeriods: m.periods.length,
        },
      };
    },
    close() {
      db.close();
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  };
}

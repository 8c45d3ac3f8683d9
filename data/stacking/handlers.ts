// The stacking calls of the contract (core/contract/stacking.ts): query/stacking, query/sequences,
// query/regie-op-drie, query/regie-op-drie-prospective and export/regie-op-drie. They read the same care table
// as flows (built once per derived model); the prospective list also reads requests and not-started
// assignments from the database.
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import { classifier } from '../../core/domain/codebook.js';
import type { FactStore } from '../../core/pivot/store.js';
import { runStacking, type StackLabeller } from '../../core/stacking/concurrent.js';
import { StackingInputError } from '../../core/stacking/points.js';
import { prospective, regieOpDrie } from '../../core/stacking/regie.js';
import { runSamenloop } from '../../core/stacking/samenloop.js';
import { runSequences } from '../../core/stacking/sequences.js';
import { careTableFor } from '../flows/handlers.js';
import { dimensionLabel } from '../labels.js';
import { loadWmo } from '../model/wmo.js';
import { loadCodebook } from '../tables/store.js';
import { exportRegie } from './export.js';
import { loadTriggers } from './triggers.js';

type StackingMethods =
  | 'query/stacking' | 'query/sequences' | 'query/regie-op-drie' | 'query/regie-op-drie-prospective' | 'export/regie-op-drie' | 'query/samenloop';
export type StackingHandlers = Pick<Handlers, StackingMethods>;

export const stackLabel: StackLabeller = (dim, key) => dimensionLabel(dim, key);

/** Runs `f`, turning arguments the data cannot answer into a 'bad-request' failure. */
function answer<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StackingInputError) throw new ApiFailure('bad-request', e.message);
    throw e;
  }
}

export function stackingHandlers(db: Database.Database, getStore: () => Promise<FactStore>, threshold: number): StackingHandlers {
  const table = async () => careTableFor(await getStore());
  const regie: StackingHandlers['query/regie-op-drie'] = async (args) => {
    const t = await table();
    return answer(() => regieOpDrie(t, args, (code) => dimensionLabel('municipality', code)));
  };
  return {
    async 'query/stacking'(args) {
      const t = await table();
      return answer(() => runStacking(t, args, threshold, stackLabel));
    },
    async 'query/sequences'(args) {
      const t = await table();
      return answer(() => runSequences(t, args, threshold));
    },
    'query/regie-op-drie': regie,
    async 'query/regie-op-drie-prospective'(args) {
      const t = await table();
      const triggers = loadTriggers(db, t, classifier(loadCodebook(db)));
      return prospective(t, triggers, args.municipality ?? null);
    },
    async 'export/regie-op-drie'(args) {
      return exportRegie(regie, args);
    },
    async 'query/samenloop'(args) {
      return runSamenloop(await table(), loadWmo(db), args, threshold);
    },
  };
}

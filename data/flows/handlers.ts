// The flows calls of the contract (core/contract/flows.ts): query/flows, query/doorstroom,
// query/doorstroom-children, query/growth, query/durations and export/flows. The care table is built once
// per derived model (the model is rebuilt after every data change) and shared by all of them.
import { ApiFailure } from '../../core/contract/dispatch.js';
import { normaliseFlowsQuery, type FlowGrain, type Handlers } from '../../core/contract/methods.js';
import type { Segment } from '../../core/domain/segments.js';
import { doorstroomChildren, doorstroomMatrix } from '../../core/flows/doorstroom.js';
import { durations } from '../../core/flows/durations.js';
import type { Labeller } from '../../core/flows/groups.js';
import { growth } from '../../core/flows/growth.js';
import type { CareTable } from '../../core/flows/input.js';
import { onePeriod, periodSpans, type Span } from '../../core/flows/periods.js';
import { runFlows } from '../../core/flows/stockflow.js';
import type { FactStore } from '../../core/pivot/store.js';
import { dimensionLabel } from '../labels.js';
import { careTableOf } from '../model/care-table.js';
import { exportFlows } from './export.js';

type FlowMethods = 'query/flows' | 'query/doorstroom' | 'query/doorstroom-children' | 'query/growth' | 'query/durations' | 'export/flows';
export type FlowHandlers = Pick<Handlers, FlowMethods>;

const tables = new WeakMap<FactStore, CareTable>();
/** The care table of a store, built on first use. */
export function careTableFor(store: FactStore): CareTable {
  let t = tables.get(store);
  if (!t) tables.set(store, (t = careTableOf(store)));
  return t;
}

export const flowLabel: Labeller = (dim, key) => dimensionLabel(dim, key);

export function flowHandlers(getStore: () => Promise<FactStore>, threshold: number): FlowHandlers {
  const table = async () => careTableFor(await getStore());
  const period = (t: CareTable, grain: FlowGrain, key: string): Span => {
    const span = onePeriod(grain, key, t.firstDay, t.peildatum);
    if (!span) throw new ApiFailure('bad-request', `period ${key} lies after the peildatum or there is no care in the data`);
    return span;
  };
  const queryFlows: FlowHandlers['query/flows'] = async (args) => runFlows(await table(), normaliseFlowsQuery(args), { threshold, label: flowLabel });
  return {
    'query/flows': queryFlows,
    async 'query/doorstroom'(args) {
      const t = await table();
      return doorstroomMatrix(t, period(t, args.grain, args.period), args.municipality ?? null, args.suppress ?? true, threshold);
    },
    async 'query/doorstroom-children'(args) {
      const t = await table();
      return doorstroomChildren(t, period(t, args.grain, args.period), args.municipality ?? null, args.from, args.to, args.limit ?? 500);
    },
    async 'query/growth'(args) {
      const t = await table();
      return growth(t, period(t, args.grain, args.period), (args.segment ?? null) as Segment | null, args.municipality ?? null, args.suppress ?? true, threshold);
    },
    async 'query/durations'(args) {
      const t = await table();
      const spans = periodSpans(args.grain, args.from ?? null, args.to ?? null, t.firstDay, t.peildatum);
      return durations(t, spans, args.segment ?? null, args.municipality ?? null, args.suppress ?? true, threshold);
    },
    async 'export/flows'(args) {
      return exportFlows(queryFlows, args);
    },
  };
}

// The compare calls of the contract (core/contract/compare.ts): compare/municipalities, compare/providers,
// compare/provider-profile, compare/quality and export/compare. Counting happens in core/compare over the
// model's fact store (the pivot's scan); this file resolves periods, municipality groups and labels, and reads
// the process facts once per derived model.
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import { compareMunicipalities } from '../../core/compare/municipalities.js';
import { previousKey, resolvePeriod, type ResolvedPeriod } from '../../core/compare/period.js';
import { providerProfile } from '../../core/compare/profile.js';
import { compareProviders, type Labels } from '../../core/compare/providers.js';
import { compareQuality } from '../../core/compare/quality.js';
import type { LeadLine } from '../../core/compare/leadtime.js';
import { fromDay } from '../../core/domain/dates.js';
import { dimensionValues } from '../../core/pivot/values.js';
import type { FactStore } from '../../core/pivot/store.js';
import type { Population } from '../../core/pivot/transform.js';
import { RETOUR_CODES } from '../import/parse-retour.js';
import { careTableFor } from '../flows/handlers.js';
import { dimensionLabel } from '../labels.js';
import { exportCompare } from './export.js';
import { loadLeadLines, loadQualityFacts, type QualityFacts } from './facts.js';
import { municipalityGroups, municipalityLabel } from './groups.js';

type CompareMethods = 'compare/municipalities' | 'compare/providers' | 'compare/provider-profile' | 'compare/quality' | 'export/compare';
export type CompareHandlers = Pick<Handlers, CompareMethods>;
export interface CompareInputs {
  store: FactStore;
  population: Population | null;
}

const PROFILE_YEARS = 3;

export const compareLabels: Labels = {
  provider: (agb) => dimensionLabel('provider', agb).nl,
  municipality: municipalityLabel,
  unit: (code) => dimensionLabel('unit', code),
};

export function compareHandlers(db: Database.Database, inputs: () => Promise<CompareInputs>, threshold: () => number): CompareHandlers {
  const leadCache = new WeakMap<FactStore, LeadLine[]>();
  const qualityCache = new WeakMap<FactStore, QualityFacts>();
  const periods = (store: FactStore, key: string): { period: ResolvedPeriod; previous: ResolvedPeriod | null } => {
    const { firstDay } = careTableFor(store);
    const period = resolvePeriod(key, firstDay, store.peildatum);
    if (!period) throw new ApiFailure('bad-request', `period ${key} lies after the peildatum or there is no care in the data`);
    const previous = resolvePeriod(previousKey(key), firstDay, store.peildatum);
    return { period, previous: previous && firstDay !== null && previous.b >= firstDay ? previous : null };
  };
  const handlers: Omit<CompareHandlers, 'export/compare'> = {
    async 'compare/municipalities'(args) {
      const { store, population } = await inputs();
      const mergers = args.mergers ?? 'mergers';
      const codes = dimensionValues(store, 'municipality').filter((c) => c !== '');
      const { groups, mapping } = municipalityGroups(db, codes, mergers);
      return compareMunicipalities({
        store, population, ...periods(store, args.period), groups, regionLabel: 'Regio', kader: args.kader ?? 'all', mergers, mapping,
        suppress: args.suppress ?? true, threshold: threshold(), peildatum: store.peildatum === null ? null : fromDay(store.peildatum),
      });
    },
    async 'compare/providers'(args) {
      const { store } = await inputs();
      let leadLines = leadCache.get(store);
      if (!leadLines) leadCache.set(store, (leadLines = loadLeadLines(db)));
      return compareProviders({
        store, ...periods(store, args.period), municipality: args.municipality ?? null, top: args.top ?? null, leadLines,
        labels: compareLabels, suppress: args.suppress ?? true, threshold: threshold(), peildatum: store.peildatum,
      });
    },
    async 'compare/provider-profile'(args) {
      const { store } = await inputs();
      if (!dimensionValues(store, 'provider').includes(args.agb)) throw new ApiFailure('not-found', `no care or declarations of provider ${args.agb}`);
      const last = store.peildatum === null ? new Date().getUTCFullYear() : Number(fromDay(store.peildatum).slice(0, 4));
      const n = args.years ?? PROFILE_YEARS;
      const years = Array.from({ length: n }, (_, i) => String(last - n + 1 + i));
      return providerProfile({
        store, agb: args.agb, years, threshold: threshold(), peildatum: store.peildatum, unitLabel: compareLabels.unit,
        label: (dim, key) => (dim === 'municipality' ? municipalityLabel(key) : dimensionLabel(dim, key).nl),
      });
    },
    async 'compare/quality'(args) {
      const { store } = await inputs();
      let facts = qualityCache.get(store);
      if (!facts) qualityCache.set(store, (facts = loadQualityFacts(db, store.peildatum)));
      return compareQuality({
        ...facts, period: periods(store, args.period).period, municipality: args.municipality ?? null, retourTypes: RETOUR_CODES,
        providerLabel: compareLabels.provider, suppress: args.suppress ?? true, threshold: threshold(), peildatum: store.peildatum,
      });
    },
  };
  return { ...handlers, 'export/compare': (args) => exportCompare(handlers, args) };
}

// The compare view's state in the URL hash (#compare?s=…), like the flows and stacking views': a reload,
// bookmark or the back button restores the tab, period and choices; whatever the hash holds is checked before it
// is used (else the default).
import { z } from 'zod';
import { periodKey } from '../../core/contract/period.js';
import { SEGMENTS } from '../../core/domain/segments.js';

export const COMPARE_TABS = ['municipalities', 'providers', 'schools', 'benchmark', 'quality'] as const;
export type CompareTab = (typeof COMPARE_TABS)[number];

/** What the municipalities chart draws: a count per 1,000 youth or money. */
export const MUNICIPALITY_MEASURES = ['clients', 'metVerblijf', 'zonderVerblijf', 'perClient', 'perInhabitant'] as const;
export type MunicipalityMeasure = (typeof MUNICIPALITY_MEASURES)[number];

export const compareState = z
  .object({
    tab: z.enum(COMPARE_TABS),
    /** The year compared (null = the last complete year of the data). */
    period: periodKey.nullable(),
    suppress: z.boolean(),
    /** Providers and quality: only what this municipality assigned (null = the region). */
    municipality: z.string().regex(/^\d{4}$/).nullable(),
    /** Municipalities: merged codes folded into their successor, or kept as given. */
    mergers: z.enum(['asGiven', 'mergers']),
    /** Municipalities: all youth care, or jeugdhulp only (JB/JR left out, as CBS counts). */
    kader: z.enum(['all', 'jeugdhulp']),
    measure: z.enum(MUNICIPALITY_MEASURES),
    /** The provider whose profile is open (null = the list). */
    provider: z.string().regex(/^\d{8}$/).nullable(),
    /** Schools: the school year (null = the latest the extract holds) and the care that counts (null = any). */
    schoolYear: z.string().regex(/^\d{4}-\d{4}$/).nullable(),
    segment: z.enum(SEGMENTS).nullable(),
  })
  .strict();
export type CompareState = z.infer<typeof compareState>;

export const DEFAULT_COMPARE: CompareState = {
  tab: 'municipalities',
  period: null,
  suppress: true,
  municipality: null,
  mergers: 'mergers',
  kader: 'all',
  measure: 'clients',
  provider: null,
  schoolYear: null,
  segment: null,
};

export function stateToHash(s: CompareState): string {
  return `#compare?${new URLSearchParams({ s: JSON.stringify(s) }).toString()}`;
}

export function stateFromHash(hash: string): CompareState | null {
  const m = /^#?compare\?(.*)$/.exec(hash);
  const text = m ? new URLSearchParams(m[1]).get('s') : null;
  if (!text) return null;
  try {
    const parsed = compareState.safeParse({ ...DEFAULT_COMPARE, ...(JSON.parse(text) as object) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

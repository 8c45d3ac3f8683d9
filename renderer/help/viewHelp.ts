// What the help panel says per view: which definitions from the one registry in core (core/definitions.ts) a
// view uses. The texts themselves are the registry's (definitions) and i18n's (help.views.<view>); nothing
// is copied here. A view without an entry (one added later) still gets the panel, with a generic line.
import { DIMENSION_INFO, MEASURE_INFO, type DimensionId, type Lang, type MeasureId } from '../../core/registry.js';

interface ViewDefinitions {
  measures: MeasureId[];
  dimensions: DimensionId[];
}

export const VIEW_DEFINITIONS: Record<string, ViewDefinitions> = {
  pivot: { measures: ['clients', 'trajectories', 'assignments', 'claimed', 'perClient'], dimensions: ['municipality', 'lastMunicipality', 'segment', 'year', 'ageband'] },
  flows: { measures: ['clients', 'trajectories', 'durationMean', 'durationMedian'], dimensions: ['segment', 'verblijf', 'endReason', 'municipality'] },
  stacking: { measures: ['clients', 'trajectories'], dimensions: ['segment', 'product', 'month', 'municipality'] },
  compare: { measures: ['clients', 'perClient', 'price', 'claimed', 'approved'], dimensions: ['municipality', 'provider', 'school', 'ageband', 'verblijf'] },
  steering: { measures: ['clients', 'trajectories', 'volume', 'claimed'], dimensions: ['segment', 'verblijf', 'month'] },
  import: { measures: ['assignments', 'volume', 'claimed', 'approved', 'pending'], dimensions: ['product', 'category', 'unit'] },
  tables: { measures: [], dimensions: ['municipality', 'wijk', 'pc4', 'school'] },
  settings: { measures: [], dimensions: ['segment', 'product'] },
};

export interface DefinitionText {
  id: string;
  label: string;
  definition: string;
}

export function viewDefinitions(view: string, lang: Lang): { measures: DefinitionText[]; dimensions: DefinitionText[] } {
  const d = VIEW_DEFINITIONS[view] ?? { measures: [], dimensions: [] };
  return {
    measures: d.measures.map((id) => ({ id, label: MEASURE_INFO[id].label[lang], definition: MEASURE_INFO[id].definition[lang] })),
    dimensions: d.dimensions.map((id) => ({ id, label: DIMENSION_INFO[id].label[lang], definition: DIMENSION_INFO[id].definition[lang] })),
  };
}

/** The keyboard shortcuts the help lists and '?' shows: keys as printed, and the i18n key of what they do. */
export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['?'], what: 'help' },
  { keys: ['Esc'], what: 'escape' },
  { keys: ['Tab', 'Shift+Tab'], what: 'tab' },
  { keys: ['Enter'], what: 'enter' },
  { keys: ['Space'], what: 'space' },
  { keys: ['←', '→', '↑', '↓'], what: 'arrows' },
  { keys: ['Home', 'End'], what: 'homeEnd' },
  { keys: ['PageUp', 'PageDown'], what: 'page' },
  { keys: ['Enter'], what: 'gridEnter' },
  { keys: ['?'], what: 'gridHelp' },
];

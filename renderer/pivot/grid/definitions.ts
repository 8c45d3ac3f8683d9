// The definitions panel's search: every measure and dimension from the one registry in core, matched on
// its label, definition and id, ignoring case and accents (so "clienten" finds "Cliënten").
import { DIMENSION_INFO, DIMENSIONS, MEASURE_INFO, MEASURES, type Lang } from '../../../core/registry.js';

export interface DefinitionEntry {
  id: string;
  label: string;
  definition: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function searchDefinitions(query: string, lang: Lang): { measures: DefinitionEntry[]; dimensions: DefinitionEntry[] } {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = (e: DefinitionEntry) => {
    const hay = fold(`${e.id} ${e.label} ${e.definition}`);
    return words.every((w) => hay.includes(w));
  };
  const measures = MEASURES.map((id) => ({ id, label: MEASURE_INFO[id].label[lang], definition: MEASURE_INFO[id].definition[lang] }));
  const dimensions = DIMENSIONS.map((id) => ({ id, label: DIMENSION_INFO[id].label[lang], definition: DIMENSION_INFO[id].definition[lang] }));
  return { measures: measures.filter(matches), dimensions: dimensions.filter(matches) };
}

// The title line above every exported or printed pivot: peildatum, the filters in force and whether small
// counts are suppressed — so a table that leaves the analyst always says what it is.
import type { PivotFilter, PivotResult } from '../contract/pivot.js';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../contract/settings.js';
import { formatDate } from '../format.js';
import { DIMENSION_INFO, type Lang } from '../registry.js';

const SYMBOLS = { '==': '=', '!=': '≠', '>=': '≥', '<=': '≤' } as const;
const MAX_VALUES = 10; // a long IN-list is cut short in the title; the query itself keeps every value

export function suppressionNotice(result: Pick<PivotResult, 'suppression'>, lang: Lang): string {
  const { applied, threshold } = result.suppression;
  // A threshold other than the usual 5 (a setting) is named outright, so a reader does not assume "<5".
  const own = threshold === DEFAULT_SUPPRESSION_THRESHOLD ? '' : lang === 'en' ? `, threshold ${threshold}` : `, drempel ${threshold}`;
  if (lang === 'en') return applied ? `small counts (1-${threshold - 1}) suppressed${own}` : 'WITHOUT suppression of small counts: for own use only';
  return applied ? `kleine aantallen (1-${threshold - 1}) onderdrukt${own}` : 'ZONDER onderdrukking van kleine aantallen: alleen voor eigen gebruik';
}

export function filterText(filters: readonly PivotFilter[], labels: PivotResult['labels'], lang: Lang): string {
  if (filters.length === 0) return lang === 'nl' ? 'geen filters' : 'no filters';
  const parts = filters.map(([dim, op, value]) => {
    const name = DIMENSION_INFO[dim].label[lang];
    const label = (k: string) => labels[dim]?.[k]?.[lang] ?? k;
    if (Array.isArray(value)) {
      const shown = value.slice(0, MAX_VALUES).map(label);
      if (value.length > MAX_VALUES) shown.push(lang === 'nl' ? `… (nog ${value.length - MAX_VALUES})` : `… (${value.length - MAX_VALUES} more)`);
      const not = op === 'not in' ? (lang === 'nl' ? ' niet' : ' not') : '';
      return `${name}${not}: ${shown.join(', ')}`;
    }
    const symbol = SYMBOLS[op as keyof typeof SYMBOLS];
    return `${name} ${symbol} ${label(value)}`;
  });
  return `filters: ${parts.join('; ')}`;
}

export function titleLine(result: PivotResult, lang: Lang): string {
  const date = result.peildatum ? formatDate(result.peildatum, lang) : lang === 'nl' ? 'onbekend' : 'unknown';
  const peildatum = lang === 'nl' ? `peildatum ${date}` : `reference date ${date}`;
  return `Spiegel — ${peildatum} — ${filterText(result.query.filters, result.labels, lang)} — ${suppressionNotice(result, lang)}`;
}

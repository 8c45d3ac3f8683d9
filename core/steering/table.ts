// The indicators as a table (CLI CSV/JSON; the printed report may use it too): every indicator with its latest
// value, target, status and rule. Suppressed figures read "<5" (the threshold in force).
import type { Indicator, SeriesResult, SeriesPoint } from '../contract/steering.js';
import { suppressionNotice } from '../export/title.js';
import { formatDate } from '../format.js';
import type { Lang, Text } from '../registry.js';

const WORDS = {
  nl: {
    title: 'Indicatoren', peildatum: 'peildatum', unknown: 'onbekend',
    head: ['Project', 'Indicator', 'Waarde', 'Eenheid', 'Laatste maand', 'Laatste waarde', 'Voorlopig', 'Bevroren', 'Doellijn in die maand', 'Basis (maand)', 'Basiswaarde', 'Doel (datum)', 'Doelwaarde', 'Richting', 'Status', 'Regel'],
    unit: { count: 'aantal', percent: '%', eurocent: 'euro', days: 'dagen', volume: 'volume' },
    direction: { down: 'omlaag', up: 'omhoog' },
    status: { onTrack: 'op koers', atRisk: 'risico', offTrack: 'niet op koers', unknown: 'onbekend' },
    yes: 'ja', no: 'nee',
  },
  en: {
    title: 'Indicators', peildatum: 'reference date', unknown: 'unknown',
    head: ['Project', 'Indicator', 'Value', 'Unit', 'Latest month', 'Latest value', 'Provisional', 'Frozen', 'Target line that month', 'Baseline (month)', 'Baseline value', 'Target (date)', 'Target value', 'Direction', 'Status', 'Rule'],
    unit: { count: 'count', percent: '%', eurocent: 'euro', days: 'days', volume: 'volume' },
    direction: { down: 'down', up: 'up' },
    status: { onTrack: 'on track', atRisk: 'at risk', offTrack: 'off track', unknown: 'unknown' },
    yes: 'yes', no: 'no',
  },
} as const;

/** A figure in the indicator's unit for a Dutch-Excel CSV: decimal comma, no thousands separator, euro from eurocent. */
export function figure(value: number | null, unit: Indicator['unit'], lang: Lang): string {
  if (value === null) return '';
  const x = unit === 'eurocent' ? value / 100 : value;
  const text = String(Math.round(x * 100) / 100);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

export function indicatorsTitle(r: SeriesResult, lang: Lang): string {
  const w = WORDS[lang];
  const date = r.peildatum ? formatDate(r.peildatum, lang) : w.unknown;
  return `Spiegel — ${w.peildatum} ${date} — ${w.title} — ${suppressionNotice(r, lang)}`;
}

function latestValue(p: SeriesPoint | null, unit: Indicator['unit'], threshold: number, lang: Lang): string {
  if (p === null) return '';
  return p.flag === 'suppressed' ? `<${threshold}` : figure(p.value, unit, lang);
}

export function indicatorsRows(r: SeriesResult, lang: Lang): string[][] {
  const w = WORDS[lang];
  const t = (x: Text) => x[lang];
  const rows = r.series.map(({ indicator: i, label, latest, status }) => [
    i.project, i.name, t(label), w.unit[i.unit], latest?.month ?? '', latestValue(latest, i.unit, r.suppression.threshold, lang),
    latest ? (latest.voorlopig ? w.yes : w.no) : '', latest ? (latest.frozen ? w.yes : w.no) : '', figure(latest?.target ?? null, i.unit, lang),
    i.baseline.period, figure(i.baseline.value, i.unit, lang), formatDate(i.target.date, lang), figure(i.target.value, i.unit, lang),
    w.direction[i.direction], w.status[status.status], t(status.rule),
  ]);
  return [[indicatorsTitle(r, lang)], [...w.head], ...rows];
}

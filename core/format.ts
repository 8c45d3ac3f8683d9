// Dutch-first number and date formats (1.234,5 and 31-12-2025); English available.
import type { Lang } from './registry.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: Lang = 'nl', digits = 0): string {
  const key = `${lang}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** ISO date (YYYY-MM-DD) as 31-12-2025 (nl) or 31/12/2025 (en). */
export function formatDate(iso: string, lang: Lang = 'nl'): string {
  const [y, m, d] = iso.split('-');
  return lang === 'nl' ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
}

// Dutch display formats, one place for the whole UI: 1.234,5 and 31-12-2025.
const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimalCache = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, fractionDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (fractionDigits === 0) return integer.format(value);
  let f = decimalCache.get(fractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    decimalCache.set(fractionDigits, f);
  }
  return f.format(value);
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** An ISO date (YYYY-MM-DD, optionally with a time) as 31-12-2025; read as a calendar date, so the
 *  laptop's time zone can never shift it by a day. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** The d3-format locale vega uses for axes and tooltips, matching formatNumber. */
export const vegaFormatLocale = {
  decimal: ',',
  thousands: '.',
  grouping: [3],
  currency: ['€ ', ''],
};

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

/** A moment (ISO timestamp, usually UTC from the data process) as 31-12-2025 14:05 in the laptop's own
 *  time zone, because that is the clock the analyst knows. `timeZone` is for tests. */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('nl-NL', {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}

/** Time left, rounded up so "nog ongeveer" never promises too little: 45 s, 1 min 20 s, 1 u 5 min. */
export function formatDuration(ms: number, lang: 'nl' | 'en' = 'nl'): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const m = Math.floor(total / 60);
    const s = total % 60;
    return s === 0 ? `${m} min` : `${m} min ${s} s`;
  }
  const minutes = Math.ceil(total / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hour = lang === 'nl' ? 'u' : 'h';
  return m === 0 ? `${h} ${hour}` : `${h} ${hour} ${m} min`;
}

/** File sizes in the units people see in their file manager: 980 kB, 12,3 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} B`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, bytes < 10_000 ? 1 : 0)} kB`;
  if (bytes < 1_000_000_000) return `${formatNumber(bytes / 1_000_000, 1)} MB`;
  return `${formatNumber(bytes / 1_000_000_000, 1)} GB`;
}

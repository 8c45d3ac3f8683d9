// Reading one cell of a flat extract, Dutch first: decimal comma with dot thousands (1.234,5), dd-mm-jjjj
// dates, `<5` as DUO's small-cell suppression (no figure, never 0). Each reader returns the value or what
// it expected, so the caller can say file, line, column and what was wrong.
import { parseSegment } from '../../core/domain/codebook.js';
import type { Segment } from '../../core/domain/segments.js';
import { municipalityCodeByName } from './municipality-names.js';

export type Read<T> = { ok: true; value: T } | { ok: false; expected: string };
export interface AgeRange { from: number; to: number | null } // inclusive; to = null: "and older"
export interface Count { value: number | null; suppressed: boolean }

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (expected: string): Read<never> => ({ ok: false, expected });

/** Numbers as Dutch systems write them. A dot followed by exactly three digits is a thousands separator
 *  (1.234 = 1234); any other single dot is a decimal point (1.5, as software exports write it). */
export function readNumber(text: string): Read<number> {
  const s = text.replace(/[\s\u00a0\u202f€]/g, '');
  let normal: string | null = null;
  if (/^[-+]?\d+$/.test(s)) normal = s;
  else if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d+,\d+$/.test(s)) normal = s.replace(',', '.');
  else if (/^[-+]?\d+\.\d+$/.test(s)) normal = s;
  else if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(s)) normal = s.replace(/,/g, ''); // 1,234.5: both marks, English order
  return normal === null ? no('a number (1234, 1.234 or 1.234,5)') : ok(Number(normal));
}

export function readWholeNumber(text: string): Read<number> {
  const n = readNumber(text);
  if (!n.ok || !Number.isSafeInteger(n.value) || n.value < 0) return no('a whole number of 0 or more');
  return n;
}

/** A count that may be suppressed: `<5` (any `<N`) is no figure with a flag; empty is no figure. */
export function readCount(text: string): Read<Count> {
  const s = text.trim();
  if (s === '') return ok({ value: null, suppressed: false });
  if (/^<\s*\d+$/.test(s)) return ok({ value: null, suppressed: true });
  const n = readWholeNumber(s);
  return n.ok ? ok({ value: n.value, suppressed: false }) : no('a whole number or a suppressed cell like <5');
}

/** Euro amounts with at most two decimals, as whole cents. */
export function readEuroCents(text: string): Read<number> {
  const n = readNumber(text);
  const cents = n.ok ? Math.round(n.value * 100) : NaN;
  if (!n.ok || Math.abs(cents - n.value * 100) > 1e-6) return no('an amount in euro with at most two decimals (1.234,56)');
  return ok(cents);
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);
export function readBoolean(text: string): Read<boolean> {
  const s = text.trim().toLowerCase();
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return no('ja or nee');
}

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd-mm-jjjj (also d-m-jjjj, with / or .) or jjjj-mm-dd, as an ISO date. */
export function readDate(text: string): Read<string> {
  const s = text.trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  let iso = m ? isoDate(+m[3]!, +m[2]!, +m[1]!) : null;
  if (!m && (m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) iso = isoDate(+m[1]!, +m[2]!, +m[3]!);
  return iso ? ok(iso) : no('a date dd-mm-jjjj or jjjj-mm-dd');
}

/** A date, or a bare year meaning 1 January of that year. */
export function readDateOrYear(text: string): Read<string> {
  const s = text.trim();
  if (/^\d{4}$/.test(s) && +s >= 1900 && +s <= 2100) return ok(`${s}-01-01`);
  const d = readDate(s);
  return d.ok ? d : no('a date dd-mm-jjjj, jjjj-mm-dd, or a year');
}

/** A calendar year: 2024, CBS StatLine's 2024JJ00, or the date 1 January of it (figures "op 1 januari"). */
export function readYear(text: string): Read<number> {
  const s = text.trim();
  const m = /^(\d{4})(?:JJ00)?$/i.exec(s);
  if (m && +m[1]! >= 1900 && +m[1]! <= 2100) return ok(+m[1]!);
  const d = readDate(s);
  if (d.ok && d.value.endsWith('-01-01')) return ok(+d.value.slice(0, 4));
  return no('a year (2024, 2024JJ00 or 1-1-2024)');
}

/** A school year as 2024-2025 (also 2024/2025, 2024-25). */
export function readSchoolYear(text: string): Read<string> {
  const m = /^(\d{4})\s*[-/]\s*(\d{4}|\d{2})$/.exec(text.trim());
  if (m) {
    const first = +m[1]!;
    const second = m[2]!.length === 2 ? ((first + 1) % 100 === +m[2]! ? first + 1 : NaN) : +m[2]!; // 1999-00 is 1999-2000
    if (second === first + 1 && first >= 1900 && first < 2100) return ok(`${first}-${second}`);
  }
  return no('a school year like 2024-2025');
}

const MAX_AGE = 120;
/** An age or age group: 7, 7 jaar, 0-3, 4 t/m 11, 0 tot 5 jaar (CBS: 0–4), 95 jaar of ouder, 23+, Totaal. */
export function readAge(text: string): Read<AgeRange> {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*jaar\b/g, '').trim();
  let m: RegExpExecArray | null;
  let r: AgeRange | null = null;
  if (/^totaal( leeftijd| alle leeftijden)?$/.test(s)) r = { from: 0, to: null };
  else if ((m = /^(\d{1,3})$/.exec(s))) r = { from: +m[1]!, to: +m[1]! };
  else if ((m = /^(\d{1,3}) ?(?:-|–|t\/m|tot en met) ?(\d{1,3})$/.exec(s))) r = { from: +m[1]!, to: +m[2]! };
  else if ((m = /^(\d{1,3}) tot (\d{1,3})$/.exec(s))) r = { from: +m[1]!, to: +m[2]! - 1 };
  else if ((m = /^(\d{1,3}) ?(?:\+|(?:of|en) ouder)$/.exec(s))) r = { from: +m[1]!, to: null };
  if (!r || r.from > MAX_AGE || (r.to !== null && (r.to < r.from || r.to > MAX_AGE))) {
    return no('an age (7) or age group (0-3, 4 t/m 11, 0 tot 5 jaar, 95 jaar of ouder, Totaal)');
  }
  return ok(r);
}

/** Sex as CBS and iJw write it: T (total), M or V. CBS codes: T001038 total, 3000 men, 4000 women. */
export function readSex(text: string): Read<'T' | 'M' | 'V'> {
  const s = text.trim().toLowerCase();
  if (['', 'totaal', 'totaal mannen en vrouwen', 't', 't001038'].includes(s)) return ok('T');
  if (['man', 'mannen', 'm', 'jongen', 'jongens', '1', '3000'].includes(s)) return ok('M');
  if (['vrouw', 'vrouwen', 'v', 'f', 'meisje', 'meisjes', '2', '4000'].includes(s)) return ok('V');
  return no('a sex: Totaal, Mannen or Vrouwen');
}

/** A CBS municipality code (0228, 228, GM0228) or a municipality name from the CBS lists. */
export function readMunicipality(text: string): Read<string> {
  const s = text.trim();
  const m = /^(?:GM)?(\d{1,4})$/i.exec(s);
  if (m) return ok(m[1]!.padStart(4, '0'));
  const byName = municipalityCodeByName(s);
  return byName ? ok(byName) : no('a municipality code (0228 or GM0228) or a CBS municipality name');
}

/** A DUO school location: BRIN (4 characters) + 2 digits, e.g. 32JK00. */
export function readVestigingscode(text: string): Read<string> {
  const s = text.trim().toUpperCase();
  return /^[0-9A-Z]{4}\d{2}$/.test(s) ? ok(s) : no('a vestigingscode: BRIN + 2 digits, like 32JK00');
}

/** The 4 digits of a postcode (PC4); the letters are not kept. */
export function readPostcode(text: string): Read<string> {
  const m = /^(\d{4})\s*(?:[A-Za-z]{2})?$/.exec(text.trim());
  return m && m[1]![0] !== '0' ? ok(m[1]!) : no('a postcode (1234 AB or 1234)');
}

export function readSegmentCell(text: string): Read<Segment> {
  const s = parseSegment(text);
  return s ? ok(s) : no('a segment: verblijf, wonen, crisis, dagbehandeling, specialistisch, generalistisch, jbjr or overig');
}

/** A BSN: 9 digits (8 when a spreadsheet dropped the leading zero) passing the 11-test. The expected-text
 *  never repeats the value, so a BSN cannot leak through an error message. */
export function readBsn(text: string): Read<string> {
  const s = text.trim();
  if (!/^\d{8,9}$/.test(s)) return no('a BSN of 9 digits (value not shown)');
  return isElevenProof(s.padStart(9, '0')) ? ok(s.padStart(9, '0')) : no('a BSN that passes the 11-test (value not shown)');
}

export function isElevenProof(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  const d = bsn.split('').map(Number);
  const sum = d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - d[8]!;
  return sum % 11 === 0;
}

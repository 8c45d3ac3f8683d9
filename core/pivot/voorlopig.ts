// Voorlopig (DOMAIN.md §2): months less than 3 months before the peildatum — declarations still arrive —
// and the quarters and years that contain them, as the keys of the time dimensions.
import { monthKey, quarterKey, yearKey } from '../domain/time.js';

export function voorlopigKeys(peildatum: string | null): string[] {
  if (!peildatum) return [];
  const y = Number(peildatum.slice(0, 4));
  const m = Number(peildatum.slice(5, 7));
  const keys = new Set<string>();
  for (let back = 0; back < 3; back++) {
    const index = y * 12 + (m - 1) - back;
    const yyyymm = Math.floor(index / 12) * 100 + (index % 12) + 1;
    keys.add(monthKey(yyyymm)).add(quarterKey(yyyymm)).add(yearKey(yyyymm));
  }
  return [...keys];
}

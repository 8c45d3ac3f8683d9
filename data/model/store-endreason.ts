// The end reason of a care period (DOMAIN.md §6): the RedenBeeindiging (JZ588) of the standing stop that
// ended it; when the winning assignment version's Einddatum ended it instead, the JZ588 reason matching that
// version's RedenWijziging (JZ002); otherwise 'onbekend'. A period still running at the peildatum: 'lopend'.
import type { CarePeriod } from './careperiods.js';

export const ONGOING = 'lopend';
export const UNKNOWN = 'onbekend';

// JZ002 → JZ588 where the two code lists name the same event (iJw 3.2 Basisschema): 02 cliënt overleden →
// 02 overlijden; 06 uitstroom naar ander domein → 39; 07 verhuizing → 35 (voortijdig, externe
// omstandigheden); 09 overstap naar andere aanbieder → 38. Other changes say nothing about why care ended.
const BY_REDEN_WIJZIGING: Readonly<Record<string, string>> = { '02': '02', '06': '39', '07': '35', '09': '38' };

/** `winningReden` is the RedenWijziging of the winning version of the period's assignment (null: none). */
export function endReasonOf(period: CarePeriod, peildatum: number, winningReden: string | null): string {
  if (period.end === null || period.end > peildatum) return ONGOING;
  if (period.endReason !== null) return period.endReason;
  return (winningReden !== null ? BY_REDEN_WIJZIGING[winningReden] : undefined) ?? UNKNOWN;
}

// End-reason groups of uitstroom (DOMAIN.md §6): JZ588 RedenBeeindiging codes grouped as the definitions
// panel names them, plus two groups that say where the child went next: doorstroom (in care elsewhere in the
// region the next day) and verhuizing (that care is in another municipality).
import type { ReasonGroup } from '../contract/flows.js';
import type { Text } from '../registry.js';

export const REASON_CODES: Record<ReasonGroup, string[]> = {
  gepland: ['31'],
  voortijdig: ['32', '33', '34', '35'],
  gemeente: ['36', '37'],
  andereAanbieder: ['38'],
  anderDomein: ['39'],
  overlijden: ['02'],
  doorstroom: [],
  verhuizing: [],
  onbekend: [],
};

export const REASON_LABELS: Record<ReasonGroup, Text> = {
  gepland: { nl: 'Volgens plan (31)', en: 'As planned (31)' },
  voortijdig: { nl: 'Voortijdig (32–35)', en: 'Early (32–35)' },
  gemeente: { nl: 'Gemeente of wijzigingsverzoek (36/37)', en: 'Municipality or change request (36/37)' },
  andereAanbieder: { nl: 'Naar andere aanbieder (38)', en: 'To another provider (38)' },
  anderDomein: { nl: 'Naar ander domein (39)', en: 'To another domain (39)' },
  overlijden: { nl: 'Overlijden (02)', en: 'Death (02)' },
  doorstroom: { nl: 'Doorstroom naar andere zorg', en: 'On to other care' },
  verhuizing: { nl: 'Verhuizing', en: 'Moved' },
  onbekend: { nl: 'Onbekend', en: 'Unknown' },
};

const BY_CODE = new Map<string, ReasonGroup>();
for (const [group, codes] of Object.entries(REASON_CODES) as [ReasonGroup, string[]][]) for (const c of codes) BY_CODE.set(c, group);

/** The group of a period's end reason (a JZ588 code or 'onbekend'); codes outside the table are onbekend. */
export function reasonGroupOf(endReason: string): ReasonGroup {
  return BY_CODE.get(endReason) ?? 'onbekend';
}

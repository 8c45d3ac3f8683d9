// Spiegel's own counts next to CBS's for one municipality and year, each line with why they differ by
// definition (docs/SCHOOLS.md, "Reconciliation"). Spiegel counts distinct children with a care period from this
// municipality's iJw messages that starts in or runs during the year; CBS counts young people with youth care
// in kind by their municipality of residence, from the providers' own returns, and rounds to multiples of 5.
import type { ReconcileLine, ReconcileLineResult } from '../contract/benchmark.js';
import type { CareRow, CareTable } from '../flows/input.js';
import { countOf } from '../compare-schools/suppress.js';

interface Text { nl: string; en: string }
const t = (nl: string, en: string): Text => ({ nl, en });

export const JR_CATEGORIES = new Set(['47']);
export const JB_CATEGORIES = new Set(['48']);
const RESIDENTIAL = new Set(['verblijf', 'wonen']);
const isJeugdhulp = (r: CareRow) => r.trajectory !== -1 && !JR_CATEGORIES.has(r.category) && !JB_CATEGORIES.has(r.category) && r.segment !== 'jbjr';

/** Which care rows each line counts, and CBS's 85099NED care-form code for it. */
export const LINES: { key: ReconcileLine; label: Text; keep: (r: CareRow) => boolean; cbsForm: string; why: Text }[] = [
  {
    key: 'jeugdhulp', label: t('Jongeren met jeugdhulp', 'Youth with youth care'), keep: isJeugdhulp, cbsForm: 'A045560',
    why: t(
      'CBS: jeugdhulp in natura die in het jaar begon of liep, naar woongemeente, tot 23 jaar, ook hulp zonder iJw-bericht (wijkteam, vrij toegankelijk); JB en JR apart; afgerond op vijftallen. Spiegel: kinderen met een jeugdhulpperiode uit de iJw-berichten van deze gemeente die het jaar overlapt; JB/JR en vervoer/verzorging (40/42) niet.',
      'CBS: youth care in kind that started in or ran during the year, by municipality of residence, up to age 23, including care without an iJw message (district team, open access); child protection and probation separately; rounded to multiples of 5. Spiegel: children with a youth-care period from this municipality\'s iJw messages overlapping the year; JB/JR and transport/care (40/42) excluded.'),
  },
  {
    key: 'zonderVerblijf', label: t('Jeugdhulp zonder verblijf', 'Non-residential youth care'), keep: (r) => isJeugdhulp(r) && !RESIDENTIAL.has(r.segment), cbsForm: 'A042503',
    why: t(
      'CBS rekent wijkteamhulp mee (vaak zonder toewijzing, dus niet in iJw). Spiegel: segmenten anders dan verblijf en wonen (pleegzorg/gezinshuis); crisis telt als zonder verblijf. Een kind kan in beide regels staan, bij CBS en bij Spiegel.',
      'CBS includes district-team care (often without an assignment, so not in iJw). Spiegel: segments other than verblijf and wonen (foster/family homes); crisis counts as non-residential. A child may be on both lines, at CBS and in Spiegel.'),
  },
  {
    key: 'metVerblijf', label: t('Jeugdhulp met verblijf', 'Residential youth care'), keep: (r) => isJeugdhulp(r) && RESIDENTIAL.has(r.segment), cbsForm: 'A027918',
    why: t(
      'CBS: pleegzorg, gezinsgerichte opvang, gesloten plaatsing en overig residentieel. Spiegel: segmenten verblijf en wonen volgens het (regionale) productcodeboek; een ander codeboek verschuift kinderen tussen met en zonder verblijf.',
      'CBS: foster care, family-style homes, secure placement and other residential care. Spiegel: segments verblijf and wonen by the (regional) product codebook; another codebook moves children between residential and not.'),
  },
  {
    key: 'jeugdbescherming', label: t('Jeugdbescherming', 'Child protection'), keep: (r) => JB_CATEGORIES.has(r.category), cbsForm: 'A027919',
    why: t(
      'CBS telt maatregelen uit de registratie van de gecertificeerde instellingen, naar woongemeente; Spiegel alleen JB die via iJw (categorie 48) is toegewezen. Landelijk ingekochte of niet via iJw gefactureerde maatregelen ontbreken in Spiegel.',
      "CBS counts measures from the certified institutions' records, by municipality of residence; Spiegel only child protection assigned through iJw (category 48). Measures bought nationally or not invoiced through iJw are missing from Spiegel."),
  },
  {
    key: 'jeugdreclassering', label: t('Jeugdreclassering', 'Juvenile probation'), keep: (r) => JR_CATEGORIES.has(r.category), cbsForm: 'A027920',
    why: t(
      'Als jeugdbescherming: CBS uit de registratie van de instellingen (leeftijd 12–23), Spiegel alleen iJw-categorie 47 van deze gemeente.',
      "As child protection: CBS from the institutions' records (ages 12–23), Spiegel only iJw category 47 from this municipality."),
  },
];

/** Distinct clients with a row of `municipality` passing `keep` that overlaps [start, end]. */
export function countClients(table: CareTable, municipality: string, start: number, end: number, keep: (r: CareRow) => boolean): number {
  let n = 0;
  for (let c = 0; c < table.clients.length; c++) {
    for (let i = table.offsets[c]!; i < table.offsets[c + 1]!; i++) {
      const r = table.rows[i]!;
      if (r.start > end) break;
      if (r.municipality === municipality && (r.end === null || r.end >= start) && keep(r)) {
        n++;
        break;
      }
    }
  }
  return n;
}

function verdict(diff: number): Text {
  if (Math.abs(diff) <= 2) return t(' Verschil binnen de afronding van CBS op vijftallen.', " Difference within CBS's rounding to multiples of 5.");
  if (diff < 0) return t(' Spiegel lager: verwacht door hulp zonder iJw-bericht, jongeren van 18–22 en kinderen die hier wonen maar door een andere gemeente zijn toegewezen.', ' Spiegel lower: expected from care without an iJw message, young people aged 18–22 and children living here but assigned by another municipality.');
  return t(' Spiegel hoger: kinderen die deze gemeente toewees maar elders wonen (woonplaatsbeginsel), of voorlopige CBS-cijfers.', ' Spiegel higher: children this municipality assigned who live elsewhere (residence principle), or provisional CBS figures.');
}

export function reconcileLines(
  table: CareTable, municipality: string, start: number, end: number,
  cbs: (form: string) => { value: number; figure: string } | null, suppress: boolean, threshold: number,
): ReconcileLineResult[] {
  return LINES.map((line) => {
    const n = countClients(table, municipality, start, end, line.keep);
    const spiegel = countOf(n, suppress, threshold);
    const c = cbs(line.cbsForm);
    const diff = spiegel.value !== null && c !== null ? spiegel.value - c.value : null;
    const v = diff === null ? t('', '') : verdict(diff);
    return {
      key: line.key, label: line.label, spiegel, cbs: c?.value ?? null, cbsFigure: c?.figure ?? null, difference: diff,
      withinRounding: diff === null ? null : Math.abs(diff) <= 2, explanation: t(line.why.nl + v.nl, line.why.en + v.en),
    };
  });
}

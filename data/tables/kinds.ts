// The reference tables Spiegel reads from flat extracts: per kind its fields (type, required, labels, the
// header names that suggest a column), the fields whose values must be unique per file, and the field
// that scopes a re-import (docs/IMPORT.md, "Tabellen (CSV/XLSX)").
import type { FIELD_TYPES, TableKind } from '../../core/contract/tables.js';

export type FieldType = (typeof FIELD_TYPES)[number];
interface Text { nl: string; en: string }

export interface FieldSpec {
  id: string;
  type: FieldType;
  required: boolean;
  label: Text;
  help: Text;
  synonyms: string[]; // header names, compared normalised (lower case, no accents, punctuation as spaces)
}

/** A wide file: every column whose header `match`es becomes one row, the header giving `field` and the
 *  cell `value` (DUO's LEERLINGEN_2024 → year 2024, pupils = the cell). */
export interface WideSpec {
  field: string;
  value: string;
  match(normalisedHeader: string, header: string): string | null; // the text to read as `field`, or null
}

export interface KindSpec {
  kind: TableKind;
  label: Text;
  fields: FieldSpec[];
  unique: string[]; // a second row with the same values is an error (leerplicht: the same fact twice is kept once)
  duplicates: 'error' | 'merge';
  period?: string; // a re-import replaces only the periods (years, school years) the new file holds
  wide?: WideSpec;
}

const t = (nl: string, en: string): Text => ({ nl, en });
const f = (id: string, type: FieldType, required: boolean, label: Text, help: Text, synonyms: string[]): FieldSpec => ({ id, type, required, label, help, synonyms });
const none = t('', '');

const vestiging = f('vestigingscode', 'vestigingscode', true, t('Vestigingscode', 'School location code'), t('BRIN + 2 cijfers, bijv. 32JK00', 'BRIN + 2 digits, e.g. 32JK00'),
  ['vestigingscode', 'vestigings code', 'brin vestiging', 'brinvestiging', 'brin vestigingsnummer', 'brin vest', 'vestiging', 'school vestiging', 'schoolvestiging']);
const year = (help: Text) => f('year', 'year', true, t('Jaar', 'Year'), help, ['jaar', 'perioden', 'periode', 'peiljaar', 'year', 'teljaar']);
const schoolFields = [
  f('instellingscode', 'code', false, t('Instellingscode (BRIN)', 'Institution code (BRIN)'), none, ['instellingscode', 'brin', 'brinnummer', 'brin nummer']),
  f('name', 'text', false, t('Naam vestiging', 'Location name'), none, ['vestigingsnaam', 'naam vestiging', 'schoolnaam', 'naam']),
  f('board', 'code', false, t('Bevoegd gezag', 'School board'), t('nummer van het bevoegd gezag', 'number of the school board'), ['bevoegd gezag nummer', 'bevoegd gezag', 'bestuursnummer']),
  f('denomination', 'text', false, t('Denominatie', 'Denomination'), none, ['denominatie', 'denominatie vestiging', 'richting']),
  f('soort', 'code', false, t('Soort onderwijs', 'School type'), t('BO, SBO, SO, SO/VSO, VSO', 'BO, SBO, SO, SO/VSO, VSO'), ['soort vestiging', 'soort onderwijs', 'soort po', 'onderwijstype']),
];

export const KINDS: Record<TableKind, KindSpec> = {
  codebook: {
    kind: 'codebook',
    label: t('Regionaal productcodeboek', 'Regional product codebook'),
    fields: [
      f('productcode', 'code', true, t('Productcode', 'Product code'), t('iJw ProductCode', 'iJw ProductCode'), ['productcode', 'product code', 'code product', 'product', 'code']),
      f('omschrijving', 'text', false, t('Omschrijving', 'Description'), none, ['omschrijving', 'productomschrijving', 'productnaam', 'naam', 'description']),
      f('segment', 'segment', true, t('Hulpvorm', 'Care segment'), t('verblijf, wonen, crisis, dagbehandeling, specialistisch, generalistisch, jbjr, overig', 'one of the segments of DOMAIN.md §4'), ['segment', 'hulpvorm', 'segment hulpvorm']),
      f('met_verblijf', 'boolean', false, t('Met verblijf', 'With residence'), t('ja/nee', 'yes/no'), ['met verblijf', 'verblijf']),
      f('telt_als_traject', 'boolean', false, t('Telt als traject', 'Counts as trajectory'), t('ja/nee; leeg = standaard (40 en 42 niet)', 'yes/no; empty = default (not 40 and 42)'), ['telt als traject', 'traject']),
      f('eenheid', 'text', false, t('Eenheid', 'Unit'), none, ['eenheid', 'unit']),
      f('tarief', 'euro', false, t('Tarief (€)', 'Rate (€)'), t('per eenheid, bijv. 1.234,56', 'per unit, e.g. 1.234,56'), ['tarief', 'prijs', 'tarief per eenheid', 'rate', 'price']),
      f('ingangsdatum', 'date', false, t('Ingangsdatum', 'Valid from'), t('dd-mm-jjjj', 'dd-mm-yyyy'), ['ingangsdatum', 'geldig vanaf', 'datum ingang', 'valid from']),
    ],
    unique: ['productcode'],
    duplicates: 'error',
  },
  population: {
    kind: 'population',
    label: t('Bevolking (CBS)', 'Population (CBS)'),
    fields: [
      f('municipality', 'municipality', true, t('Gemeente', 'Municipality'), t('code (0228, GM0228) of CBS-naam', 'code (0228, GM0228) or CBS name'), ['gemeentecode', 'gemeente', 'regio s', 'regios', 'regio', 'regiocode', 'gemeentecodegm', 'codering']),
      year(t('jaar van de peildatum 1 januari', 'year of the 1 January count')),
      f('age', 'age', true, t('Leeftijd', 'Age'), t('7, 0-3, 0 tot 5 jaar, 95 jaar of ouder', '7, 0-3, 0 tot 5 jaar, 95 jaar of ouder'), ['leeftijd', 'leeftijdsgroep', 'leeftijdsklasse', 'age', 'age group']),
      f('sex', 'sex', false, t('Geslacht', 'Sex'), t('leeg = totaal', 'empty = total'), ['geslacht', 'sex', 'gender']),
      f('count', 'integer', true, t('Aantal inwoners', 'Population'), none, ['aantal', 'bevolking', 'inwoners', 'aantal inwoners', 'bevolking op 1 januari', 'bevolking op 1 januari aantal', 'population', 'count']),
    ],
    unique: ['municipality', 'year', 'sex', 'age'],
    duplicates: 'error',
    period: 'year',
    // CBS tables with one column per age (group): "0 jaar", "1 jaar", … or "0 tot 5 jaar", ….
    wide: { field: 'age', value: 'count', match: (h, raw) => (/^\d{1,3}( |$)|^totaal$/.test(h) ? raw : null) },
  },
  'duo-schools': {
    kind: 'duo-schools',
    label: t('Schoolvestigingen (DUO)', 'School locations (DUO)'),
    fields: [
      vestiging,
      ...schoolFields,
      f('municipality', 'municipality', true, t('Gemeente', 'Municipality'), none, ['gemeentenummer', 'gemeentecode', 'gemeentecode vestiging', 'gemeente']),
      f('pc4', 'postcode', false, t('Postcode', 'Postcode'), t('alleen de 4 cijfers worden bewaard', 'only the 4 digits are kept'), ['postcode', 'postcode vestiging']),
    ],
    unique: ['vestigingscode'],
    duplicates: 'error',
  },
  'duo-pupils': {
    kind: 'duo-pupils',
    label: t('Leerlingen per vestiging (DUO)', 'Pupils per school location (DUO)'),
    fields: [
      vestiging,
      f('municipality', 'municipality', true, t('Gemeente', 'Municipality'), none, ['gemeentecode vestiging', 'gemeentecode', 'gemeentenummer', 'gemeente']),
      f('soort', 'code', false, t('Soort onderwijs', 'School type'), t('BO, SBO, SO, SO/VSO, VSO', 'BO, SBO, SO, SO/VSO, VSO'), ['soort vestiging', 'soort onderwijs', 'soort po', 'onderwijstype']),
      year(t('teljaar (DUO telt op 1 oktober)', 'count year (DUO counts on 1 October)')),
      f('pupils', 'count', true, t('Leerlingen', 'Pupils'), t('<5 = onderdrukt', '<5 = suppressed'), ['leerlingen', 'aantal leerlingen', 'aantal']),
    ],
    unique: ['vestigingscode', 'year'],
    duplicates: 'error',
    period: 'year',
    wide: { field: 'year', value: 'pupils', match: (h) => /^(?:aantal )?(?:leerlingen|ll) ?(\d{4})$/.exec(h)?.[1] ?? null },
  },
  leerplicht: {
    kind: 'leerplicht',
    label: t('Leerplichtextract', 'Compulsory-education extract'),
    fields: [
      f('bsn', 'bsn', true, t('BSN', 'BSN'), t('wordt direct gepseudonimiseerd; nooit bewaard', 'pseudonymised on reading; never stored'), ['bsn', 'burgerservicenummer', 'bsn leerling', 'sofinummer', 'sofi nummer']),
      vestiging,
      f('schooljaar', 'schoolyear', true, t('Schooljaar', 'School year'), t('bijv. 2024-2025', 'e.g. 2024-2025'), ['schooljaar', 'school jaar', 'schoolyear']),
    ],
    unique: ['bsn', 'vestigingscode', 'schooljaar'],
    duplicates: 'merge',
    period: 'schooljaar',
  },
  'municipality-mapping': {
    kind: 'municipality-mapping',
    label: t('Gemeentecodes bij herindeling', 'Municipality codes across mergers'),
    fields: [
      f('old_code', 'municipality', true, t('Oude gemeentecode', 'Old municipality code'), none, ['oude code', 'oude gemeentecode', 'code oud', 'gemeentecode oud', 'van code', 'old code']),
      f('new_code', 'municipality', true, t('Nieuwe gemeentecode', 'New municipality code'), none, ['nieuwe code', 'nieuwe gemeentecode', 'code nieuw', 'gemeentecode nieuw', 'naar code', 'new code']),
      f('date', 'date', true, t('Datum herindeling', 'Merger date'), t('dd-mm-jjjj, of een jaar (= 1 januari)', 'dd-mm-yyyy, or a year (= 1 January)'), ['datum', 'datum herindeling', 'ingangsdatum', 'vanaf', 'per', 'jaar', 'date']),
    ],
    unique: ['old_code', 'new_code'],
    duplicates: 'error',
  },
  municipalities: {
    kind: 'municipalities',
    label: t('Gemeentelijst (CBS)', 'Municipality list (CBS)'),
    fields: [
      f('code', 'municipality', true, t('Gemeentecode', 'Municipality code'), none, ['gemeentecode', 'gemeentecodegm', 'code']),
      f('name', 'text', true, t('Gemeentenaam', 'Municipality name'), none, ['gemeentenaam', 'naam', 'gemeente']),
      f('province', 'text', false, t('Provincie', 'Province'), none, ['provincienaam', 'provincie']),
      year(t('de lijst geldt op 1 januari van dit jaar', 'the list holds on 1 January of this year')),
    ],
    unique: ['code', 'year'],
    duplicates: 'error',
    period: 'year',
  },
  wijk: {
    kind: 'wijk',
    label: t('Wijkindeling (PC4 → wijk)', 'Districts (PC4 → district)'),
    fields: [
      f('pc4', 'postcode', true, t('Postcode (PC4)', 'Postcode (PC4)'), t('1234 of 1234 AB; alleen de 4 cijfers tellen', '1234 or 1234 AB; only the 4 digits count'), ['pc4', 'postcode', 'postcode 4', 'postcodegebied', 'pc 4', 'postcode4']),
      f('wijk', 'text', true, t('Wijk', 'District'), t('naam of code van de wijk', 'name or code of the district'), ['wijk', 'wijknaam', 'naam wijk', 'wijkcode', 'gebied', 'district']),
    ],
    unique: ['pc4'],
    duplicates: 'error',
  },
};

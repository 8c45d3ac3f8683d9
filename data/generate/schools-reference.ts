// The FoodValley school locations the generator places children at, derived from DUO's open data in
// shared/reference/open-data (CC0; docs/SCHOOLS.md "Demo data") and checked in as data/reference/duo-foodvalley-*.csv
// so the generator and the demo need no copy of the full files. A test re-derives them from the originals.
//   duo-foodvalley-scholen.csv     every location in the seven municipalities: file 02's current BO locations
//                                  (name, board, denomination, postcode), and from file 06 the others — SBO/SO/VSO
//                                  and closed BO locations (file 06 has their name and board; no postcode).
//                                  UTF-8, ';', columns the duo-schools kind recognises.
//   duo-foodvalley-leerlingen.csv  file 06's rows for those municipalities, pupil counts 2015–2025 only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export const FOODVALLEY_CODES = ['0203', '0228', '0267', '0279', '0339', '0340', '0345'];
export const PUPIL_YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i);

function rows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const cols = head!.split(';');
  return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i]!, v])));
}

export function deriveSchoolReference(openDataDir: string): { scholen: string; leerlingen: string } {
  const f02 = rows(iconv.decode(readFileSync(join(openDataDir, 'duo-02-alle-schoolvestigingen-basisonderwijs.csv')), 'windows-1252'));
  const f06 = rows(readFileSync(join(openDataDir, 'duo-06-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv'), 'utf8'));
  const pad = (c: string) => c.padStart(4, '0');
  const in02 = f02.filter((r) => FOODVALLEY_CODES.includes(r['GEMEENTENUMMER']!));
  const in06 = f06.filter((r) => FOODVALLEY_CODES.includes(pad(r['GEMEENTECODE_VESTIGING']!)));
  const soort = new Map(in06.map((r) => [r['VESTIGINGSCODE']!, r['SOORT_VESTIGING']!]));
  const head = 'VESTIGINGSCODE;INSTELLINGSCODE;VESTIGINGSNAAM;BEVOEGD GEZAG NUMMER;GEMEENTENUMMER;DENOMINATIE;SOORT VESTIGING;POSTCODE';
  const scholen = [
    ...in02.map((r) => [r['VESTIGINGSCODE'], r['INSTELLINGSCODE'], r['VESTIGINGSNAAM'], r['BEVOEGD GEZAG NUMMER'], r['GEMEENTENUMMER'], r['DENOMINATIE'], soort.get(r['VESTIGINGSCODE']!) ?? 'BO', r['POSTCODE']]),
    ...in06.filter((r) => !in02.some((b) => b['VESTIGINGSCODE'] === r['VESTIGINGSCODE']))
      .map((r) => [r['VESTIGINGSCODE'], r['INSTELLINGSCODE'], r['NAAM_VESTIGING'], r['BEVOEGD_GEZAG_NUMMER'], pad(r['GEMEENTECODE_VESTIGING']!), r['DENOMINATIE_VESTIGING'], r['SOORT_VESTIGING'], '']),
  ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  const cols06 = ['INSTELLINGSCODE', 'VESTIGINGSCODE', 'NAAM_VESTIGING', 'SOORT_VESTIGING', 'DENOMINATIE_VESTIGING', 'BEVOEGD_GEZAG_NUMMER', 'GEMEENTECODE_VESTIGING', 'GEMEENTENAAM_VESTIGING', ...PUPIL_YEARS.map((y) => `LEERLINGEN_${y}`)];
  const leerlingen = [cols06.join(';'), ...in06.map((r) => cols06.map((c) => r[c] ?? '').join(';'))];
  return { scholen: [head, ...scholen.map((r) => r.join(';'))].join('\r\n') + '\r\n', leerlingen: leerlingen.join('\r\n') + '\r\n' };
}

/** The checked-in derived files. */
export function schoolReference(): { scholen: string; leerlingen: string } {
  const read = (name: string) => readFileSync(new URL(`../reference/${name}`, import.meta.url), 'utf8');
  return { scholen: read('duo-foodvalley-scholen.csv'), leerlingen: read('duo-foodvalley-leerlingen.csv') };
}

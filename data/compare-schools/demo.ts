// The demo region's reference tables (data/generate/schools.ts writes them to <dir>/tabellen): population,
// DUO school list and pupil counts, and the leerplicht extract, imported like a user would under Tables.
import { join } from 'node:path';
import type { Handlers } from '../../core/contract/methods.js';
import type { TableKind } from '../../core/contract/tables.js';

const FILES: [string, TableKind, string][] = [
  ['bevolking.csv', 'population', 'Demoregio bevolking (synthetisch)'],
  ['duo-scholen.csv', 'duo-schools', 'DUO schoolvestigingen FoodValley'],
  ['duo-leerlingen.csv', 'duo-pupils', 'DUO leerlingen FoodValley'],
  ['leerplicht.csv', 'leerplicht', 'Demoregio leerplicht (synthetisch)'],
];

export async function importSchoolTables(service: Pick<Handlers, 'tables/import'>, dir: string): Promise<void> {
  for (const [file, kind, source] of FILES) {
    const r = await service['tables/import']({ path: join(dir, 'tabellen', file), kind, source });
    if (r.status !== 'imported') throw new Error(`demo region: ${file} was rejected: ${r.errors[0]?.reason ?? 'unknown'}`);
  }
}

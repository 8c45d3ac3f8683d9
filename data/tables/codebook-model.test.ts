// A regional codebook changes the model (DOMAIN.md §4): the segment of a care period and of a € line comes
// from its ProductCode's codebook row, and telt_als_traject overrides the 40/42 default. Hand-built region:
//   A: category 45, code 45A99 (default specialistisch; the codebook says wonen)
//   B: category 45, code 45A01 (not in the codebook: stays specialistisch)
//   C: category 42, code 42A01 (vervoer: no trajectory by default; the codebook says it counts)
// plus the official JW323 example: 45A03 lines RN001 and RN003 of 5000 cent each (→ wonen by the codebook) and
// 45A04 lines RN002 and RN004 of 24000 cent each (not in the codebook: specialistisch). Its second RN004 line
// (21000) reuses a line identity (provider AGB + ReferentieNummer, DOMAIN.md §2): a conflict, the first copy
// counts. All in
// March/April 2026, before the
// peildatum 2026-05-31 (the month of the JW305s' Dagtekening). `clients` counts children in care only.
import { leaves } from '../../test/fixtures/truth-compare.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifier } from '../../core/domain/codebook.js';
import { KIND } from '../../core/pivot/store.js';
import { exampleInput } from '../../test/fixtures/import/examples.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';
import { jw301, jw305, testBsn } from '../../test/fixtures/ijw-builder.js';
import { importFiles } from '../import/importer.js';
import { buildFactStore } from '../model/store.js';
import { createService, type Service } from '../service.js';

const EDE = '0228';
const P1 = '12345678';
const child = (n: number) => ({ bsn: testBsn(60 + n), geboortedatum: '2012-05-20', geslacht: '2' as const });
let seq = 0;
function careFor(n: number, categorie: string, code: string): { name: string; bytes: Uint8Array<ArrayBuffer> }[] {
  const nr = 7000 + n;
  const enc = (s: string) => new TextEncoder().encode(s);
  return [
    { name: `jw301-${n}.xml`, bytes: enc(jw301({ afzender: EDE, ontvanger: P1, id: `G${++seq}`, dagtekening: '2026-03-01' }, child(n), [{ nr, categorie, code, toewijzingsdatum: '2026-03-01', ingangsdatum: '2026-03-01' }])) },
    { name: `jw305-${n}.xml`, bytes: enc(jw305({ afzender: P1, ontvanger: EDE, id: `A${++seq}`, dagtekening: '2026-05-06' }, child(n), [{ nr, categorie, code, begindatum: '2026-03-01' }])) },
  ];
}

let dir: string;
let service: Service;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-codebook-'));
  service = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home'), today: () => '2026-11-01' });
  const report = await service['import/files']({ files: [...careFor(1, '45', '45A99'), ...careFor(2, '45', '45A01'), ...careFor(3, '42', '42A01'), { name: 'JW323.xml', bytes: new Uint8Array(exampleInput('JW323').bytes) }] });
  expect(report.files.map((f) => f.status)).toEqual(Array(7).fill('imported'));
}, 60_000);
afterAll(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

async function bySegment(): Promise<Record<string, number[]>> {
  const p = leaves(await service['query/pivot']({ rows: ['segment'], measures: ['clients', 'trajectories', 'claimed'], suppress: false }));
  return Object.fromEntries(p.rowKeys.map((k, i) => [k[0]!, p.rowTotals[i]!.values.map((v) => v ?? 0)]));
}

describe('the regional codebook in the model', () => {
  it('moves a product to wonen and makes vervoer count as a trajectory once a codebook is imported', async () => {
    // Without a codebook: A and B specialistisch (2 children, 2 trajectories, and the JW323's 5000 + 24000 + 5000 + 24000 cent);
    // C overig (1 child, no trajectory).
    expect(await bySegment()).toEqual({ specialistisch: [2, 2, 58000], overig: [1, 0, 0] });

    const codebook = 'productcode;omschrijving;segment;met_verblijf;telt_als_traject\n45A99;Gezinshuis;wonen;ja;\n45A03;Pleegzorg;wonen;ja;\n42A01;Vervoer;overig;nee;ja\n';
    const r = await service['tables/import']({ file: { name: 'codeboek.csv', bytes: new TextEncoder().encode(codebook) }, kind: 'codebook', source: 'FoodValley' });
    expect(r).toMatchObject({ status: 'imported', rows: 3 });

    // A (and the 45A03 lines: 5000 + 5000) to wonen; B and the 45A04 lines (24000 + 24000) stay; C now a trajectory.
    expect(await bySegment()).toEqual({ wonen: [1, 1, 10000], specialistisch: [1, 1, 48000], overig: [1, 1, 0] });
  });
});

describe('classifier', () => {
  it('takes the codebook row of a € line by its ProductCode, else the category default', async () => {
    const classify = classifier(new Map([['45A03', { segment: 'wonen' as const, countsAsTrajectory: null }]]));
    const s = openTempStore('spiegel-codebook-lines-');
    try {
      await importFiles(s.db, [exampleInput('JW323')], { key: s.key, appVersion: 'test' });
      const store = buildFactStore(s.db, '2026-05-31', classify);
      // The example's lines by ReferentieNummer: RN001 and RN003 are 45A03 (→ wonen), RN002 and RN004 45A04.
      const kind = store.facts.getChild('kind')!.toArray() as Uint8Array;
      const record = store.facts.getChild('record')!.toArray() as Int32Array;
      const segment = store.facts.getChild('segment')!.toArray() as string[];
      const byRef: Record<string, string> = {};
      kind.forEach((k, i) => k === KIND.money && (byRef[String(store.lines.getChild('referentieNummer')!.get(record[i]!))] = segment[i]!));
      expect(byRef).toEqual({ RN001: 'wonen', RN002: 'specialistisch', RN003: 'wonen', RN004: 'specialistisch' });
    } finally {
      closeTempStore(s.db, s.dir);
    }
    expect([classify.isTrajectory('40', null), classify.isTrajectory('45', '45A99'), classify.isTrajectory('42', 'X')]).toEqual([false, true, false]);
  });
});

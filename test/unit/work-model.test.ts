// The model rebuild as long work (issue 11): while it runs work/status says where it is, work/cancel stops it
// with code 'cancelled' and keeps nothing, and the next call builds it afresh. Hand-built case:
//   Ede (0228): c1 from 2024-01-15, c2 from 2024-02-01, c3 from 2024-02-10 — all open;
//   Veenendaal (0345): c4 from 2024-01-20, c5 from 2024-03-01 — open.
//   Children in care in March 2024: Ede 3, Veenendaal 2. A later batch adds c6 in Ede from 2024-03-05: Ede 4.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { jw301, jw305, type Head, type Person } from '../../data/generate/xml.js';
import { factStoreSteps } from '../../data/model/store.js';
import { createService, type Service } from '../../data/service.js';
import { classifier } from '../../core/domain/codebook.js';
import type { BuildStep } from '../../data/system/steps.js';
import { testBsn } from '../fixtures/ijw-builder.js';

const EDE = '0228';
const VEEN = '0345';
const P1 = '11111111';
let seq = 0;
const head = (code: Head['code'], afzender: string, ontvanger: string, dagtekening: string): Head => ({ code, afzender, ontvanger, id: `W${++seq}`, dagtekening });
const person = (n: number): Person => ({
  bsn: testBsn(n), birthDate: '2014-05-20', gender: '1', firstName: 'Test', lastName: 'Kind', street: 'Proefstraat', houseNumber: 1, postcode: '6711AA', place: 'Ede',
});
const omvang = { volume: 1, unit: '04', frequency: '2' } as const;

function child(n: number, mun: string, start: string): { name: string; bytes: Uint8Array<ArrayBuffer> }[] {
  const product = { nr: n, category: '45', code: '45A03' };
  return [
    jw301(head('JW301', mun, P1, start), person(n), [{ ...product, date: start, time: '09:00:00', start, end: null, omvang }]),
    jw305(head('JW305', P1, mun, start), person(n), [{ ...product, start, status: '1' }]),
  ].map((xml, i) => ({ name: `c${n}-${i}.xml`, bytes: new TextEncoder().encode(xml) }));
}

const FIRST = [child(1, EDE, '2024-01-15'), child(2, EDE, '2024-02-01'), child(3, EDE, '2024-02-10'), child(4, VEEN, '2024-01-20'), child(5, VEEN, '2024-03-01')].flat();

async function fresh(stepDelayMs?: number): Promise<{ service: Service; dbFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-work-model-'));
  const dbFile = join(dir, 'w.db');
  const service = createService({ dbFile, home: join(dir, 'home'), today: () => '2026-11-01', ...(stepDelayMs ? { stepDelayMs } : {}) });
  const report = await service['import/files']({ files: FIRST });
  expect(report.files.map((f) => f.status)).toEqual(FIRST.map(() => 'imported'));
  return { service, dbFile };
}

const march = { rows: ['municipality' as const], filters: [['month', '==', '2024-03'] as ['month', '==', string]], suppress: false };
async function inMarch(service: Service): Promise<Record<string, number>> {
  const r = await service['query/pivot'](march);
  return Object.fromEntries(r.rows.map((row, i) => [row.path[0] ?? 'total', r.cells[i]![0]!.values[0]!]));
}

describe('model rebuild as long work', () => {
  it('reports every phase in order with a fraction that only grows, ending near 1', async () => {
    const { service, dbFile } = await fresh();
    service.close();
    const db = new Database(dbFile, { readonly: true });
    const steps: BuildStep[] = [];
    const gen = factStoreSteps(db, '2024-03-31', classifier());
    for (let n = gen.next(); !n.done; n = gen.next()) steps.push(n.value);
    db.close();
    const phases = [...new Set(steps.map((s) => s[0]))];
    expect(phases).toEqual(['reading', 'periods', 'money', 'facts', 'tables']);
    const fractions = steps.map((s) => s[1]);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]!))).toBe(true);
    expect(fractions.at(-1)).toBeGreaterThanOrEqual(0.95);
  });

  it('shows the rebuild in work/status, and a cancel fails the waiting query with code cancelled and keeps nothing', async () => {
    const { service } = await fresh();
    const query = service['query/pivot'](march); // the first query after the import builds the model
    const status = await service['work/status']({});
    expect(status.tasks).toHaveLength(1);
    expect(status.tasks[0]).toMatchObject({ kind: 'model', cancelling: false });
    expect(await service['work/cancel']({})).toEqual({ cancelled: 1 });
    await expect(query).rejects.toMatchObject({ code: 'cancelled' });
    expect((await service['work/status']({})).tasks).toEqual([]);
    // The next call builds it again, from the start.
    expect(await inMarch(service)).toEqual({ [EDE]: 3, [VEEN]: 2, total: 5 });
    expect(await service['work/cancel']({})).toEqual({ cancelled: 0 });
    service.close();
  });

  it('shares one rebuild between calls that wait for it', async () => {
    const { service } = await fresh();
    const a = inMarch(service);
    const b = service['meta/dimensions']({});
    expect((await service['work/status']({})).tasks).toHaveLength(1);
    expect(await a).toEqual({ [EDE]: 3, [VEEN]: 2, total: 5 });
    expect((await b).counts.messages).toBe(10);
    service.close();
  });

  it('does not keep a model built while an import began: the waiting query gets the data with the new batch', async () => {
    const { service } = await fresh(2); // every checkpoint waits 2 ms: the import starts mid-build
    const before = inMarch(service);
    const imported = service['import/files']({ files: child(6, EDE, '2024-03-05') });
    expect(await before).toEqual({ [EDE]: 4, [VEEN]: 2, total: 6 });
    expect((await imported).files.map((f) => f.status)).toEqual(['imported', 'imported']);
    service.close();
  });

  it('gives a call that arrives after a change the new data, not the rebuild already under way', async () => {
    const { service } = await fresh(2);
    // The latest Dagtekening is 2024-03-01 (c5's messages): peildatum 2024-03-31 until an own one is set.
    const before = service['meta/dimensions']({}); // starts a rebuild that takes the peildatum at once
    await service['settings/set']({ peildatum: '2024-02-29' }); // while that rebuild runs
    const after = await service['meta/dimensions']({});
    expect(after.peildatum).toBe('2024-02-29');
    expect((await before).peildatum).toBe('2024-02-29');
    service.close();
  });

  it('runs an export as an export task that a cancel stops before anything is handed out', async () => {
    const { service } = await fresh();
    expect(await inMarch(service)).toEqual({ [EDE]: 3, [VEEN]: 2, total: 5 });
    const file = service['export/pivot']({ query: march, format: 'xlsx' });
    expect((await service['work/status']({})).tasks.map((t) => [t.kind, t.phase])).toEqual([['export', 'computing']]);
    service['work/cancel']({ kind: 'export' });
    await expect(file).rejects.toMatchObject({ code: 'cancelled' });
    const again = await service['export/pivot']({ query: march, format: 'csv' });
    expect(again.fileName).toMatch(/\.csv$/);
    service.close();
  });
});

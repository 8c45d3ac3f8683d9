// One contract test suite, run against every transport: in-process, the data worker, the HTTP browser
// host, and (electron-ipc.contract.test.ts) the Electron IPC relay. Same calls, same answers.
import { leaves } from '../fixtures/truth-compare.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOver, type RawTransport, type SpiegelApi } from '../../core/contract/api.js';
import { dispatch } from '../../core/contract/dispatch.js';
import { decode, encode } from '../../core/contract/envelope.js';
import type { BatchSummary } from '../../core/contract/imports.js';
import { createService } from '../../data/service.js';
import { startWorkerClient } from '../../data/worker-client.js';
import { startHost } from '../../data/host/server.js';
import { writeHandworkedSet } from '../fixtures/handworked.js';
import { makeIpcTransport } from './electron-fake.js';
import { EXAMPLES_DIR as EXAMPLES } from '../fixtures/import/examples.js';

export interface TransportUnderTest {
  api: SpiegelApi;
  close(): Promise<void>;
}


/** The suite every transport must pass. `make` gets a fresh db file and home. */
export function contractSuite(name: string, make: (dbFile: string, home: string) => Promise<TransportUnderTest>): void {
  describe(`contract over ${name}`, () => {
    let t: TransportUnderTest;
    let dir: string;
    const events: string[] = [];
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `spiegel-contract-`));
      t = await make(join(dir, 'spiegel.db'), join(dir, 'home'));
      t.api.onEvent((e) => events.push(e));
    }, 60_000);
    afterAll(async () => t?.close());

    it('answers meta/dimensions on an empty store', async () => {
      const r = await t.api.invoke('meta/dimensions', {});
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.peildatum).toBeNull();
      expect(r.value.counts).toEqual({ messages: 0, clients: 0, carePeriods: 0 });
      expect(r.value.population).toBe(false);
      expect(r.value.dimensions.map((d) => d.id)).toEqual([
        'municipality', 'lastMunicipality', 'provider', 'segment', 'kader', 'verblijf', 'category', 'product', 'referrer', 'gp',
        'gender', 'ageband', 'pc4', 'wijk', 'school', 'year', 'quarter', 'month', 'endReason', 'unit',
      ]);
      expect(r.value.dataset).toEqual({ synthetic: false, label: null });
      expect(r.value.dimensions[0]!.label.nl).toBe('Gemeente');
    });

    it('imports files given as paths and as bytes, and announces data/changed', async () => {
      const files = writeHandworkedSet(join(dir, 'in'));
      const byPath = await t.api.invoke('import/files', { paths: files.slice(0, 20) });
      expect(byPath.ok && byPath.value.files.every((f) => f.status === 'imported')).toBe(true);
      const bytes = files.slice(20).map((f) => ({ name: f.split('/').pop()!, bytes: new Uint8Array(readFileSync(f)) }));
      const byBytes = await t.api.invoke('import/files', { files: bytes });
      expect(byBytes.ok).toBe(true);
      if (!byBytes.ok) return;
      expect(byBytes.value.files.map((f) => f.status)).toEqual(bytes.map(() => 'imported'));
      await new Promise((r) => setTimeout(r, 200));
      expect(events).toContain('data/changed');
    });

    it('reports a rejected file with line, element and reason', async () => {
      const r = await t.api.invoke('import/files', { paths: [join(EXAMPLES, 'JW315.xml')] });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const f = r.value.files[0]!;
      expect(f.status).toBe('rejected');
      expect(f.errors[0]).toMatchObject({ element: 'ToewijzingEinddatum' });
      expect(f.errors[0]!.line).toBeGreaterThan(0);
      expect(f.errors[0]!.reason).toMatch(/2027-06-31/);
    });

    it('runs query/pivot with the hand-worked figures (handworked.md)', async () => {
      const r = await t.api.invoke('query/pivot', { rows: ['municipality'], cols: ['year'], suppress: false });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const v = leaves(r.value);
      expect(v.rowKeys).toEqual([['0228'], ['0345']]);
      expect(v.colKeys).toEqual([['2023'], ['2024'], ['2025']]);
      expect(v.cells.map((row) => row.map((c) => c.clients))).toEqual([
        [1, 7, 3],
        [0, 1, 3],
      ]);
      expect(v.grandTotal.clients).toBe(9);
    });

    it('lists the batches, reports one, and undoes one (the hand-worked figures drop out, then return)', async () => {
      const history = await t.api.invoke('import/history', {});
      if (!history.ok) throw new Error(history.error.message);
      // Three imports above: 20 files by path, the other 17 as bytes, the rejected JW315.
      expect(history.value.batches.map((b) => [b.files, b.messages, b.rejected, b.held])).toEqual([[1, 0, 1, 0], [17, 17, 0, 17], [20, 20, 0, 20]]);
      const [rejected, second, first] = history.value.batches as [BatchSummary, BatchSummary, BatchSummary];
      const report = await t.api.invoke('import/report', { batchId: rejected.id });
      expect(report.ok && report.value.rejected[0]!.errors[0]!.element).toBe('ToewijzingEinddatum');
      const status = await t.api.invoke('import/status', {});
      expect(status.ok && [status.value.running, status.value.phase]).toEqual([false, 'done']);

      const undo = await t.api.invoke('import/undo', { batchId: second.id });
      expect(undo.ok && [undo.value.messagesRemoved, undo.value.messagesKept]).toEqual([17, 0]);
      const meta = await t.api.invoke('meta/dimensions', {});
      expect(meta.ok && meta.value.counts.messages).toBe(20);
      await t.api.invoke('import/undo', { batchId: first.id });
      const empty = await t.api.invoke('meta/dimensions', {});
      expect(empty.ok && empty.value.counts.messages).toBe(0);
      const again = await t.api.invoke('import/undo', { batchId: first.id });
      expect(again).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      const missing = await t.api.invoke('import/report', { batchId: 999 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });

    it('refuses unknown methods and invalid arguments with a coded error', async () => {
      const unknown = await t.api.invoke('query/nothing' as 'query/pivot', { rows: ['year'] });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      const bad = await t.api.invoke('query/pivot', { rows: ['year'], extra: 1 } as never);
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
      const twice = await t.api.invoke('query/pivot', { rows: ['year'], cols: ['year'] });
      expect(twice).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    });
  });
}

contractSuite('in-process dispatch', async (dbFile, home) => {
  const service = createService({ dbFile, home });
  const listeners: ((e: 'data/changed') => void)[] = [];
  service.onEvent((e) => listeners.forEach((l) => l(e)));
  const transport: RawTransport = async (m, a) => encode(await dispatch(service, m, decode(a)));
  return {
    api: clientOver(transport, (l) => (listeners.push(l), () => undefined)),
    close: async () => service.close(),
  };
});

contractSuite('the data worker thread', async (dbFile, home) => {
  const worker = await startWorkerClient({ dbFile, home });
  return { api: clientOver(worker.call, worker.subscribe), close: () => worker.close() };
});

contractSuite('the HTTP browser host', async (dbFile, home) => {
  const worker = await startWorkerClient({ dbFile, home });
  const staticDir = mkdtempSync(join(tmpdir(), 'spiegel-static-'));
  const host = await startHost({ call: worker.call, subscribe: worker.subscribe, staticDir });
  const origin = new URL(host.url).origin;
  const transport: RawTransport = async (method, args) => {
    const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: args });
    return res.text();
  };
  // Events over Server-Sent Events, as the renderer receives them.
  const listeners = new Set<(e: 'data/changed') => void>();
  const abort = new AbortController();
  void fetch(`${origin}/api/events?token=${host.token}`, { signal: abort.signal })
    .then(async (res) => {
      const reader = res.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const text = new TextDecoder().decode(value);
        if (text.includes('data/changed')) listeners.forEach((l) => l('data/changed'));
      }
    })
    .catch(() => undefined);
  return {
    api: clientOver(transport, (l) => (listeners.add(l), () => listeners.delete(l))),
    close: async () => {
      abort.abort();
      await host.close();
      await worker.close();
    },
  };
});

contractSuite('the Electron IPC relay (recording fake of Electron, real data host)', async () => {
  const ipc = await makeIpcTransport();
  return { api: clientOver(ipc.transport, ipc.onEvent), close: () => ipc.close() };
});

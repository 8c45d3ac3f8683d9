// The IPC relay end to end: shell on the recording fake → spiegel:invoke → the real
// data/electron-host.ts in a worker_thread → dispatch → reply and events back to the window.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { clientOver } from '../../core/contract/api.js';
import { decode, encode } from '../../core/contract/envelope.js';
import { hostOption } from '../../data/electron-host.js';
import { makeIpcTransport, writeTempModule, type IpcTransport } from './electron-fake.js';

// A tiny service, enough to see arguments, bytes, results, errors and events make the whole trip.
const handlersModule = writeTempModule(
  'handlers.mjs',
  `
const text = (s) => ({ nl: s, en: s });
export function makeHandlers(options) {
  const listeners = [];
  return {
    async 'meta/dimensions'() {
      return {
        dimensions: [{ id: 'year', label: text('Jaar'), definition: text('Kalenderjaar'), values: [{ key: '2024', label: text('2024') }] }],
        measures: [{ id: 'clients', label: text('Cliënten'), definition: text('Unieke cliënten') }],
        peildatum: options.peildatum,
        counts: { messages: 1, clients: 2, carePeriods: 3 },
        population: false,
        dataset: { synthetic: false, label: null },
      };
    },
    async 'import/files'(args) {
      const files = args.files ?? args.paths.map((p) => ({ name: p, bytes: new Uint8Array() }));
      for (const l of listeners) l('data/changed');
      return {
        batchId: 7,
        files: files.map((f) => ({ name: f.name, status: 'imported', messageCode: null, messages: f.bytes.length, skipped: 0, errors: [] })),
        warnings: files.map((f) => ({ file: f.name, code: 'bytes', detail: Array.from(f.bytes).join(',') })),
      };
    },
    async 'query/pivot'() {
      throw new Error('no data yet');
    },
    onEvent(l) { listeners.push(l); },
    close() {},
  };
}
export function crash() {
  return { async 'meta/dimensions'() { process.exit(3); }, 'import/files': null, 'query/pivot': null };
}
`,
);
afterAll(() => rmSync(dirname(handlersModule), { recursive: true, force: true }));

let ipc: IpcTransport | null = null;
afterEach(async () => {
  await ipc?.close();
  ipc = null;
});

describe('IPC relay round trip (worker_thread data host, in-test handlers)', () => {
  it('carries a call to the data process and its result back', async () => {
    ipc = await makeIpcTransport({ module: handlersModule, exportName: 'makeHandlers', options: { peildatum: '2024-12-31' } });
    const reply = decode(await ipc.transport('meta/dimensions', encode({}))) as { ok: true; value: { peildatum: string; counts: unknown } };
    expect(reply.ok).toBe(true);
    expect(reply.value.peildatum).toBe('2024-12-31');
    expect(reply.value.counts).toEqual({ messages: 1, clients: 2, carePeriods: 3 });
  });

  it('keeps bytes intact and forwards data/changed to the window', async () => {
    ipc = await makeIpcTransport({ module: handlersModule, exportName: 'makeHandlers', options: { peildatum: null } });
    const events: string[] = [];
    ipc.onEvent((e) => events.push(e));
    const api = clientOver(ipc.transport, ipc.onEvent);
    const bytes = new Uint8Array([0, 1, 127, 128, 255]);
    const result = await api.invoke('import/files', { files: [{ name: 'a.xml', bytes }] });
    expect(result).toEqual({
      ok: true,
      value: {
        batchId: 7,
        files: [{ name: 'a.xml', status: 'imported', messageCode: null, messages: 5, skipped: 0, errors: [] }],
        warnings: [{ file: 'a.xml', code: 'bytes', detail: '0,1,127,128,255' }],
      },
    });
    await expect.poll(() => events).toEqual(['data/changed']);
    expect(ipc.fake.window.webContents.sent).toEqual([{ channel: 'spiegel:event', args: ['data/changed'] }]);
  });

  it('returns handler failures as results, never as throws', async () => {
    ipc = await makeIpcTransport({ module: handlersModule, exportName: 'makeHandlers', options: { peildatum: null } });
    const reply = decode(await ipc.transport('query/pivot', encode({ rows: ['year'] })));
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'no data yet' } });
  });

  it('answers calls in flight when the data process dies, and starts a new one for the next call', async () => {
    ipc = await makeIpcTransport({ module: handlersModule, exportName: 'crash' });
    const reply = decode(await ipc.transport('meta/dimensions', encode({}))) as { ok: false; error: { code: string; message: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('internal');
    expect(reply.error.message).toMatch(/data process stopped \(exit code 3\)/);
    void ipc.transport('meta/dimensions', encode({}));
    expect(ipc.fake.forks).toHaveLength(2);
  });
});

describe('IPC relay round trip with the real service', () => {
  it('starts data/service.ts from the argv main passes and answers meta/dimensions on a new database', async () => {
    ipc = await makeIpcTransport();
    const reply = decode(await ipc.transport('meta/dimensions', encode({}))) as { ok: boolean; value?: { counts: unknown } };
    expect(reply).toMatchObject({ ok: true, value: { counts: { messages: 0 } } });
  });
});

describe('data host options', () => {
  it('reads --spiegel-<name>= arguments wherever they are in argv', () => {
    const argv = ['/electron', '/app/data-host.cjs', '--spiegel-db=/h/spiegel.sqlite', '--spiegel-home=/h=x'];
    expect(hostOption(argv, 'db')).toBe('/h/spiegel.sqlite');
    expect(hostOption(argv, 'home')).toBe('/h=x');
    expect(hostOption(argv, 'native-binding')).toBeUndefined();
  });
});

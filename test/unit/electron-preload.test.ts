// The preload exposes window.spiegel = { invoke, onEvent } and nothing else; the page never sees
// ipcRenderer or an IPC event object.
import { describe, expect, it, vi } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import { createBridge, type IpcRendererApi } from '../../electron/bridge.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer(reply: (channel: string, ...args: unknown[]) => unknown) {
  const listeners = new Map<string, Listener[]>();
  const invoked: unknown[][] = [];
  const ipc: IpcRendererApi = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args]);
      return reply(channel, ...args);
    },
    on: (channel, l) => listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
    removeListener: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== l)),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipc event', ports: [] }, ...args);
  };
  return { ipc, invoked, emit, listeners };
}

const exposed = vi.hoisted(() => [] as [string, unknown][]);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer: { invoke: async () => encode({ ok: true, value: 1 }), on: () => undefined, removeListener: () => undefined },
}));

describe('preload', () => {
  it('exposes exactly window.spiegel with invoke and onEvent', async () => {
    await import('../../electron/preload.js');
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0]!;
    expect(key).toBe('spiegel');
    expect(Object.keys(api as object).sort()).toEqual(['invoke', 'onEvent']);
    expect(Object.values(api as object).every((v) => typeof v === 'function')).toBe(true);
  });
});

describe('bridge', () => {
  it('encodes the arguments, calls spiegel:invoke and decodes the reply, bytes included', async () => {
    const bytes = new Uint8Array([1, 2, 250]);
    const { ipc, invoked } = fakeIpcRenderer(() => encode({ ok: true, value: { bytes } }));
    const result = await createBridge(ipc).invoke('import/files', { files: [{ name: 'a.xml', bytes }] });
    expect(invoked).toEqual([['spiegel:invoke', 'import/files', encode({ files: [{ name: 'a.xml', bytes }] })]]);
    expect(decode(invoked[0]![2] as string)).toEqual({ files: [{ name: 'a.xml', bytes }] });
    expect(result).toEqual({ ok: true, value: { bytes } });
  });

  it('turns a failed or malformed IPC call into an internal error result', async () => {
    const broken = createBridge(fakeIpcRenderer(() => { throw new Error('gone'); }).ipc);
    expect(await broken.invoke('meta/dimensions', {})).toEqual({ ok: false, error: { code: 'internal', message: 'transport failed: gone' } });
    const odd = createBridge(fakeIpcRenderer(() => ({ not: 'a string' })).ipc);
    expect(await odd.invoke('meta/dimensions', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes event names only, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer(() => null);
    const bridge = createBridge(ipc);
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args: unknown[]) => seen.push(args));
    emit('spiegel:event', 'data/changed');
    emit('spiegel:event', { not: 'a name' });
    emit('other-channel', 'data/changed');
    expect(seen).toEqual([['data/changed']]);
    off();
    emit('spiegel:event', 'data/changed');
    expect(seen).toHaveLength(1);
    expect(listeners.get('spiegel:event')).toEqual([]);
  });
});

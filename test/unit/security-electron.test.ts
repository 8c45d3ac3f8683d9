// The Electron shell's part of "erase all data": once the data process reports the erase done, main stops
// that process (the next call starts a fresh one: empty store, new key) and clears Chromium's caches and
// storage of the window; a refused erase clears nothing. The other shell settings: electron-shell.test.ts.
import { describe, expect, it } from 'vitest';
import { encode, fail, ok } from '../../core/contract/envelope.js';
import { ERASE_CONFIRMATION } from '../../core/contract/system.js';
import type { ChildApi } from '../../electron/api.js';
import { startShell } from '../../electron/main.js';
import { FakeElectron } from './electron-fake.js';

/** A data process that answers every call with `reply` and records what it was sent. */
function answering(reply: string) {
  const posted: unknown[] = [];
  const fork = (): ChildApi => {
    let listener: ((m: unknown) => void) | null = null;
    return {
      postMessage: (m) => {
        posted.push(m);
        const id = (m as { id?: number }).id;
        if (typeof id === 'number') queueMicrotask(() => listener?.({ id, reply }));
      },
      on: (event: string, l: (m: never) => void) => {
        if (event === 'message') listener = l as (m: unknown) => void;
      },
      kill: () => true,
    } as ChildApi;
  };
  return { fork, posted };
}

async function shellWith(reply: string) {
  const child = answering(reply);
  const fake = new FakeElectron(child.fork);
  const shell = startShell(fake.api, { rendererDir: '/r', preloadFile: '/p.cjs', dataHostFile: '/d.cjs', home: '/home/x/.spiegel' });
  if (!shell) throw new Error('no shell');
  fake.makeReady();
  await shell.ready;
  return { fake, posted: child.posted };
}

describe('erase all data in the desktop app', () => {
  it('restarts the data process and clears Chromium storage after a successful erase', async () => {
    const { fake, posted } = await shellWith(encode(ok({ removed: ['/home/x/.spiegel/spiegel.db'] })));
    await fake.invoke('system/erase', encode({ confirm: ERASE_CONFIRMATION }));
    expect(fake.session.cleared).toEqual(['storage', 'cache']);
    expect(posted.at(-1)).toEqual({ close: true });
    await fake.invoke('meta/dimensions', encode({}));
    expect(fake.forks).toHaveLength(2); // a fresh data process for the next call
  });

  it('clears nothing when the erase was refused, and only erase clears', async () => {
    const refused = await shellWith(encode(fail('busy', 'an import is running')));
    await refused.fake.invoke('system/erase', encode({ confirm: ERASE_CONFIRMATION }));
    expect(refused.fake.session.cleared).toEqual([]);
    const other = await shellWith(encode(ok({ removed: [] })));
    await other.fake.invoke('import/history', encode({}));
    expect(other.fake.session.cleared).toEqual([]);
  });

  it('refuses an erase without the confirmation before it reaches the data process', async () => {
    const { fake, posted } = await shellWith(encode(ok({ removed: [] })));
    const reply = await fake.invoke('system/erase', encode({}));
    expect(reply).toContain('invalid-args');
    expect(posted).toEqual([]);
  });
});

// The desktop shell's part of the settings view: choosing another data folder (main shows the OS dialog,
// remembers the choice in userData, restarts the data process on the new folder, and uses it at the next
// start; SPIEGEL_HOME overrides it) and restoring a backup (the data process is restarted, Chromium's storage
// is left alone). Electron's binary cannot run here: the recording fake of electron-fake.ts stands in.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, encode, ok } from '../../core/contract/envelope.js';
import { RESTORE_CONFIRMATION } from '../../core/contract/settings.js';
import type { ChildApi } from '../../electron/api.js';
import { HOME_CHOICE_FILE } from '../../electron/home.js';
import { startShell } from '../../electron/main.js';
import { FakeElectron } from './electron-fake.js';

const work = mkdtempSync(join(tmpdir(), 'spiegel-settings-electron-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A data process answering per method; records what it was sent. */
function dataProcess(answers: Record<string, unknown>) {
  const posted: unknown[] = [];
  const fork = (): ChildApi => {
    let listener: ((m: unknown) => void) | null = null;
    return {
      postMessage: (m) => {
        posted.push(m);
        const { id, method } = m as { id?: number; method?: string };
        if (typeof id === 'number') queueMicrotask(() => listener?.({ id, reply: encode(ok(answers[method!] ?? {})) }));
      },
      on: (event: string, l: (m: never) => void) => {
        if (event === 'message') listener = l as (m: unknown) => void;
      },
      kill: () => true,
    } as ChildApi;
  };
  return { fork, posted };
}

async function shell(userData: string, picked: string | null, o: { running?: boolean; fromEnv?: boolean } = {}) {
  const child = dataProcess({ 'import/status': { running: o.running ?? false }, 'settings/restore-backup': { restoredFrom: '2025-01-01T00:00:00.000Z', version: 8, previousKeptAt: null } });
  const fake = new FakeElectron(child.fork, userData);
  const shown: unknown[] = [];
  const dialog = {
    showOpenDialog: async (options: unknown) => (shown.push(options), picked === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [picked] }),
  };
  const s = startShell({ ...fake.api, dialog }, { rendererDir: '/r', preloadFile: '/p.cjs', dataHostFile: '/d.cjs', home: join(work, 'default'), homeFromEnvironment: o.fromEnv });
  if (!s) throw new Error('no shell');
  fake.makeReady();
  await s.ready;
  const homeArg = (i: number) => fake.forks[i]!.args.find((a) => a.startsWith('--spiegel-home='))!.slice('--spiegel-home='.length);
  return { fake, posted: child.posted, shown, homeArg };
}

describe('choosing the data folder in the desktop app', () => {
  it('restarts the data process on the chosen folder, and the next start opens there too', async () => {
    const userData = join(work, 'ud1');
    const chosen = join(work, 'chosen');
    const { fake, posted, shown, homeArg } = await shell(userData, chosen);
    await fake.invoke('meta/dimensions', encode({}));
    expect(homeArg(0)).toBe(join(work, 'default'));

    const reply = decode(await fake.invoke('settings/choose-folder', encode({})));
    expect(reply).toEqual({ ok: true, value: { home: chosen } });
    expect(shown).toEqual([{ title: 'Gegevensmap van Spiegel', defaultPath: join(work, 'default'), properties: ['openDirectory', 'createDirectory'] }]);
    expect(JSON.parse(readFileSync(join(userData, HOME_CHOICE_FILE), 'utf8'))).toEqual({ home: chosen });
    expect(posted.at(-1)).toEqual({ close: true });
    expect(fake.window.webContents.sent.at(-1)).toEqual({ channel: 'spiegel:event', args: ['data/changed'] });

    await fake.invoke('meta/dimensions', encode({}));
    expect(fake.forks).toHaveLength(2);
    expect(homeArg(1)).toBe(chosen);
    expect(fake.forks[1]!.args).toContain(`--spiegel-db=${join(chosen, 'spiegel.db')}`);

    const next = await shell(userData, null);
    await next.fake.invoke('meta/dimensions', encode({}));
    expect(next.homeArg(0)).toBe(chosen);
  });

  it('a cancelled dialog changes nothing', async () => {
    const userData = join(work, 'ud2');
    const { fake, posted } = await shell(userData, null);
    expect(decode(await fake.invoke('settings/choose-folder', encode({})))).toEqual({ ok: true, value: { home: null } });
    expect(existsSync(join(userData, HOME_CHOICE_FILE))).toBe(false);
    expect(posted.some((m) => (m as { close?: boolean }).close === true)).toBe(false);
  });

  it('refuses while an import runs, and when SPIEGEL_HOME sets the folder (which also wins over a choice)', async () => {
    const busy = await shell(join(work, 'ud3'), join(work, 'elsewhere'), { running: true });
    expect(decode(await busy.fake.invoke('settings/choose-folder', encode({})))).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(busy.shown).toEqual([]);

    const env = await shell(join(work, 'ud1'), join(work, 'elsewhere'), { fromEnv: true }); // ud1 remembers 'chosen'
    expect(decode(await env.fake.invoke('settings/choose-folder', encode({})))).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('SPIEGEL_HOME') } });
    expect(env.shown).toEqual([]);
    await env.fake.invoke('meta/dimensions', encode({}));
    expect(env.homeArg(0)).toBe(join(work, 'default'));
  });
});

describe('restoring a backup in the desktop app', () => {
  it('restarts the data process and keeps Chromium storage', async () => {
    const { fake, posted } = await shell(join(work, 'ud4'), null);
    await fake.invoke('settings/restore-backup', encode({ confirm: RESTORE_CONFIRMATION }));
    expect(posted.at(-1)).toEqual({ close: true });
    expect(fake.session.cleared).toEqual([]);
    await fake.invoke('meta/dimensions', encode({}));
    expect(fake.forks).toHaveLength(2);
  });
});

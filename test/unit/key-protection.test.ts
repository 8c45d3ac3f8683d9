// Issue 10: the desktop app keeps the pseudonym key encrypted by the OS (Electron safeStorage) in
// home/pseudonym.key.enc and hands it to the data process over the utilityProcess channel; a plain 0600 key
// is moved there once, with the same pseudonyms afterwards. Without the OS's protection, and in the CLI and
// browser host, the 0600 file stays. The fake safeStorage writes a marker and XOR 0x5a, which these tests
// undo by hand, so they see the file is not the plain key and which key the data was imported with.
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decode, encode } from '../../core/contract/envelope.js';
import { ERASE_CONFIRMATION } from '../../core/contract/system.js';
import type { ChildApi } from '../../electron/api.js';
import { keyForDataProcess } from '../../electron/key.js';
import { startShell } from '../../electron/main.js';
import { takeStartKey } from '../../data/electron-host.js';
import { createService } from '../../data/service.js';
import { exampleInput } from '../fixtures/import/examples.js';
import { FakeElectron, FakeSafeStorage, makeIpcTransport, type IpcTransport } from './electron-fake.js';

const work = mkdtempSync(join(tmpdir(), 'spiegel-keyprot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const freshHome = () => join(work, `home${++n}`);
const BSN = '999900006'; // the client of the official JW301 example

/** Undoes the fake's encryption by hand: marker, XOR 0x5a, base64. */
function unseal(file: string): Buffer {
  const raw = readFileSync(file);
  expect(raw.subarray(0, 14).toString('latin1')).toBe('FAKE-OS-CRYPT:');
  return Buffer.from(Buffer.from(raw.subarray(14).map((b) => b ^ 0x5a)).toString('utf8'), 'base64');
}
const hmac = (key: Buffer) => createHmac('sha256', key).update(BSN).digest('hex');
const storage = (available = true) => Object.assign(new FakeSafeStorage(), { available });

function pseudonyms(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT DISTINCT pseudonym FROM message WHERE pseudonym IS NOT NULL').all() as { pseudonym: string }[]).map((r) => r.pseudonym);
  } finally {
    db.close();
  }
}

describe('main keeps the key encrypted by the OS (electron/key.ts)', () => {
  it('makes a new key only encrypted: 0600 .enc that is not the key, no plain file', () => {
    const home = freshHome();
    const key = keyForDataProcess(storage(), home, 'linux');
    expect(key).toHaveLength(32);
    const enc = join(home, 'pseudonym.key.enc');
    expect(unseal(enc).equals(key!)).toBe(true);
    expect(readFileSync(enc).includes(key!)).toBe(false);
    expect(readFileSync(enc).toString('latin1')).not.toContain(key!.toString('base64'));
    if (process.platform !== 'win32') expect(statSync(enc).mode & 0o777).toBe(0o600);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
    expect(existsSync(`${enc}.writing`)).toBe(false);
    expect(keyForDataProcess(storage(), home, 'linux')!.equals(unseal(enc))).toBe(true); // the same key on the next start
  });

  it('moves a plain key into the .enc and removes the plain file', () => {
    const home = freshHome();
    mkdirSync(home);
    const plain = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7));
    writeFileSync(join(home, 'pseudonym.key'), plain, { mode: 0o600 });
    expect(keyForDataProcess(storage(), home, 'darwin')!.equals(plain)).toBe(true);
    expect(unseal(join(home, 'pseudonym.key.enc')).equals(plain)).toBe(true);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
  });

  it('finishes a move that stopped before the plain file was removed, but never picks between two keys', () => {
    const home = freshHome();
    keyForDataProcess(storage(), home, 'linux');
    const key = unseal(join(home, 'pseudonym.key.enc'));
    writeFileSync(join(home, 'pseudonym.key'), key);
    expect(keyForDataProcess(storage(), home, 'linux')!.equals(key)).toBe(true);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
    writeFileSync(join(home, 'pseudonym.key'), Buffer.alloc(32, 1));
    expect(() => keyForDataProcess(storage(), home, 'linux')).toThrow(/hold different pseudonym keys/);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(true);
  });

  it('leaves the 0600 file to the data process without a real OS key store (none, or Linux basic_text)', () => {
    const home = freshHome();
    expect(keyForDataProcess(storage(false), home, 'linux')).toBeNull();
    const basic = Object.assign(storage(), { backend: 'basic_text' });
    expect(keyForDataProcess(basic, home, 'linux')).toBeNull();
    expect(basic.calls).toEqual([]);
    expect(existsSync(home)).toBe(false);
  });

  it('refuses with the reason when the .enc exists but cannot be read, and changes nothing', () => {
    const home = freshHome();
    keyForDataProcess(storage(), home, 'linux');
    const before = readFileSync(join(home, 'pseudonym.key.enc'));
    expect(() => keyForDataProcess(storage(false), home, 'linux')).toThrow(/encrypted by the operating system's key store, which is not available/);
    writeFileSync(join(home, 'pseudonym.key.enc'), 'not sealed');
    expect(() => keyForDataProcess(storage(), home, 'linux')).toThrow(/could not be decrypted.*no new key was made/);
    writeFileSync(join(home, 'pseudonym.key.enc'), before);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
  });
});

describe('the data service (ServiceOptions.key) and the CLI / browser host path', () => {
  it('with a key handed over, never reads or makes the key file in home', async () => {
    const home = freshHome();
    mkdirSync(join(home, 'pseudonym.key'), { recursive: true }); // a folder: any read or write of the file would fail
    const key = Buffer.alloc(32, 0x2a);
    const service = createService({ dbFile: join(home, 'spiegel.db'), home, key });
    const input = exampleInput('JW301');
    await service['import/files']({ files: [{ name: input.name, bytes: new Uint8Array(input.bytes) }] });
    service.close();
    expect(pseudonyms(join(home, 'spiegel.db'))).toEqual([hmac(key)]);
  });

  it('without one (spiegel serve, the CLI) refuses to start beside an .enc instead of making a new key', () => {
    const home = freshHome();
    keyForDataProcess(storage(), home, 'linux');
    expect(() => createService({ dbFile: join(home, 'spiegel.db'), home })).toThrow(/encrypted by the operating system in .*pseudonym\.key\.enc/);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
  });
});

describe('the key reaches the data process as its first message', () => {
  it('posts { start: { key } } before the request, never in argv', async () => {
    const home = freshHome();
    const posted: unknown[] = [];
    const fake = new FakeElectron((): ChildApi => ({ postMessage: (m) => void posted.push(m), on: () => undefined, kill: () => true }));
    fake.safeStorage.available = true;
    const shell = startShell(fake.api, { rendererDir: '/r', preloadFile: '/p.cjs', dataHostFile: '/d.cjs', home });
    fake.makeReady();
    await shell!.ready;
    void fake.invoke('meta/dimensions', encode({}));
    const key = unseal(join(home, 'pseudonym.key.enc'));
    expect(posted).toHaveLength(2);
    expect(Buffer.from((posted[0] as { start: { key: Uint8Array } }).start.key).equals(key)).toBe(true);
    expect(posted[1]).toEqual({ id: 1, method: 'meta/dimensions', args: '{}' });
    const argv = fake.forks[0]!.args.join(' ');
    for (const form of ['hex', 'base64', 'latin1'] as const) expect(argv).not.toContain(key.toString(form));
  });

  it('the host takes the key from a first start message only, and otherwise reads home itself', async () => {
    const run = async (messages: unknown[]) => {
      const handled: unknown[] = [];
      let deliver: (m: unknown) => void = () => {};
      const taken = takeStartKey({ on: (_e, h) => (deliver = h), postMessage: () => {} });
      taken.port.on('message', (m) => handled.push(m));
      for (const m of messages) deliver(m);
      return { key: await taken.key.catch((e: Error) => e.message), handled };
    };
    const key = new Uint8Array(32).fill(9);
    expect(await run([{ start: { key } }, { id: 1 }])).toEqual({ key, handled: [{ id: 1 }] });
    expect(await run([{ id: 1 }, { start: { key } }])).toEqual({ key: null, handled: [{ id: 1 }, { start: { key } }] });
    expect(await run([{ start: {} }])).toEqual({ key: 'main sent a start message without a key', handled: [] });
  });
});

describe('end to end: shell → worker data host → real service', () => {
  let ipc: IpcTransport | null = null;
  afterEach(async () => {
    await ipc?.close();
    ipc = null;
  });
  const importJW301 = async () => decode(await ipc!.transport('import/files', encode({ files: [exampleInput('JW301')] })));

  it('moves a CLI-made key and keeps every pseudonym; the data process never makes a plain key', async () => {
    const home = freshHome();
    // Before: the CLI / browser host path, the 0600 file, unchanged.
    const cli = createService({ dbFile: join(home, 'before.db'), home });
    const input = exampleInput('JW301');
    await cli['import/files']({ files: [{ name: input.name, bytes: new Uint8Array(input.bytes) }] });
    cli.close();
    const plainKey = readFileSync(join(home, 'pseudonym.key'));
    const before = pseudonyms(join(home, 'before.db'));
    expect(before).toEqual([hmac(plainKey)]);

    ipc = await makeIpcTransport(undefined, { home, protectKey: true });
    expect(await importJW301()).toMatchObject({ ok: true });
    await ipc.close();
    ipc = null;
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
    expect(unseal(join(home, 'pseudonym.key.enc')).equals(plainKey)).toBe(true);
    expect(pseudonyms(join(home, 'spiegel.db'))).toEqual(before);
  });

  it('a new installation: imports with the encrypted key; erase removes the .enc and the next start makes another', async () => {
    const home = freshHome();
    ipc = await makeIpcTransport(undefined, { home, protectKey: true });
    expect(await importJW301()).toMatchObject({ ok: true });
    const enc = join(home, 'pseudonym.key.enc');
    const key = unseal(enc);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
    await ipc.close();
    expect(pseudonyms(join(home, 'spiegel.db'))).toEqual([hmac(key)]);
    ipc = await makeIpcTransport(undefined, { home, protectKey: true });
    const erased = decode(await ipc.transport('system/erase', encode({ confirm: ERASE_CONFIRMATION }))) as { ok: boolean; value: { removed: string[] } };
    expect(erased.ok).toBe(true);
    expect(erased.value.removed).toContain(enc);
    expect(existsSync(enc)).toBe(false);
    const after = decode(await ipc.transport('meta/dimensions', encode({})));
    expect(after, JSON.stringify(after)).toMatchObject({ ok: true, value: { counts: { messages: 0 } } });
    expect(unseal(enc).equals(key)).toBe(false);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
    await ipc.close();
    ipc = null;
    expect(pseudonyms(join(home, 'spiegel.db'))).toEqual([]);
  });

  it('with an .enc but no OS key store, every call gets the reason and no data process starts', async () => {
    const home = freshHome();
    keyForDataProcess(storage(), home, 'linux');
    ipc = await makeIpcTransport(undefined, { home, protectKey: false });
    const reply = decode(await ipc.transport('meta/dimensions', encode({}))) as { ok: false; error: { code: string; message: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.message).toMatch(/could not be started: the pseudonym key in .*pseudonym\.key\.enc is encrypted .* not available/);
    expect(ipc.fake.forks).toHaveLength(0);
    expect(existsSync(join(home, 'pseudonym.key'))).toBe(false);
  });
});

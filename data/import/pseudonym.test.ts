import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedKey, loadOrCreateKey, pseudonymise } from './pseudonym.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spiegel-key-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pseudonym', () => {
  it('creates a 32-byte key file with mode 0600 once, then reuses it', () => {
    const file = join(dir, 'home', 'pseudonym.key');
    const key = loadOrCreateKey(file);
    expect(key).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(file).equals(key)).toBe(true);
  });

  it('maps the same BSN to the same pseudonym with the same key, and differently with another key', () => {
    const key = loadOrCreateKey(join(dir, 'a.key'));
    const again = loadOrCreateKey(join(dir, 'a.key'));
    const other = loadOrCreateKey(join(dir, 'b.key'));
    const p = pseudonymise(key, '999900006');
    expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonymise(again, '999900006')).toBe(p);
    expect(pseudonymise(key, '999900018')).not.toBe(p);
    expect(pseudonymise(other, '999900006')).not.toBe(p);
    expect(p).not.toContain('999900006');
  });

  it('refuses a key file of the wrong length instead of silently changing pseudonyms', () => {
    const file = join(dir, 'bad.key');
    writeFileSync(file, 'short');
    expect(() => loadOrCreateKey(file)).toThrow(/expected 32/);
  });

  it('never makes a plain key beside the desktop app\'s OS-encrypted one (that would change every pseudonym)', () => {
    const file = join(dir, 'pseudonym.key');
    writeFileSync(`${file}.enc`, 'sealed by the OS');
    expect(() => loadOrCreateKey(file)).toThrow(/encrypted by the operating system in .*pseudonym\.key\.enc.*No new key was made/);
    expect(existsSync(file)).toBe(false);
    // A plain key that is there is still read (a move to the .enc that stopped halfway holds the same key).
    writeFileSync(file, Buffer.alloc(32, 3));
    expect(loadOrCreateKey(file).equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it('checks a key handed over by the desktop app like one read from a file', () => {
    expect(checkedKey(new Uint8Array(32).fill(1), 'passed').equals(Buffer.alloc(32, 1))).toBe(true);
    expect(() => checkedKey(new Uint8Array(16), 'passed')).toThrow(/passed holds 16 bytes, expected 32/);
  });
});

// The pseudonym key under the operating system's protection (issue 10). Where Electron's safeStorage has a
// real OS key store, main keeps the key only encrypted, in home/pseudonym.key.enc, and hands the bytes to the
// data process over the utilityProcess channel (never argv or the environment). Elsewhere the data process
// keeps today's 0600 file itself (data/import/pseudonym.ts), as the CLI and the browser host always do.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorageApi } from './api.js';

// The same names and size as data/import/pseudonym.ts and data/system/erase.ts (the layers may not import each other).
export const KEY_FILE = 'pseudonym.key';
export const PROTECTED_KEY_FILE = 'pseudonym.key.enc';
const KEY_BYTES = 32;

/** True when safeStorage encrypts with a key the OS keeps. On Linux without a keyring Electron falls back to a
 *  hard-coded password ('basic_text'): that protects nothing, so the key then stays a 0600 file. */
export function osProtectionAvailable(safeStorage: SafeStorageApi, platform: string = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/**
 * The key for a new data process: decrypted from pseudonym.key.enc, made there (new, or moved from a plain
 * pseudonym.key, which is then removed). Null when the OS offers no protection and the data process should use
 * the 0600 file. Throws rather than make a new key while an encrypted one exists: that would change every pseudonym.
 */
export function keyForDataProcess(safeStorage: SafeStorageApi, home: string, platform: string = process.platform): Buffer | null {
  const enc = join(home, PROTECTED_KEY_FILE);
  const plain = join(home, KEY_FILE);
  if (!osProtectionAvailable(safeStorage, platform)) {
    if (existsSync(enc)) {
      throw new Error(
        `the pseudonym key in ${enc} is encrypted by the operating system's key store, which is not available now ` +
          '(keyring locked or missing?); no new key was made, because that would change every pseudonym',
      );
    }
    return null;
  }
  if (existsSync(enc)) {
    const key = decrypt(safeStorage, enc);
    if (existsSync(plain)) finishMove(plain, key, enc);
    return key;
  }
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const moving = existsSync(plain);
  const key = moving ? checked(readFileSync(plain), plain) : randomBytes(KEY_BYTES);
  writeProtected(safeStorage, enc, key);
  // Only once the encrypted copy reads back as the same key is the plain one, until now the only copy, removed.
  if (!decrypt(safeStorage, enc).equals(key)) throw new Error(`the pseudonym key written to ${enc} does not read back the same; ${plain} is kept`);
  if (moving) rmSync(plain);
  return key;
}

/** A start stopped between writing the .enc and removing the plain key: finish it, if they hold the same key. */
function finishMove(plain: string, key: Buffer, enc: string): void {
  if (!checked(readFileSync(plain), plain).equals(key)) {
    throw new Error(`${plain} and ${enc} hold different pseudonym keys; refusing to guess which one the data was imported with`);
  }
  rmSync(plain);
}

// Written under another name and renamed when complete, so a stop midway never leaves a cut-off .enc, which
// could not be decrypted and would block every later start. Main holds the single-instance lock, and
// nothing else writes the .enc.
function writeProtected(safeStorage: SafeStorageApi, enc: string, key: Buffer): void {
  const tmp = `${enc}.writing`;
  const sealed = safeStorage.encryptString(key.toString('base64'));
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, sealed);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, enc);
}

function decrypt(safeStorage: SafeStorageApi, enc: string): Buffer {
  let text: string;
  try {
    text = safeStorage.decryptString(readFileSync(enc));
  } catch (e) {
    throw new Error(
      `the pseudonym key in ${enc} could not be decrypted by the operating system's key store (${(e as Error).message}); ` +
        'no new key was made, because that would change every pseudonym',
    );
  }
  return checked(Buffer.from(text, 'base64'), enc);
}

function checked(key: Buffer, file: string): Buffer {
  if (key.length !== KEY_BYTES) throw new Error(`pseudonym key ${file} holds ${key.length} bytes, expected ${KEY_BYTES}; refusing to guess`);
  return key;
}

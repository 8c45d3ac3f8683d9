// BSN → pseudonym (DOMAIN.md §3): HMAC-SHA256 with a per-installation secret kept outside the database,
// so a copied database alone cannot be linked back to BSNs (a plain hash of a 9-digit number can).
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const KEY_BYTES = 32;

/** Reads the key file, or creates it (32 random bytes, mode 0600) when it does not exist yet. */
export function loadOrCreateKey(file: string): Buffer {
  try {
    return checked(readFileSync(file), file);
  } catch (e) {
    if (!isMissing(e)) throw e;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': never overwrite a key another process created meanwhile — that would orphan every pseudonym.
    writeFileSync(file, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return checked(readFileSync(file), file);
}

export function pseudonymise(key: Buffer, bsn: string): string {
  return createHmac('sha256', key).update(bsn.trim(), 'utf8').digest('hex');
}

function checked(key: Buffer, file: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new Error(`pseudonym key file ${file} holds ${key.length} bytes, expected ${KEY_BYTES}; refusing to guess`);
  }
  return key;
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

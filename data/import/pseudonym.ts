// BSN → pseudonym (DOMAIN.md §3): HMAC-SHA256 with a per-installation secret kept outside the database,
// so a copied database alone cannot be linked back to BSNs (a plain hash of a 9-digit number can).
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const KEY_BYTES = 32;
/** The desktop app keeps the key encrypted by the OS (Electron safeStorage) in `<key file>.enc` (electron/key.ts). */
export const PROTECTED_SUFFIX = '.enc';

/** Reads the key file, or creates it (32 random bytes, mode 0600) when it does not exist yet. */
export function loadOrCreateKey(file: string): Buffer {
  try {
    return checked(readFileSync(file), file);
  } catch (e) {
    if (!isMissing(e)) throw e;
  }
  const protectedFile = `${file}${PROTECTED_SUFFIX}`;
  if (existsSync(protectedFile)) {
    // A new key here would silently give every child a new pseudonym: stop with the reason instead.
    throw new Error(
      `the pseudonym key is kept encrypted by the operating system in ${protectedFile} (by the desktop app), ` +
        'which this way of starting Spiegel cannot read; use the desktop app. No new key was made: it would change every pseudonym',
    );
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

/** A key handed over by the caller (the desktop app's main process), checked like one read from a file. */
export function checkedKey(key: Uint8Array, source: string): Buffer {
  return checked(Buffer.from(key), source);
}

function checked(key: Buffer, file: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new Error(`pseudonym key ${file} holds ${key.length} bytes, expected ${KEY_BYTES}; refusing to guess`);
  }
  return key;
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

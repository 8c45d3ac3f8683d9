// One codec for every transport (HTTP, Electron IPC, worker messages): JSON with byte arrays tagged,
// so Arrow IPC bytes survive the trip unchanged and every transport behaves the same.
export type ErrorCode =
  | 'bad-request'
  | 'unknown-method'
  | 'invalid-args'
  | 'invalid-result'
  | 'not-found'
  | 'import-failed'
  | 'import-cancelled'
  | 'cancelled' // long work stopped by work/cancel (core/contract/work.ts)
  | 'busy'
  | 'database-too-new'
  | 'database-damaged'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

const BYTES = '$bytes';

function toBase64(bytes: Uint8Array): string {
  // apply() over a typed-array slice: spreading into arguments was ten times slower in Chromium, which
  // made dropping thousands of files wait seconds before the upload began.
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x2000) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]));
  }
  return btoa(parts.join(''));
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { [BYTES]: toBase64(v) } : v,
  );
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === BYTES && typeof o[BYTES] === 'string') return fromBase64(o[BYTES]);
    }
    return v;
  });
}

/** A request as it travels: method name plus encoded arguments. */
export interface Request {
  method: string;
  args: unknown;
}

// Content hashes of parsed facts: detect a second copy with the same identity but other content.
import { hash } from 'node:crypto';

export interface Warning {
  code: string;
  detail: string;
}

/** Key order must not change the hash: sort keys at every level. Written as loops (the same text as
 *  `{${sorted entries.map(k:v).join(',')}}` with undefined values left out) because it runs for every
 *  message and declaration line of an import. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i]) ?? ''; // as Array.join: an element JSON cannot write becomes empty
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

export function sha256Of(value: unknown): string {
  return hash('sha256', canonicalJson(value));
}

// iJw 3.0 and 3.1 messages have the structure of 3.2 in other namespaces. They are read by rewriting only the
// version in the namespace declarations (xmlns / xmlns:prefix) to 3_2: the replacement has the same length, so
// every line and column stays where it was and validation errors point at the right spot in the original file.
// They are then validated against the 3.2 schemas like any message. Anything else (iJw 2.x, unknown versions)
// is refused with a clear reason. See docs/IMPORT.md.
import { SaxesParser } from 'saxes';
import { fileError, type FileError } from './errors.js';

export const NATIVE_VERSION = '3_2';
export const MAPPED_VERSIONS = ['3_0', '3_1'] as const;

export type NamespaceResult =
  | { kind: 'native' }
  | { kind: 'mapped'; from: string; bytes: Uint8Array }
  | { kind: 'rejected'; error: FileError };

const VERSION_IN_NAMESPACE = /istandaarden\.nl\/ijw\/(\d+_\d+)\//g;
const ROOT_NAMESPACE = /^https?:\/\/www\.istandaarden\.nl\/ijw\/(\d+)_(\d+)\/(\w+)\/schema$/i;
const DECLARATION = /(\sxmlns(?::[A-Za-z_][\w.-]*)?\s*=\s*["'])http:\/\/www\.istandaarden\.nl\/ijw\/(3_[01])\//g;

/** "3.1" for "3_1". */
export function versionLabel(version: string): string {
  return version.replace('_', '.');
}

export function mapNamespaces(bytes: Uint8Array): NamespaceResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Fast path: a file that names no iJw version other than 3.2 is left untouched (and not parsed here).
  if (!buf.includes('istandaarden.nl/ijw/')) return { kind: 'native' };
  const latin = buf.toString('latin1');
  const versions = new Set([...latin.matchAll(VERSION_IN_NAMESPACE)].map((m) => m[1]!));
  versions.delete(NATIVE_VERSION);
  if (versions.size === 0) return { kind: 'native' };

  const root = rootNamespace(buf.toString('utf8'));
  if (root === null) return { kind: 'native' }; // not well-formed, DOCTYPE, ...: sniff() reports it
  const m = ROOT_NAMESPACE.exec(root.uri);
  if (!m) return { kind: 'native' }; // not an iJw namespace: sniff() reports the unknown root
  const version = `${m[1]}_${m[2]}`;
  if (version === NATIVE_VERSION) return { kind: 'native' };
  const label = versionLabel(version);
  if (!(MAPPED_VERSIONS as readonly string[]).includes(version)) {
    const major = m[1] === '2' ? 'iJw 2.x' : 'unknown iJw version';
    return {
      kind: 'rejected',
      error: fileError(
        `not supported: ${major} (${label}, namespace ${root.uri}); Spiegel reads iJw 3.2, and 3.0/3.1 mapped to 3.2`,
        root.line,
        root.local,
      ),
    };
  }
  const mapped = latin.replace(DECLARATION, (_all, declaration: string) => `${declaration}http://www.istandaarden.nl/ijw/${NATIVE_VERSION}/`);
  // latin1 round-trips every byte, so only the three ASCII version bytes change.
  return { kind: 'mapped', from: version, bytes: new Uint8Array(Buffer.from(mapped, 'latin1')) };
}

export function rootNamespace(text: string): { uri: string; local: string; line: number } | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: { uri: string; local: string; line: number } | null = null;
  let bad = false;
  parser.on('doctype', () => (bad = true));
  parser.on('error', () => (bad = true));
  parser.on('opentag', (tag) => {
    root ??= { uri: tag.uri, local: tag.local, line: parser.line };
  });
  try {
    parser.write(text).close();
  } catch {
    return null;
  }
  return bad ? null : (root as { uri: string; local: string; line: number } | null);
}

export function mappedWarning(from: string): { code: string; detail: string } {
  return {
    code: 'mapped-version',
    detail: `read as iJw ${versionLabel(from)}: namespaces mapped to iJw ${versionLabel(NATIVE_VERSION)} and validated against the ${versionLabel(NATIVE_VERSION)} schemas`,
  };
}

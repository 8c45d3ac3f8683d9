// What an import reads: files given as bytes (the app's drag and drop) or as paths (the CLI, a folder of a
// month). Paths are listed first and read a chunk at a time, so ten years of messages never sit in memory
// at once; bytes handed in are already in memory and are simply grouped the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

/** A file on disk, read when its chunk is processed. */
export interface PathInput {
  name: string;
  path: string;
  size: number;
}

export type AnyInput = ImportInput | PathInput;

export function isPathInput(input: AnyInput): input is PathInput {
  return 'path' in input;
}

export function sizeOf(input: AnyInput): number {
  return isPathInput(input) ? input.size : input.bytes.byteLength;
}

/** Files and folders (recursively: *.xml and *.zip inside folders; a file named explicitly is always taken),
 *  in a stable order: the order given, folders sorted by name. Synchronous calls inside: an awaited stat is a
 *  thread-pool round trip per file, measured at 2 s for a folder of 62 k messages against 0.2 s this way. */
export async function listInputs(paths: readonly string[]): Promise<PathInput[]> {
  const files: PathInput[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    const info = statSync(path);
    if (info.isDirectory()) {
      const entries = readdirSync(path).sort();
      for (const entry of entries) await visit(join(path, entry), false);
      await new Promise<void>((resolve) => setImmediate(resolve)); // a turn for status calls per folder
    } else if (info.isFile() && (explicit || /\.(xml|zip)$/i.test(path))) {
      files.push({ name: path, path, size: info.size });
    }
  };
  for (const p of paths) await visit(p, true);
  return files;
}

/** Reads every file into memory (small imports and tests; the importer itself reads chunk by chunk). */
export async function readInputs(paths: readonly string[]): Promise<ImportInput[]> {
  return readChunk(await listInputs(paths));
}

/** One at a time, synchronously: a month folder holds thousands of small files, more than the open-file
 *  limit allows at once, and an awaited read costs four thread-pool round trips per file — measured at half
 *  the import's wall time for 62 k files, against ~2.5 s for reading them synchronously. */
export async function readChunk(inputs: readonly AnyInput[]): Promise<ImportInput[]> {
  const out: ImportInput[] = [];
  for (const input of inputs) {
    out.push(isPathInput(input) ? { name: input.name, bytes: new Uint8Array(readFileSync(input.path)) } : input);
  }
  return out;
}

export interface ChunkLimits {
  bytes: number;
  files: number;
}

/** Groups inputs in order into chunks of at most `files` files and about `bytes` bytes (a single larger
 *  file makes a chunk of its own). */
export function chunksOf<T extends AnyInput>(inputs: readonly T[], limits: ChunkLimits): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const input of inputs) {
    const size = sizeOf(input);
    if (current.length > 0 && (current.length >= limits.files || bytes + size > limits.bytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(input);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

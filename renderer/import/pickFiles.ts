// Turns what the analyst drops or picks into a flat list of files. Folders are walked recursively and
// every file goes along, whatever its extension: the data side decides what it can read and says why not.
export interface PickedFile {
  /** The path inside the dropped or picked folder (e.g. "2025-01/JW301_0001.xml"), or the file name. */
  name: string;
  file: File;
}

/** Files from an <input type=file> (multiple, or webkitdirectory, which fills webkitRelativePath). */
export function fromFileList(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

/** Files from a drop. The entries must be taken while the drop event runs (the browser empties the
 *  DataTransfer afterwards); the folders are read after that. */
export function fromDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of [...dt.items]) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return Promise.resolve(fromFileList(dt.files));
  return (async () => {
    const out: PickedFile[] = [];
    for (const entry of entries) await walk(entry, out);
    return out;
  })();
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    out.push({ name: entry.fullPath.replace(/^\/+/, '') || file.name, file });
  } else if (isDirectory(entry)) {
    const reader = entry.createReader();
    // readEntries hands out a folder in portions (about 100 at a time) until it returns an empty one.
    for (;;) {
      const portion = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (portion.length === 0) break;
      for (const child of portion) await walk(child, out);
    }
  }
}

const isFile = (e: FileSystemEntry): e is FileSystemFileEntry => e.isFile;
const isDirectory = (e: FileSystemEntry): e is FileSystemDirectoryEntry => e.isDirectory;

/** Adds picks to what is already chosen; a file chosen twice (same path and size) counts once. The
 *  list is sorted by path, so a month folder imports in the order it reads in a file manager. */
export function mergePicked(current: PickedFile[], added: PickedFile[]): PickedFile[] {
  const byKey = new Map(current.map((p) => [`${p.name}\u0000${p.file.size}`, p]));
  for (const p of added) byKey.set(`${p.name}\u0000${p.file.size}`, p);
  return [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function totalBytes(files: PickedFile[]): number {
  return files.reduce((sum, p) => sum + p.file.size, 0);
}

// A lean host for xmllint.wasm (the xmllint-wasm package's libxml2 build), so an import worker can run xmllint
// many times without the package's JavaScript glue. The glue builds a new Emscripten runtime for every run —
// a file system, stream objects and a few hundred functions — and V8 optimises those functions anew each time:
// measured, that recompilation and the glue itself cost more than the validation in WebAssembly. xmllint only
// needs a handful of system calls: open, read and close the documents and schemas it is given, write its
// verdicts to stderr, the environment, the clock and growing its memory. They are implemented here once, on a
// table of in-memory files, and every run gets a fresh instance with its own memory, as with the glue.
//
// The import and export names are those of the build this was written against (xmllint-wasm 5.3.0, whose glue
// maps them: b fd_write, c fd_close, d proc_exit, e fd_read, f fcntl64, g openat, h date_now, i
// environ_sizes_get, j ioctl, k dup, l resize_heap, m stat64, n mmap, o munmap, p fd_seek, q environ_get;
// r ctors, s main, u fflush, v atexit handlers, x stack_alloc). hostFits() checks the module has exactly
// these; xmllint-thread.ts falls back to the glue for any other build.

const IMPORTS = 'a:memory b c d e f g h i j k l m n o p q';
const EXPORTS = 'r s t u v w x';

export function hostFits(module: WebAssembly.Module): boolean {
  const imports = WebAssembly.Module.imports(module).map((i) => (i.kind === 'memory' ? `${i.name}:memory` : i.name));
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  return WebAssembly.Module.imports(module).every((i) => i.module === 'a') && imports.sort().join(' ') === IMPORTS && exports.sort().join(' ') === EXPORTS;
}

// errno values of Emscripten's libc (WASI numbering).
const EACCES = 2;
const EBADF = 8;
const EINVAL = 28;
const ENOENT = 44;
const ENOSYS = 52;
const ENOTTY = 59;
const ESPIPE = 70;

/** The glue's environment, so libxml2 sees the same one. */
const ENVIRONMENT = ['USER=web_user', 'LOGNAME=web_user', 'PATH=/', 'PWD=/', 'HOME=/home/web_user', 'LANG=C.UTF-8', '_=xmllint'];

interface OpenFile {
  data: Uint8Array;
  position: number;
}

interface Exports {
  r: () => void;
  s: (argc: number, argv: number) => number;
  u: (stream: number) => number;
  v: () => void;
  x: (size: number) => number;
}

/** The run in progress in this thread (runs are synchronous, one at a time). */
interface Run {
  memory: WebAssembly.Memory;
  bytes: Uint8Array;
  view: DataView;
  files: Map<string, Uint8Array>;
  fds: (OpenFile | 'stdio' | null)[];
  stderr: Uint8Array[];
  exports: Exports | null;
}
let run: Run | null = null;

class ProgramExit {
  constructor(readonly code: number) {}
}

function current(): Run {
  if (run === null) throw new Error('xmllint host called outside a run');
  if (run.bytes.buffer !== run.memory.buffer) {
    run.bytes = new Uint8Array(run.memory.buffer);
    run.view = new DataView(run.memory.buffer);
  }
  return run;
}

function cString(r: Run, ptr: number): string {
  const end = r.bytes.indexOf(0, ptr);
  return new TextDecoder().decode(r.bytes.subarray(ptr, end));
}

function freeFd(r: Run, from = 0): number {
  let fd = from;
  while (r.fds[fd]) fd++;
  return fd;
}

function fileOf(r: Run, fd: number): OpenFile | null {
  const f = r.fds[fd];
  return f && f !== 'stdio' ? f : null;
}

function exit(code: number): never {
  const r = current();
  r.exports?.v();
  r.exports?.u(0);
  throw new ProgramExit(code);
}

/** The import object: built once per thread, so V8 optimises these functions once. */
const IMPORT_FUNCTIONS = {
  b(fd: number, iov: number, count: number, written: number): number {
    const r = current();
    if (r.fds[fd] !== 'stdio') return EBADF;
    let n = 0;
    for (let i = 0; i < count; i++) {
      const ptr = r.view.getUint32(iov + 8 * i, true);
      const len = r.view.getUint32(iov + 8 * i + 4, true);
      if (fd === 2) r.stderr.push(r.bytes.slice(ptr, ptr + len)); // stdout (fd 1) is not kept: --noout
      n += len;
    }
    r.view.setUint32(written, n, true);
    return 0;
  },
  c(fd: number): number {
    const r = current();
    if (!r.fds[fd]) return EBADF;
    r.fds[fd] = null;
    return 0;
  },
  d: exit,
  e(fd: number, iov: number, count: number, read: number): number {
    const r = current();
    const f = r.fds[fd];
    if (!f) return EBADF;
    let n = 0;
    if (f !== 'stdio') {
      for (let i = 0; i < count; i++) {
        const ptr = r.view.getUint32(iov + 8 * i, true);
        const len = r.view.getUint32(iov + 8 * i + 4, true);
        const take = Math.max(0, Math.min(len, f.data.byteLength - f.position));
        r.bytes.set(f.data.subarray(f.position, f.position + take), ptr);
        f.position += take;
        n += take;
        if (take < len) break;
      }
    }
    r.view.setUint32(read, n, true);
    return 0;
  },
  f(fd: number, cmd: number, varargs: number): number {
    const r = current();
    const f = r.fds[fd];
    if (!f) return -EBADF;
    if (cmd === 0) {
      // F_DUPFD: the lowest free descriptor from the argument on.
      const to = freeFd(r, r.view.getInt32(varargs, true));
      r.fds[to] = f === 'stdio' ? f : { data: f.data, position: f.position };
      return to;
    }
    if (cmd === 1 || cmd === 2 || cmd === 4 || cmd === 13 || cmd === 14) return 0;
    if (cmd === 3) return 0; // F_GETFL: read-only
    return -EINVAL;
  },
  g(_dirfd: number, pathPtr: number, flags: number): number {
    const r = current();
    if ((flags & 3) !== 0) return -EACCES; // xmllint --noout only reads
    const name = cString(r, pathPtr).split('/').filter((p) => p !== '' && p !== '.').join('/');
    const data = r.files.get(name);
    if (data === undefined) return -ENOENT;
    const fd = freeFd(r);
    r.fds[fd] = { data, position: 0 };
    return fd;
  },
  h: (): number => Date.now(),
  i(count: number, size: number): number {
    const r = current();
    r.view.setUint32(count, ENVIRONMENT.length, true);
    r.view.setUint32(size, ENVIRONMENT.reduce((n, e) => n + e.length + 1, 0), true);
    return 0;
  },
  j: (): number => -ENOTTY,
  k(fd: number): number {
    const r = current();
    const f = r.fds[fd];
    if (!f) return -EBADF;
    const to = freeFd(r);
    r.fds[to] = f === 'stdio' ? f : { data: f.data, position: f.position };
    return to;
  },
  l(requested: number): number {
    const r = current();
    requested >>>= 0;
    const size = r.memory.buffer.byteLength;
    if (requested > 4294901760) return 0;
    // As the glue: try to grow by 20 %, 10 %, 5 % beyond what is asked (at most 96 MiB more), then give up.
    for (let step = 1; step <= 4; step *= 2) {
      const wanted = Math.min(size * (1 + 0.2 / step), requested + 100663296);
      const target = Math.min(4294901760, 65536 * Math.ceil(Math.max(requested, wanted) / 65536));
      try {
        r.memory.grow(((target - size + 65535) / 65536) | 0);
        current();
        return 1;
      } catch {
        // try a smaller step
      }
    }
    return 0;
  },
  m(pathPtr: number, buf: number): number {
    const r = current();
    const name = cString(r, pathPtr).split('/').filter((p) => p !== '' && p !== '.').join('/');
    const data = name === '' ? null : r.files.get(name);
    if (data === undefined) return -ENOENT;
    const v = r.view;
    r.bytes.fill(0, buf, buf + 96);
    v.setInt32(buf + 4, data === null ? 0o40755 : 0o100644, true); // mode: the root folder or a regular file
    v.setUint32(buf + 8, 1, true); // nlink
    v.setBigInt64(buf + 24, BigInt(data === null ? 4096 : data.byteLength), true);
    v.setInt32(buf + 32, 4096, true); // blksize
    return 0;
  },
  n: (): number => -ENOSYS,
  o: (): number => -ENOSYS,
  p(fd: number, offset: bigint, whence: number, result: number): number {
    const r = current();
    const f = fileOf(r, fd);
    if (!f) return r.fds[fd] ? ESPIPE : EBADF;
    const base = whence === 0 ? 0 : whence === 1 ? f.position : whence === 2 ? f.data.byteLength : NaN;
    const position = base + Number(offset);
    if (!Number.isSafeInteger(position) || position < 0) return EINVAL;
    f.position = position;
    r.view.setBigInt64(result, BigInt(position), true);
    return 0;
  },
  q(environ: number, buf: number): number {
    const r = current();
    let at = buf;
    ENVIRONMENT.forEach((e, i) => {
      r.view.setUint32(environ + 4 * i, at, true);
      for (let k = 0; k < e.length; k++) r.bytes[at++] = e.charCodeAt(k);
      r.bytes[at++] = 0;
    });
    return 0;
  },
};

/** Runs `xmllint args…` on in-memory files; returns its exit code and what it wrote to stderr. Throws what the
 *  program throws (a trap: out of memory, a stack overflow). */
export function runXmllint(module: WebAssembly.Module, files: Map<string, Uint8Array>, args: readonly string[], maxMemoryPages: number): { code: number; stderr: string } {
  if (run !== null) throw new Error('xmllint is already running in this thread');
  const memory = new WebAssembly.Memory({ initial: 256, maximum: maxMemoryPages });
  const r: Run = { memory, bytes: new Uint8Array(memory.buffer), view: new DataView(memory.buffer), files, fds: ['stdio', 'stdio', 'stdio'], stderr: [], exports: null };
  run = r;
  try {
    const instance = new WebAssembly.Instance(module, { a: { ...IMPORT_FUNCTIONS, a: memory } });
    const ex = instance.exports as unknown as Exports;
    r.exports = ex;
    let code: number;
    try {
      ex.r();
      const argv = ['xmllint', ...args];
      const strings = argv.map((a) => new TextEncoder().encode(`${a}\0`));
      const table = ex.x(4 * (argv.length + 1)) >>> 0;
      strings.forEach((s, i) => {
        const at = ex.x(s.byteLength) >>> 0;
        current().bytes.set(s, at);
        current().view.setUint32(table + 4 * i, at, true);
      });
      current().view.setUint32(table + 4 * argv.length, 0, true);
      code = ex.s(argv.length, table);
      ex.v();
      ex.u(0);
    } catch (e) {
      if (!(e instanceof ProgramExit)) throw new Error(`${stderrOf(r)}xmllint stopped: ${e instanceof Error ? e.message : String(e)}`);
      code = e.code;
    }
    return { code, stderr: stderrOf(r) };
  } finally {
    run = null;
  }
}

function stderrOf(r: Run): string {
  const all = new Uint8Array(r.stderr.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of r.stderr) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

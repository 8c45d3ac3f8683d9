// xmllint (libxml2 compiled to WebAssembly, the xmllint-wasm package) run inside the calling thread, for the
// import workers (prepare-worker.ts). xmllint-wasm's own validateXML() starts a worker per call and compiles
// the WebAssembly module in it every time, so each call runs mostly unoptimised code (measured: ~1 s per call
// of 500-2,000 messages). Here the module is compiled once per process and handed to every import worker (a
// WebAssembly.Module can be posted to a thread), so the optimised code stays; each call still gets a fresh
// instance with its own memory and files, as a fresh worker would — nothing carries over between calls. The
// calls run on the lean host of xmllint-host.ts; for a build of the package it was not written for, on the
// package's own JavaScript glue (slower: V8 optimises the glue anew for every call).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { hostFits, runXmllint } from './xmllint-host.js';

const require = createRequire(import.meta.url);

/** The options of xmllint-wasm's validateXML() that the importer uses. */
export interface XmllintCall {
  xml: { fileName: string; contents: Uint8Array | string }[];
  schema: { fileName: string; contents: Uint8Array | string };
  preload: { fileName: string; contents: Uint8Array | string }[];
  maxMemoryPages: number;
}

/** Like validateXML(): resolves with xmllint's stderr when it ran to the end (exit 0, or 3/4 for invalid
 *  documents); rejects with an Error carrying stderr for anything else (an unreadable document, a crash). */
export type Xmllint = (call: XmllintCall) => Promise<{ rawOutput: string }>;

let compiled: Promise<WebAssembly.Module> | null = null;

/** The compiled xmllint module, once per process (compiled off the event loop). */
export function xmllintModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(require.resolve('xmllint-wasm/xmllint.wasm')).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

interface EmscriptenOptions {
  inputFiles: { fileName: string; contents: Uint8Array | string }[];
  arguments: string[];
  print: (text: string) => void;
  printErr: (text: string) => void;
  onExit: (code: number) => void;
  onAbort: (reason: unknown) => void;
  wasmMemory: WebAssembly.Memory;
  instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => WebAssembly.Exports;
}

/** xmllint in this thread, on the given compiled module (`glue`: on the package's glue even where the lean
 *  host fits, for the tests). Only in a worker thread: the package's glue file
 *  also registers itself on the thread's parentPort (it ignores messages not tagged as its own) and, like
 *  any Emscripten program, sets process.exitCode when xmllint exits — harmless in a worker, not in the app. */
export function threadXmllint(module: WebAssembly.Module, options: { glue?: boolean } = {}): Xmllint {
  if (isMainThread) throw new Error('threadXmllint runs in a worker thread only');
  if (!options.glue && hostFits(module)) return hostXmllint(module);
  const factory = require('xmllint-wasm/xmllint-node.js') as (options: EmscriptenOptions) => Promise<unknown>;
  return (call) =>
    new Promise((resolve, reject) => {
      let stderr = '';
      let settled = false;
      const finish = (error: Error | null): void => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve({ rawOutput: stderr });
      };
      // validateXML's arguments: --schema driver --noout file…
      const args = ['--schema', call.schema.fileName, '--noout', ...call.xml.map((f) => f.fileName)];
      try {
        factory({
          inputFiles: [...call.xml, call.schema, ...call.preload],
          arguments: args,
          print: () => undefined,
          printErr: (text) => {
            stderr += `${text}\n`;
          },
          // 0: all valid; 3 and 4: some document does not validate. Anything else, as validateXML: an error.
          onExit: (code) => finish(code === 0 || code === 3 || code === 4 ? null : Object.assign(new Error(stderr), { code })),
          onAbort: (reason) => finish(new Error(`${stderr}WASM Abort: ${String(reason)}`)),
          wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: call.maxMemoryPages }),
          instantiateWasm: (imports, done) => {
            const instance = new WebAssembly.Instance(module, imports);
            done(instance, module);
            return instance.exports;
          },
        }).then(
          () => finish(new Error(`${stderr}xmllint did not exit`)),
          (e: unknown) => {
            // Emscripten ends a program by throwing ExitStatus after onExit: that is the normal end.
            if ((e as { name?: string } | null)?.name !== 'ExitStatus') finish(e instanceof Error ? e : new Error(String(e)));
            else finish(new Error(`${stderr}xmllint exited without a status`));
          },
        );
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      }
    });
}

/** xmllint on the lean host (xmllint-host.ts), for the build it was written against. */
function hostXmllint(module: WebAssembly.Module): Xmllint {
  const encoder = new TextEncoder();
  return (call) =>
    new Promise((resolve, reject) => {
      const files = new Map<string, Uint8Array>();
      for (const f of [...call.xml, call.schema, ...call.preload]) files.set(f.fileName, typeof f.contents === 'string' ? encoder.encode(f.contents) : f.contents);
      const args = ['--schema', call.schema.fileName, '--noout', ...call.xml.map((f) => f.fileName)];
      try {
        const { code, stderr } = runXmllint(module, files, args, call.maxMemoryPages);
        // As validateXML: 0 all valid, 3 and 4 some document invalid; anything else is an error.
        if (code === 0 || code === 3 || code === 4) resolve({ rawOutput: stderr });
        else reject(Object.assign(new Error(stderr), { code }));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
}

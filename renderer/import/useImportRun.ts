// One import from the renderer: read the picked files, send them in one import/files call (one batch),
// and poll import/status about four times a second for the progress bar until the call returns.
// Lives in App, not in the import view, so switching to the pivot and back does not lose a running import.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { ImportStatus } from '../../core/contract/imports.js';
import type { ImportReport } from '../../core/contract/methods.js';
import type { PickedFile } from './pickFiles.js';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number }
  /** own: started here (its import/files call decides the outcome); otherwise one found running. */
  | { kind: 'running'; own: boolean; status: ImportStatus | null; cancelling: boolean }
  | { kind: 'done'; report: ImportReport; cancelTooLate: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string };

export interface ImportRun {
  state: RunState;
  /** Counts finished runs (any outcome), so lists can refetch. */
  finished: number;
  start(files: PickedFile[], source: string): void;
  cancel(): void;
}

const POLL_MS = 250;
/** The browser host takes one request of at most 512 MB; bytes travel base64-encoded (4/3 larger). */
export const MAX_SEND_BYTES = 360 * 1024 * 1024;

export function useImportRun(api: SpiegelApi, onDataChanged: () => void): ImportRun {
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const [finished, setFinished] = useState(0);
  const stopReading = useRef(false);
  const cancelWanted = useRef(false);
  /** Whose import the poll follows, set at once (state updates land later): a late status answer after
   *  this tab's own import returned must not be mistaken for the end of another tab's import. */
  const following = useRef<'none' | 'own' | 'other'>('none');

  // An import may already be running (started before a reload, or from another tab): show it.
  useEffect(() => {
    let stale = false;
    void api.invoke('import/status', {}).then((r) => {
      if (!stale && r.ok && r.value.running && following.current === 'none') {
        following.current = 'other';
        setState({ kind: 'running', own: false, status: r.value, cancelling: false });
      }
    });
    return () => {
      stale = true;
    };
  }, [api]);

  const running = state.kind === 'running';
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A chained timeout, not an interval: while the data process is busy with a chunk, answers come late
    // and must not pile up.
    const tick = async () => {
      const r = await api.invoke('import/status', {});
      if (stopped) return;
      if (r.ok) {
        // Cancel pressed while the files were still on their way: the import had not started yet.
        if (cancelWanted.current && r.value.running) void api.invoke('import/cancel', {});
        if (following.current === 'other' && !r.value.running) {
          following.current = 'none';
          setState({ kind: 'idle' });
          setFinished((n) => n + 1);
          onDataChanged();
          return;
        }
        setState((s) => (s.kind === 'running' ? { ...s, status: r.value } : s));
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, running, onDataChanged]);

  const start = useCallback(
    (picked: PickedFile[], source: string) => {
      void (async () => {
        stopReading.current = false;
        cancelWanted.current = false;
        setState({ kind: 'reading', done: 0, total: picked.length });
        let files: { name: string; bytes: Uint8Array<ArrayBuffer> }[];
        try {
          files = await readAll(picked, stopReading, (done) => setState({ kind: 'reading', done, total: picked.length }));
        } catch (e) {
          if (e === STOPPED) setState({ kind: 'cancelled' });
          else setState({ kind: 'failed', code: 'read', message: (e as Error).message });
          return;
        }
        if (stopReading.current) {
          setState({ kind: 'cancelled' });
          return;
        }
        following.current = 'own';
        setState({ kind: 'running', own: true, status: null, cancelling: false });
        const trimmed = source.trim();
        const r = await api.invoke('import/files', trimmed ? { files, source: trimmed } : { files });
        following.current = 'none';
        if (r.ok) setState({ kind: 'done', report: r.value, cancelTooLate: cancelWanted.current });
        else if (r.error.code === 'import-cancelled') setState({ kind: 'cancelled' });
        else setState({ kind: 'failed', code: r.error.code, message: r.error.message });
        setFinished((n) => n + 1);
        onDataChanged();
      })();
    },
    [api, onDataChanged],
  );

  const kind = useRef(state.kind);
  useEffect(() => {
    kind.current = state.kind;
  }, [state.kind]);
  const cancel = useCallback(() => {
    stopReading.current = true;
    // While the files are still being read nothing runs in the data process yet; a cancel sent now could
    // only hit an import started elsewhere.
    if (kind.current !== 'running') return;
    cancelWanted.current = true;
    setState((s) => (s.kind === 'running' ? { ...s, cancelling: true } : s));
    void api.invoke('import/cancel', {});
  }, [api]);

  return { state, finished, start, cancel };
}

const STOPPED = new Error('stopped');
const READ_AT_ONCE = 16;

/** Reads the files' bytes, several at a time (one by one, a month folder of small files takes long), in
 *  the picked order; reports progress every 50 files and stops when asked. */
async function readAll(
  picked: PickedFile[],
  stop: { current: boolean },
  onProgress: (done: number) => void,
): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }[]> {
  const out = new Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>(picked.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < picked.length) {
      if (stop.current) throw STOPPED;
      const i = next++;
      const p = picked[i]!;
      try {
        out[i] = { name: p.name, bytes: new Uint8Array(await p.file.arrayBuffer()) };
      } catch (e) {
        throw new Error(`${p.name}: ${(e as Error).message}`);
      }
      if (++done % 50 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, picked.length) }, worker));
  return out;
}

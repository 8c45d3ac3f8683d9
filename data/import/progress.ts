// import/status from the importer's progress: elapsed time, and the time left = bytes left ÷ the rate so far
// (bytes done per ms up to the last progress report), shown once 2 % of the bytes are done.
import type { ImportStatus } from '../../core/contract/imports.js';
import type { ImportProgress } from './importer.js';

export interface ProgressClock {
  started: number; // ms, when the import began
  updated: number; // ms, when the importer last reported progress
}

export function importStatus(p: ImportProgress | null, running: boolean, at: ProgressClock, now: number): ImportStatus {
  if (p === null) return { running, phase: running ? 'reading' : 'idle', filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesDone: 0, messages: 0, rejected: 0, elapsedMs: 0, etaMs: null };
  const elapsedMs = (running ? now : at.updated) - at.started;
  const rate = p.bytesDone > 0 ? p.bytesDone / Math.max(1, at.updated - at.started) : 0;
  const etaMs = running && rate > 0 && p.bytesDone >= 0.02 * p.bytesTotal ? Math.round((p.bytesTotal - p.bytesDone) / rate) : null;
  return { running, ...p, elapsedMs, etaMs };
}

// spiegel history | report N | undo N: the import batches, one batch's validation report, undo of a batch.
import type { BatchReport, BatchSummary } from '../../core/contract/imports.js';
import { formatNumber } from '../../core/format.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

const n = (v: number): string => formatNumber(v);
/** 2026-11-23T18:40:00.000Z → 23-11-2026 18:40 (UTC, as stored). */
const when = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`;

function batchLine(b: BatchSummary): string {
  const state = b.undoneAt ? `ongedaan gemaakt ${when(b.undoneAt)}` : `${n(b.held)} berichten in gebruik`;
  return `batch ${b.id}  ${when(b.startedAt)}  ${b.source ?? '-'}  ${n(b.files)} bestanden, ${n(b.messages)} nieuw, ${n(b.skipped)} al bekend, ${n(b.rejected)} afgewezen, ${n(b.warnings)} waarschuwingen; ${state}`;
}

export async function runHistory(options: CommonOptions): Promise<number> {
  const r = await withApi(options, (api) => api.invoke('import/history', {}));
  if (!r.ok) throw new CliError(r.error.message);
  if (r.value.batches.length === 0) process.stdout.write('nog geen imports\n');
  for (const b of r.value.batches) process.stdout.write(batchLine(b) + '\n');
  return 0;
}

function batchId(arg: string | undefined, command: string): number {
  const id = Number(arg);
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`${command} needs a batch number (see: spiegel history)`);
  return id;
}

/** The report as text: per message type, rejected files with line/element/reason, warnings per code. */
export function reportText(r: BatchReport): string {
  const out = [batchLine(r.batch), '', 'berichttype  bestanden  berichten  records'];
  for (const t of r.types) out.push(`${t.code.padEnd(12)} ${n(t.files).padStart(9)}  ${n(t.messages).padStart(9)}  ${n(t.records).padStart(7)}`);
  if (r.rejected.length > 0) out.push('', `afgewezen bestanden (${n(r.rejected.length)}):`);
  for (const f of r.rejected) {
    for (const e of f.errors) out.push(`  ${f.file}${e.line !== null ? `:${e.line}` : ''}${e.element ? ` <${e.element}>` : ''}: ${e.reason}`);
  }
  if (r.warnings.length > 0) out.push('', 'waarschuwingen:');
  for (const w of r.warnings) {
    out.push(`  ${w.code}: ${n(w.count)}`);
    for (const e of w.examples) out.push(`    ${e}`);
    if (w.count > w.examples.length) out.push(`    … en ${n(w.count - w.examples.length)} meer`);
  }
  return out.join('\n') + '\n';
}

export async function runReport(arg: string | undefined, options: CommonOptions): Promise<number> {
  const id = batchId(arg, 'report');
  const r = await withApi(options, (api) => api.invoke('import/report', { batchId: id }));
  if (!r.ok) throw new CliError(r.error.message);
  process.stdout.write(reportText(r.value));
  return 0;
}

export async function runUndo(arg: string | undefined, options: CommonOptions): Promise<number> {
  const id = batchId(arg, 'undo');
  const r = await withApi(options, (api) => api.invoke('import/undo', { batchId: id }));
  if (!r.ok) throw new CliError(r.error.message);
  process.stdout.write(`batch ${id} ongedaan gemaakt: ${n(r.value.messagesRemoved)} berichten verwijderd, ${n(r.value.messagesKept)} behouden (ook in een andere batch)\n`);
  for (const note of r.value.notes) process.stdout.write(`let op: ${note}\n`);
  return 0;
}

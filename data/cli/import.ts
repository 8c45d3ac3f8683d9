// spiegel import PATH...: validates and stores iJw files, prints one line per file (for large imports only
// the files that were not stored), then the batch's validation report (per type, rejected, warnings).
import { resolve } from 'node:path';
import type { ImportReport } from '../../core/contract/methods.js';
import { CliError } from './errors.js';
import { reportText } from './batches.js';
import { withApi, type CommonOptions } from './context.js';

/** Above this many files, the per-file lines name only the files that were rejected or not stored. */
const LIST_ALL = 200;

export async function runImport(paths: string[], options: CommonOptions & { source?: string | undefined }): Promise<number> {
  if (paths.length === 0) throw new CliError('import needs at least one file or folder');
  const args = { paths: paths.map((p) => resolve(p)), ...(options.source ? { source: options.source } : {}) };
  const { result, report } = await withApi(options, async (api) => {
    const result = await api.invoke('import/files', args);
    const batchId = result.ok ? result.value.batchId : null;
    return { result, report: batchId !== null ? await api.invoke('import/report', { batchId }) : null };
  });
  if (!result.ok) throw new CliError(result.error.message);
  printFiles(result.value);
  if (report?.ok) process.stdout.write('\n' + reportText(report.value));
  const rejected = result.value.files.filter((f) => f.status === 'rejected');
  if (rejected.length > 0) {
    const first = rejected[0]!;
    const e = first.errors[0];
    process.stderr.write(
      `spiegel: ${rejected.length} of ${result.value.files.length} files rejected; first: ${first.name}${e?.line != null ? `:${e.line}` : ''}${e?.element ? ` <${e.element}>` : ''}: ${e?.reason ?? 'invalid'}\n`,
    );
    return 1;
  }
  return 0;
}

function printFiles(report: ImportReport): void {
  const all = report.files.length <= LIST_ALL;
  for (const f of report.files) {
    if (!all && (f.status === 'imported' || f.status === 'duplicate')) continue;
    const what = f.status === 'rejected' ? 'afgewezen' : f.status === 'duplicate' ? 'al bekend' : f.status === 'unsupported' ? 'gevalideerd, (nog) niet opgeslagen' : 'ingelezen';
    process.stdout.write(`${f.name}: ${what}${f.messageCode ? ` (${f.messageCode})` : ''}, ${f.messages} berichten nieuw, ${f.skipped} al bekend\n`);
    for (const e of f.errors) {
      process.stdout.write(`  ${f.name}${e.line !== null ? `:${e.line}` : ''}${e.element ? ` <${e.element}>` : ''}: ${e.reason}\n`);
    }
  }
  if (all) for (const w of report.warnings) process.stdout.write(`waarschuwing ${w.code}: ${w.file}: ${w.detail}\n`);
}

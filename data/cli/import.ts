// spiegel import PATH...: validates and stores iJw files, prints one line per file and the warnings.
import { resolve } from 'node:path';
import { CliError } from './main.js';
import { withApi, type CommonOptions } from './context.js';

export async function runImport(paths: string[], options: CommonOptions): Promise<number> {
  if (paths.length === 0) throw new CliError('import needs at least one file or folder');
  const result = await withApi(options, (api) => api.invoke('import/files', { paths: paths.map((p) => resolve(p)) }));
  if (!result.ok) throw new CliError(result.error.message);
  const report = result.value;
  for (const f of report.files) {
    const what = f.status === 'rejected' ? 'afgewezen' : f.status === 'duplicate' ? 'al bekend' : f.status === 'unsupported' ? 'gevalideerd, (nog) niet opgeslagen' : 'ingelezen';
    process.stdout.write(`${f.name}: ${what}${f.messageCode ? ` (${f.messageCode})` : ''}, ${f.messages} berichten nieuw, ${f.skipped} al bekend\n`);
    for (const e of f.errors) {
      process.stdout.write(`  ${f.name}${e.line !== null ? `:${e.line}` : ''}${e.element ? ` <${e.element}>` : ''}: ${e.reason}\n`);
    }
  }
  for (const w of report.warnings) process.stdout.write(`waarschuwing ${w.code}: ${w.file}: ${w.detail}\n`);
  const rejected = report.files.filter((f) => f.status === 'rejected');
  if (rejected.length > 0) {
    const first = rejected[0]!;
    const e = first.errors[0];
    process.stderr.write(
      `spiegel: ${rejected.length} of ${report.files.length} files rejected; first: ${first.name}${e?.line != null ? `:${e.line}` : ''}${e?.element ? ` <${e.element}>` : ''}: ${e?.reason ?? 'invalid'}\n`,
    );
    return 1;
  }
  return 0;
}

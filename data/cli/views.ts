// spiegel views: the saved views of the pivot workbench, one line each (id, name, the pivot, last saved).
import { formatDate } from '../../core/format.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

export async function runViewsCommand(o: CommonOptions): Promise<number> {
  const result = await withApi(o, (api) => api.invoke('views/list', {}));
  if (!result.ok) throw new CliError(result.error.message);
  if (result.value.length === 0) {
    process.stdout.write('geen opgeslagen weergaven\n');
    return 0;
  }
  for (const v of result.value) {
    const pivot = `rijen ${v.query.rows.join(',')}${v.query.cols.length ? `; kolommen ${v.query.cols.join(',')}` : ''}; ${v.query.measures.join(',')}`;
    process.stdout.write(`${v.id}\t${v.name}\t${pivot}\topgeslagen ${formatDate(v.updatedAt.slice(0, 10))}\n`);
  }
  return 0;
}

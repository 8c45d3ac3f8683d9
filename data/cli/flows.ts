// spiegel flows: the stock-flow table of query/flows (DOMAIN.md §6) as CSV for Dutch Excel or JSON. Suppressed
// by default (DOMAIN.md §3); --no-suppression says so in the CSV's title line and the JSON's suppression field.
import { FLOW_BREAKDOWNS, FLOW_GRAINS, type FlowsQueryInput } from '../../core/contract/flows.js';
import { SEGMENTS } from '../../core/domain/segments.js';
import { pivotCsv } from '../../core/export/csv.js';
import { flowsTable, flowsTitle } from '../../core/flows/table.js';
import { CliError } from './errors.js';
import { withApi, type CommonOptions } from './context.js';

interface FlowsOptions extends CommonOptions {
  grain?: string | undefined;
  by?: string | undefined;
  segment?: string | undefined;
  municipality?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  format?: string | undefined;
  'no-suppression'?: boolean | undefined;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${option} must be ${allowed.join(', ')}; got '${value}'`);
  return value as T;
}

export function flowsQueryFromOptions(o: FlowsOptions): FlowsQueryInput {
  if (!o.grain) throw new CliError('flows needs --grain month|quarter|year');
  return {
    grain: oneOf('grain', o.grain, FLOW_GRAINS),
    by: oneOf('by', o.by ?? 'region', FLOW_BREAKDOWNS),
    ...(o.segment ? { segment: oneOf('segment', o.segment, SEGMENTS) } : {}),
    ...(o.municipality ? { municipality: o.municipality } : {}),
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
    suppress: !o['no-suppression'],
  };
}

export async function runFlowsCommand(o: FlowsOptions): Promise<number> {
  const format = o.format ?? 'csv';
  if (!['csv', 'json'].includes(format)) throw new CliError(`--format must be csv or json, got '${format}'`);
  const query = flowsQueryFromOptions(o);
  const result = await withApi(o, (api) => api.invoke('query/flows', query));
  if (!result.ok) throw new CliError(result.error.message);
  const flows = result.value;
  if (format === 'json') process.stdout.write(JSON.stringify({ title: flowsTitle(flows, 'nl'), ...flows }, null, 2) + '\n');
  else process.stdout.write(pivotCsv(flowsTable(flows, 'nl')));
  return 0;
}

// The `spiegel` command line. Every command goes through the same contract and data worker as the app.
// Exit code 0 on success; otherwise one line on stderr saying why. A command's module is loaded only when it runs:
// a start of the CLI then costs what that command needs (pivot: 1,9 s where it was 2,7 s), not all of them.
import { parseArgs } from 'node:util';
import { DIMENSIONS, MEASURES } from '../../core/registry.js';
import { CliError } from './errors.js';

const usage = (tableUsage: string) => `usage:
  spiegel import PATH... [--source LABEL] [--db FILE] [--home DIR]
  spiegel history [--db FILE]                 the import batches, newest first
  spiegel report BATCH [--db FILE]            the validation report of one batch
  spiegel undo BATCH [--db FILE]              removes what only that batch brought in
  spiegel pivot --rows DIM[,DIM[,DIM]] [--cols DIM[,DIM]] [--measure M[,M]] [--filter DIM=VALUE[,VALUE]]...
                [--show-as value|grand|row|col|parent] [--compare prev|yoy] [--per-1000] [--sort key|MEASURE[:desc]]
                [--format table|csv|json] [--no-suppression] [--db FILE]
                                              subtotal rows as in the app; filters also DIM!=V, DIM>=V, DIM<=V
  spiegel flows --grain month|quarter|year [--by region|municipality|segment|ageband|gender] [--segment S]
                [--municipality CODE] [--from KEY] [--to KEY] [--format csv|json] [--no-suppression] [--db FILE]
                                              instroom, uitstroom, begin- en eindstand per periode (docs/FLOWS.md)
  spiegel stacking --at DATE | --period KEY [--by region|municipality|provider|segment|ageband] [--municipality CODE]
                [--format csv|json] [--no-suppression] [--db FILE]
                                              kinderen naar aantal gelijktijdige trajecten (docs/STACKING.md)
  spiegel regie-op-drie --period KEY [--min N] [--municipality CODE] [--format csv|json] [--db FILE]
                                              trajecten nummer 3 (--min N: N of hoger) gestart in KEY; eigen casuslijst
  spiegel samenloop --period KEY [--municipality CODE] [--format csv|json] [--no-suppression] [--db FILE]
                                              dezelfde persoon in Jeugd en Wmo; 18-jarigen naar Wmo of verlengde jeugdhulp
  spiegel indicators [--format csv|json] [--no-suppression] [--db FILE]
                                              elke indicator: laatste waarde, doel, status en regel (docs/STEERING.md)
  spiegel compare municipalities|providers|schools --period KEY [--municipality CODE] [--format csv|json]
                [--no-suppression] [--db FILE]
                                              gemeenten per 1.000 jeugdigen, aanbieders, scholen (docs/COMPARE.md);
                                              scholen: --period is een schooljaar (2024-2025; zonder: het laatste)
  spiegel signals [--from YYYY-MM] [--to YYYY-MM] [--segment S] [--municipality CODE] [--format csv|json]
                [--no-suppression] [--db FILE]    maanden waarin instroom of cliënten afwijken van verwacht (docs/ANALYSIS.md)
  spiegel forecast --year Y [--at DATE] [--municipality CODE] [--format csv|json] [--no-suppression] [--db FILE]
                                              jaarprognose van de uitgaven met terugtoets (docs/ANALYSIS.md)
  spiegel views [--db FILE]                   the saved views of the pivot workbench
  spiegel serve [--db FILE] [--port N] [--open]
  spiegel generate --out DIR [--scale N] [--seed S]
  spiegel restore [--db FILE]                 puts the newest backup in place of a damaged database
  spiegel erase [--db FILE] [--home DIR] --yes  removes the database, its backups, the demo and the key
${tableUsage}
dimensions: ${DIMENSIONS.join(', ')}
measures: ${MEASURES.join(', ')} (money in euro; JSON gives eurocent; shares as fractions)
home: --home DIR, or $SPIEGEL_HOME, or ~/.spiegel (holds the pseudonym key and the default database)`;

export { CliError };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'table') return await (await import('./table.js')).runTableCommand(rest); // its own options (--kind, --map, …)
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        home: { type: 'string' },
        rows: { type: 'string' },
        cols: { type: 'string' },
        measure: { type: 'string' },
        filter: { type: 'string', multiple: true },
        format: { type: 'string' },
        'no-suppression': { type: 'boolean' },
        'show-as': { type: 'string' },
        compare: { type: 'string' },
        'per-1000': { type: 'boolean' },
        sort: { type: 'string' },
        grain: { type: 'string' },
        by: { type: 'string' },
        segment: { type: 'string' },
        municipality: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        port: { type: 'string' },
        out: { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        open: { type: 'boolean' },
        source: { type: 'string' },
        yes: { type: 'boolean' },
        at: { type: 'string' },
        period: { type: 'string' },
        min: { type: 'string' },
        year: { type: 'string' },
      },
    });
    switch (command) {
      case 'import':
        return await (await import('./import.js')).runImport(positionals, values);
      case 'history':
        return await (await import('./batches.js')).runHistory(values);
      case 'report':
        return await (await import('./batches.js')).runReport(positionals[0], values);
      case 'undo':
        return await (await import('./batches.js')).runUndo(positionals[0], values);
      case 'flows':
        return await (await import('./flows.js')).runFlowsCommand(values);
      case 'stacking':
        return await (await import('./stacking.js')).runStackingCommand(values);
      case 'regie-op-drie':
        return await (await import('./stacking.js')).runRegieCommand(values);
      case 'samenloop':
        return await (await import('./samenloop.js')).runSamenloopCommand(values);
      case 'pivot':
        return await (await import('./pivot.js')).runPivotCommand(values);
      case 'compare':
        return await (await import('./compare.js')).runCompareCommand(positionals[0], values);
      case 'indicators':
        return await (await import('./indicators.js')).runIndicatorsCommand(values);
      case 'signals':
        return await (await import('./analysis.js')).runSignalsCommand(values);
      case 'forecast':
        return await (await import('./analysis.js')).runForecastCommand(values);
      case 'views':
        return await (await import('./views.js')).runViewsCommand(values);
      case 'erase':
        return await (await import('./system.js')).runErase(values);
      case 'restore':
        return await (await import('./system.js')).runRestore(values);
      case 'serve':
        return await (await import('./serve.js')).runServe(values);
      case 'generate':
        if (!values.out) throw new CliError('generate needs --out DIR');
        return await (await import('../generate/index.js')).runGenerate({ out: values.out, scale: values.scale ?? '1', ...(values.seed ? { seed: values.seed } : {}) });
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(usage((await import('./table.js')).TABLE_USAGE) + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command '${command}' (try: spiegel help)`);
    }
  } catch (e) {
    process.stderr.write(`spiegel: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
}

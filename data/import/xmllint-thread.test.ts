// xmllint in an import worker's own thread, on the lean host (xmllint-host.ts) and on the package's glue (the
// fallback for other builds): both must say exactly what xmllint-wasm's validateXML says — the raw output of
// whole calls, valid, invalid and broken documents mixed — and the importer's verdicts on the official
// examples must stay those validate.test.ts pins (12 valid; JW315 and JW318 not).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CODES, exampleText } from '../../test/fixtures/import/examples.js';

/** Runs in a worker: the same calls through validateXML, the host and the glue. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import('tsx/esm/api').then(async ({ register }) => {
  register();
  const { validateXML, memoryPages } = await import('xmllint-wasm');
  const thread = await import(workerData.thread);
  const { validateMessages } = await import(workerData.validate);
  const module = await thread.xmllintModule();
  const host = thread.threadXmllint(module);
  const glue = thread.threadXmllint(module, { glue: true });
  const enc = new TextEncoder();
  const outcome = (p) => p.then((r) => 'resolved\\n' + r.rawOutput, (e) => 'rejected\\n' + e.message);
  const results = [];
  for (const docs of workerData.calls) {
    const call = {
      xml: docs.map((d, i) => ({ fileName: 'm' + i + '.xml', contents: enc.encode(d) })),
      schema: { fileName: 'd.xsd', contents: workerData.driver },
      preload: workerData.schemas.map(([fileName, contents]) => ({ fileName, contents })),
      maxMemoryPages: memoryPages.GiB,
    };
    results.push({ reference: await outcome(validateXML(call)), host: await outcome(host(call)), glue: await outcome(glue(call)) });
  }
  const examples = workerData.examples.map((t) => enc.encode(t));
  const verdicts = { host: await validateMessages(examples, host), glue: await validateMessages(examples, glue) };
  parentPort.postMessage({ results, verdicts });
}).catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
`;

describe('xmllint in the import worker thread', () => {
  it('says what validateXML says, on the lean host and on the glue', async () => {
    const { readFileSync } = await import('node:fs');
    const xsd = (name: string): string => readFileSync(new URL(`./xsd/${name}`, import.meta.url), 'utf8');
    const codes = ['JW301', 'JW305', 'JW315'];
    const driver = `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${codes
      .map((c) => `<xs:import namespace="http://www.istandaarden.nl/ijw/3_2/${c.toLowerCase()}/schema" schemaLocation="${c}.xsd"/>`)
      .join('\n')}\n</xs:schema>\n`;
    const jw301 = exampleText('JW301');
    const calls = [
      codes.map((c) => exampleText(c)), // valid, valid, invalid (JW315's own example breaks its XSD)
      [jw301, jw301.replace('</jw301:Bsn>', '</jw301:Bsnx>'), jw301.slice(0, 500), '', jw301.replace('2010-02-14', '2010-02-31')],
      [jw301.replace('<jw301:Client>', `<jw301:Client>${'<a>'.repeat(300)}`)],
    ];
    const result = await new Promise<{ results: Record<string, string>[]; verdicts: Record<string, unknown[][]>; error?: string }>((resolve, reject) => {
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: {
          thread: new URL('./xmllint-thread.ts', import.meta.url).href,
          validate: new URL('./validate.ts', import.meta.url).href,
          driver,
          schemas: ['basisschema.xsd', ...codes.map((c) => `${c}.xsd`)].map((n) => [n, xsd(n)]),
          calls,
          examples: EXAMPLE_CODES.map((c) => exampleText(c)),
        },
      });
      worker.once('message', (m) => void worker.terminate().then(() => resolve(m)));
      worker.once('error', reject);
    });
    expect(result.error).toBeUndefined();
    for (const r of result.results) {
      expect(r.host).toBe(r.reference);
      expect(r.glue).toBe(r.reference);
    }
    // The calls did what they were meant to: a valid file, an invalid one, a broken one.
    expect(result.results[0]!.reference).toMatch(/m0\.xml validates[\s\S]*m2\.xml fails to validate/);
    expect(result.results[1]!.reference).toMatch(/m1\.xml:\d+: parser error/);
    for (const side of ['host', 'glue']) {
      const invalid = EXAMPLE_CODES.filter((_, i) => result.verdicts[side]![i]!.length > 0);
      expect(invalid, side).toEqual(['JW315', 'JW318']);
    }
  }, 60_000);
});

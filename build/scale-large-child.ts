// Child process of build/scale-large-declaration.ts: imports one file with importLargeFile inside the transaction
// shape the importer uses (one transaction, a batch, the file row, a savepoint for the file), then prints one
// JSON line with the outcome, the seconds and its own resource usage (peak RSS includes the xmllint workers,
// which are threads of this process). Usage: tsx build/scale-large-child.ts FILE DB HOME
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../data/db/open.js';
import { importLargeFile } from '../data/import/large.js';
import { loadOrCreateKey } from '../data/import/pseudonym.js';
import { Store } from '../data/import/store.js';

const [file, dbFile, home] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(dbFile);
const key = loadOrCreateKey(join(home, 'pseudonym.key'));
const store = new Store(db);
const started = Date.now();
const size = statSync(file).size;
db.exec('BEGIN');
const batchId = store.startBatch(new Date().toISOString(), 'scale-large');
const fileId = store.addFile({ batchId, name: file, sha256: '-', size, status: 'imported', messageCode: 'JW323' });
db.exec('SAVEPOINT large_file');
const outcome = await importLargeFile(file, { db, store, batchId, fileId, key, maxBytes: 4 * 1024 ** 3 });
db.exec('RELEASE large_file');
store.setFileResult(fileId, outcome.messages > 0 ? 'imported' : 'duplicate', outcome.messages, outcome.skipped);
for (const w of outcome.warnings) store.addWarning(batchId, fileId, w);
store.finishBatch(batchId, new Date().toISOString(), { files: 1, messages: outcome.messages, skipped: outcome.skipped, rejected: 0, warnings: outcome.warnings.length });
db.exec('COMMIT');
const seconds = (Date.now() - started) / 1000;
db.close();
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ outcome, seconds, maxRssKiB: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`,
);

// `spiegel table import|list` run as a user would: the real bin in a child process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spiegel } from '../../test/unit/cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'spiegel-cli-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const common = ['--home', join(dir, 'home'), '--db', join(dir, 'spiegel.db')];

describe('spiegel table', () => {
  it('imports with a --map override, lists the table, and refuses a bad file with the line and exit code 1', async () => {
    const file = join(dir, 'codeboek.csv');
    writeFileSync(file, 'Code;Wat;Hulpvorm\n45A01;Ambulant;specialistisch\n43A02;Gezinshuis;wonen\n');
    const ok = await spiegel(['table', 'import', file, '--kind', 'codebook', '--source', 'regio', '--map', 'omschrijving=Wat', ...common]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("codeboek.csv: ingelezen als codebook (bron 'regio'): 2 regels, 2 rijen opgeslagen, 0 vervangen");
    expect(ok.stdout).toContain('kolommen: productcode=Code, segment=Hulpvorm, omschrijving=Wat');

    const list = await spiegel(['table', 'list', ...common]);
    expect(list.stdout).toMatch(/^codebook\tregio\t2 rijen\tcodeboek\.csv\t\d{4}-/);

    writeFileSync(file, 'Code;Wat;Hulpvorm\n45A01;Ambulant;specialistisch\n43A02;Gezinshuis;thuis\n');
    const bad = await spiegel(['table', 'import', file, '--kind', 'codebook', '--source', 'regio', ...common]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("codeboek.csv:3 [Hulpvorm]: expected a segment");
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('codeboek.csv afgewezen, niets gewijzigd; first: line 3:');
    expect((await spiegel(['table', 'list', ...common])).stdout).toContain('2 rijen'); // unchanged

    const kindless = await spiegel(['table', 'import', file, ...common]);
    expect(kindless.code).toBe(2);
    expect(kindless.stderr).toContain('table import needs --kind, one of: codebook, population');
  }, 120_000);
});

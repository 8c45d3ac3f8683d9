// The demo region on first start: built once into demo.db, labelled synthetic, and set aside as soon as
// the analyst's own database holds data.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDatabase, DEMO_LABEL } from './demo.js';
import { createService } from './service.js';
import { writeHandworkedSet } from '../test/fixtures/handworked.js';

describe('the demo region', () => {
  it('is built on first start, labelled synthetic, reused after, and gives way to real data', async () => {
    const home = mkdtempSync(join(tmpdir(), 'spiegel-demo-test-'));
    const real = join(home, 'spiegel.db');
    const first = await chooseDatabase(home, real, { scale: 0.005 });
    expect(first).toBe(join(home, 'demo.db'));
    const demo = createService({ dbFile: first, home });
    const meta = await demo['meta/dimensions']({});
    demo.close();
    expect(meta.dataset).toEqual({ synthetic: true, label: DEMO_LABEL });
    expect(meta.counts.clients).toBeGreaterThan(50);
    expect(meta.dimensions.find((d) => d.id === 'municipality')!.values.map((v) => v.key)).toEqual(['0203', '0228', '0267', '0279', '0339', '0340', '0345']);

    const inode = statSync(first).ino;
    expect(await chooseDatabase(home, real, { scale: 0.005 })).toBe(first);
    expect(statSync(first).ino).toBe(inode); // reused, not rebuilt

    const own = createService({ dbFile: real, home });
    await own['import/files']({ paths: writeHandworkedSet(join(home, 'in')) });
    own.close();
    expect(await chooseDatabase(home, real, { scale: 0.005 })).toBe(real);
  }, 300_000);
});

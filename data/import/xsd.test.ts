import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../../test/fixtures/import/examples.js';
import { fixReferenceXsd, xsdFileName } from './validate.js';

const here = new URL('./xsd/', import.meta.url);

describe('data/import/xsd', () => {
  const reference = readdirSync(join(REFERENCE_DIR, 'xsd')).filter((f) => f.endsWith('.xsd')).sort();

  it('holds one copy of each of the 15 reference XSDs and nothing else', () => {
    expect(reference).toHaveLength(15);
    const copies = readdirSync(here).sort();
    expect(copies).toEqual(reference.map(xsdFileName).sort());
  });

  it.each(reference)('%s equals the reference file after the documented fixes', (name) => {
    const original = readFileSync(join(REFERENCE_DIR, 'xsd', name), 'utf8');
    const copy = readFileSync(new URL(xsdFileName(name), here), 'utf8');
    expect(copy).toBe(fixReferenceXsd(original));
    expect(copy.startsWith('<?xml')).toBe(true);
  });

  it('the base schema carries the lower-case name the message XSDs import', () => {
    const jw301 = readFileSync(new URL('JW301.xsd', here), 'utf8');
    expect(jw301).toContain('schemaLocation="basisschema.xsd"');
    expect(readdirSync(here)).toContain('basisschema.xsd');
  });
});

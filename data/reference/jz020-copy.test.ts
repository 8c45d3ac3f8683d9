// data/reference/ijw32-JZ020-productcategorie.csv is a copy of the shared reference code list (the app cannot
// read the shared folder at runtime); like the XSD copies (data/import/xsd.test.ts) it must stay byte-equal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../../test/fixtures/import/examples.js';
import { productCategories } from '../import/checks.js';

const NAME = 'ijw32-JZ020-productcategorie.csv';

describe(`data/reference/${NAME}`, () => {
  it('equals the shared reference file byte for byte', () => {
    const copy = readFileSync(new URL(NAME, import.meta.url));
    const reference = readFileSync(join(SHARED_DIR, 'reference', 'open-data', NAME));
    expect(copy.equals(reference)).toBe(true);
  });

  it('lists the 24 categories SOURCES.md describes: 31–38 and 40–55', () => {
    const expected = [...Array.from({ length: 8 }, (_, i) => String(31 + i)), ...Array.from({ length: 16 }, (_, i) => String(40 + i))];
    expect(productCategories()).toEqual(expected);
  });

  it('holds the same codes as the iJw 3.2 XSD enumeration LDT_ProductCategorie', () => {
    const xsd = readFileSync(new URL('../import/xsd/basisschema.xsd', import.meta.url), 'utf8');
    const type = /<xs:simpleType name="LDT_ProductCategorie">([\s\S]*?)<\/xs:simpleType>/.exec(xsd)![1]!;
    const codes = [...type.matchAll(/<xs:enumeration value="([^"]+)"/g)].map((m) => m[1]);
    expect(codes).toEqual(productCategories());
  });
});

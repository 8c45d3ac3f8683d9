// prepare.ts reads only the prolog before validating (quickSniff) and sniffs a file in full only when xmllint
// does not find it valid without a word. Every refusal must still be sniff()'s own, as when every file was
// sniffed first: checked here for files whose fault lies after the root's start tag.
import { describe, expect, it } from 'vitest';
import { exampleText } from '../../test/fixtures/import/examples.js';
import { prepareFiles } from './prepare.js';
import { quickSniff, sniff } from './sniff.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const key = new Uint8Array(32);

describe('quickSniff', () => {
  it('reads the type from the prolog as sniff does, and leaves anything unusual to sniff', () => {
    for (const code of ['JW301', 'JW323', 'JW325']) {
      const bytes = enc(exampleText(code));
      expect(quickSniff(bytes)).toMatchObject({ ok: true, code });
      expect(sniff(bytes)).toMatchObject({ ok: true, code });
    }
    const jw301 = exampleText('JW301');
    const withProlog = jw301.replace('<jw301:Bericht', '<!-- a comment -->\n<?pi x?>\n<jw301:Bericht');
    expect(quickSniff(enc(withProlog))).toMatchObject({ ok: true, code: 'JW301' });
    // Only sniff() can tell: a DOCTYPE, another encoding, another root, an entity in the namespace.
    expect(quickSniff(enc(jw301.replace('<jw301:Bericht', '<!DOCTYPE x>\n<jw301:Bericht')))).toBeNull();
    expect(quickSniff(enc(jw301.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')))).toBeNull();
    expect(quickSniff(enc('<?xml version="1.0"?>\n<Bericht xmlns="urn:other"/>'))).toBeNull();
    expect(quickSniff(enc(jw301.replace('xmlns:jw301="http', 'xmlns:jw301="h&#116;tp')))).toBeNull();
    // Size, emptiness and UTF-8 are refused exactly as sniff() refuses them.
    for (const bytes of [new Uint8Array(), new Uint8Array([0x3c, 0x61, 0xff, 0x3e]), enc(jw301)]) {
      const max = bytes.byteLength > 100 ? 100 : undefined;
      if (max === undefined) expect(quickSniff(bytes)).toEqual(sniff(bytes));
      else expect(quickSniff(bytes, max)).toEqual(sniff(bytes, max));
    }
  });
});

describe('prepareFiles', () => {
  it("gives a file that is faulty after its root's start tag sniff's reason, as if sniffed first", async () => {
    const jw301 = exampleText('JW301');
    const faulty = {
      'mismatched end tag': jw301.replace('</jw301:Bsn>', '</jw301:Bsnx>'),
      'emptied namespace prefix': jw301.replace('<jw301:Client>', '<jw301:Client xmlns:x="">'),
      'unbound prefix': jw301.replace('<jw301:Client>', '<jw301:Client><x:y/>'),
      'XML 1.1': jw301.replace('version="1.0"', 'version="1.1"'),
      'deep nesting': jw301.replace('<jw301:Client>', `<jw301:Client>${'<a>'.repeat(300)}`),
    };
    const inputs = Object.entries(faulty).map(([name, text]) => ({ name, bytes: enc(text) }));
    const prepared = await prepareFiles([...inputs, { name: 'ok', bytes: enc(jw301) }], { key });
    for (const [i, input] of inputs.entries()) {
      const s = sniff(input.bytes);
      const p = prepared[i]!;
      if (s.ok) {
        // sniff accepts it: the verdict is xmllint's, as before.
        expect(p.code, input.name).toBe(s.code);
      } else {
        expect(p, input.name).toMatchObject({ code: null, errors: [s.error], parsed: null });
      }
    }
    expect(prepared.slice(0, 3).every((p) => p.errors.length > 0 && p.parsed === null)).toBe(true);
    expect(prepared[5]).toMatchObject({ code: 'JW301', errors: [] });
    expect(prepared[5]!.parsed).not.toBeNull();
  }, 60_000);
});

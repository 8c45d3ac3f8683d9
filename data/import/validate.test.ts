import { describe, expect, it } from 'vitest';
import { EXAMPLE_CODES, exampleText } from '../../test/fixtures/import/examples.js';
import { sniff } from './sniff.js';
import { splitOutput, validateMessages } from './validate.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniff', () => {
  it('detects the message type from the root namespace', () => {
    for (const code of EXAMPLE_CODES) {
      const s = sniff(enc(exampleText(code)));
      expect(s.ok && s.code).toBe(code);
    }
  });

  it('rejects text that is not XML', () => {
    const s = sniff(enc('BSN;naam\n999900006;Tom\n'));
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error.reason).toMatch(/not well-formed XML|no root element/);
  });

  it('rejects an empty file and invalid UTF-8', () => {
    expect(sniff(new Uint8Array())).toMatchObject({ ok: false, error: { reason: expect.stringMatching(/empty/) } });
    expect(sniff(new Uint8Array([0x3c, 0x61, 0xff, 0x3e]))).toMatchObject({ ok: false, error: { reason: expect.stringMatching(/UTF-8/) } });
  });

  it('rejects any DOCTYPE (no DTDs, no external entities)', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>';
    const s = sniff(enc(xxe));
    expect(s).toMatchObject({ ok: false, error: { line: 2, reason: expect.stringMatching(/DOCTYPE/) } });
    const jw301 = exampleText('JW301').replace('<jw301:Bericht', '<!DOCTYPE jw301:Bericht>\n<jw301:Bericht');
    expect(sniff(enc(jw301))).toMatchObject({ ok: false, error: { reason: expect.stringMatching(/DOCTYPE/) } });
  });

  it('refuses elements nested deeper than an iJw message ever is, without parsing the rest', () => {
    // 100,000 levels: saxes needs minutes for this; the limit of 200 stops it at the 201st start tag, on line 2.
    const deep = `<?xml version="1.0"?>\n<jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema">${'<a>'.repeat(100_000)}`;
    expect(sniff(enc(deep))).toMatchObject({ ok: false, error: { line: 2, element: 'a', reason: expect.stringMatching(/nested more than 200 deep/) } });
    const ok = exampleText('JW301');
    expect(sniff(enc(ok)).ok).toBe(true);
  });

  it('rejects an unknown root with the element and namespace', () => {
    // WMO301/305/307 are read (iwmo.ts); other iWmo messages are not.
    const s = sniff(enc('<?xml version="1.0"?>\n<w:Bericht xmlns:w="http://www.istandaarden.nl/iwmo/3_2/wmo302/schema"/>'));
    expect(s).toMatchObject({ ok: false, error: { line: 2, element: 'Bericht', reason: expect.stringMatching(/unknown root.*iwmo/) } });
    expect(sniff(enc('<Bericht/>'))).toMatchObject({ ok: false, error: { reason: expect.stringMatching(/unknown root/) } });
  });

  it('refuses a declared encoding other than UTF-8', () => {
    const latin = exampleText('JW305').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(sniff(enc(latin))).toMatchObject({ ok: false, error: { line: 1, reason: expect.stringMatching(/ISO-8859-1.*UTF-8/) } });
  });

  it('applies the size limit before reading', () => {
    const s = sniff(enc(exampleText('JW305')), 100);
    expect(s).toMatchObject({ ok: false, error: { reason: expect.stringMatching(/larger than the limit of 100 bytes/) } });
  });
});

describe('validateMessages', () => {
  it('validates all 14 examples in one go: 12 valid, JW315 and JW318 not', async () => {
    const errors = await validateMessages(EXAMPLE_CODES.map((code) => enc(exampleText(code))));
    const invalid = EXAMPLE_CODES.filter((_, i) => errors[i]!.length > 0);
    expect(invalid).toEqual(['JW315', 'JW318']);
  });

  it('reports JW315 with line, element ToewijzingEinddatum and the bad value', async () => {
    const [errors] = await validateMessages([enc(exampleText('JW315'))]);
    expect(errors!.length).toBeGreaterThan(0);
    expect(errors![0]).toMatchObject({ line: 44, element: 'ToewijzingEinddatum', reason: expect.stringContaining('2027-06-31') });
    expect(errors![0]!.reason).not.toContain('{http');
  });

  it('reports JW318 at line 33, element RetourCode', async () => {
    const [errors] = await validateMessages([enc(exampleText('JW318'))]);
    expect(errors![0]).toMatchObject({ line: 33, element: 'RetourCode' });
  });

  it("validates against the XSD of the root's own message type, per file in a batch", async () => {
    // JW305 content under a JW301 root (namespace) must fail; the valid neighbour in the same call is unaffected.
    const disguised = exampleText('JW305').replace('/ijw/3_2/jw305/schema', '/ijw/3_2/jw301/schema');
    expect(sniff(enc(disguised))).toMatchObject({ ok: true, code: 'JW301' });
    const errors = await validateMessages([enc(disguised), enc(exampleText('JW301'))]);
    expect(errors[0]!.length).toBeGreaterThan(0);
    expect(errors[1]).toEqual([]);
  });

  it('splits xmllint output per file', () => {
    const raw = "m0.xml validates\nm1.xml:7: Schemas validity error : Element '{urn:x}Geslacht': [facet 'enumeration'] The value '5' is not an element of the set {'0', '1', '2'}.\nm1.xml fails to validate\n";
    const [a, b, c] = splitOutput(raw, 3);
    expect(a).toEqual([]);
    expect(b).toEqual([{ line: 7, element: 'Geslacht', reason: expect.stringContaining("The value '5'") }]);
    expect(c![0]!.reason).toMatch(/did not complete/);
    const [warned] = splitOutput("m0.xml:1: parser warning : Unsupported version '1.1'\nm0.xml validates\n", 1);
    expect(warned).toEqual([]);
  });
});

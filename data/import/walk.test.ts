// walk.ts scans XSD-valid documents with indexOf instead of a full XML parser. Checked here against saxes (a
// conforming parser, used the way walk.ts did before): every callback — paths, lines, captured values — for
// every official example and for documents full of what a scanner gets wrong (entities, character
// references, CRLF and CR line ends, comments, processing instructions, CDATA, '>' inside attribute values,
// self-closing tags, prefixes), and the same refusal of documents that are not well-formed.
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CODES, exampleText } from '../../test/fixtures/import/examples.js';
import { walk } from './walk.js';

/** The callbacks of a walk as text lines; a refusal as its line number. */
function trace(run: typeof walk, text: string, wanted: (path: string) => boolean): string[] {
  const out: string[] = [];
  try {
    run(text, wanted, (path, line) => out.push(`open ${path} @${line}`), (path, value) => out.push(`close ${path} = ${JSON.stringify(value)}`));
  } catch (e) {
    out.push(`refused @${(e as { errors?: { line: number | null }[] }).errors?.[0]?.line ?? '?'}`);
  }
  return out;
}

/** The reference: saxes with namespaces and positions, text events only (CDATA is not captured). */
function saxesWalk(text: string, wanted: (path: string) => boolean, open: (path: string, line: number) => void, close: (path: string, value: string | null) => void): void {
  const stack: string[] = [];
  let capture: string | null = null;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', () => {
    throw Object.assign(new Error('not well-formed'), { errors: [{ line: parser.line }] });
  });
  parser.on('opentag', (tag) => {
    if (stack.length === 0 && tag.local === 'Bericht') {
      stack.push('');
      return;
    }
    stack.push(tag.local);
    const path = stack.slice(1).join('/');
    open(path, parser.line);
    capture = wanted(path) ? '' : null;
  });
  parser.on('text', (t) => {
    if (capture !== null) capture += t;
  });
  parser.on('closetag', () => {
    const path = stack.slice(1).join('/');
    const value = capture?.trim() ?? null;
    capture = null;
    stack.pop();
    close(path, value);
  });
  parser.write(text).close();
}

const everything = (): boolean => true;
const some = (path: string): boolean => path.length % 3 !== 1;

const TRICKY = [
  '<?xml version="1.0"?>\r\n<a:Bericht xmlns:a="urn:x">\r\n<a:X>1 &amp; 2 &lt;3&gt; &#65;&#x42; &quot;&apos; &#x1F600;</a:X>\r\n' +
    '<a:Y attr="a>b" b=\'c"d\'>t<!-- c > --> u<a:Z/>v<?pi x?>w</a:Y><a:W />\r<a:V><![CDATA[cd<x>]]>after</a:V></a:Bericht>\n',
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- lead -->\n<?pi stuff?>\n<Bericht>\n  <A>  spaced\n text  </A>\n  <B\n  c="1"\n  />\n</Bericht>\n<!-- trailing -->',
  '<Other><A>x</A>\n<B>y</B></Other>',
  '<Bericht><A><B>inner</B>tail</A></Bericht>',
];
const BROKEN = ['<Bericht><A>x</A>', '<Bericht><A>x</Bericht>', '<Bericht><A attr="x>y</A></Bericht>'];

describe('walk', () => {
  it('gives the same callbacks as a conforming parser for every official example', () => {
    for (const code of EXAMPLE_CODES) {
      const text = exampleText(code);
      for (const wanted of [everything, some]) expect(trace(walk, text, wanted), code).toEqual(trace(saxesWalk, text, wanted));
      // The same document with Windows line ends.
      const crlf = text.replaceAll('\n', '\r\n');
      expect(trace(walk, crlf, everything), `${code} CRLF`).toEqual(trace(saxesWalk, crlf, everything));
    }
  });

  it('reads references, line ends, comments, CDATA and attributes as a conforming parser does', () => {
    for (const text of TRICKY) {
      for (const wanted of [everything, some]) expect(trace(walk, text, wanted)).toEqual(trace(saxesWalk, text, wanted));
    }
    // Spot checks worked out by hand on the first document.
    const t = trace(walk, TRICKY[0]!, everything);
    expect(t).toContain('close X = "1 & 2 <3> AB \\"\' 😀"');
    expect(t).toContain('open Y @4');
    expect(t).toContain('close Y/Z = ""'); // self-closing: opened and closed, empty
    expect(t).toContain('close Y = null'); // a child element ends the capture of its parent's text
    expect(t).toContain('close V = "after"'); // CDATA is not captured, the text after it is
  });

  it('refuses what is not well-formed, at a line', () => {
    for (const text of BROKEN) expect(trace(walk, text, everything).pop()).toMatch(/^refused @\d+$/);
  });
});

// The one streaming walk over an iJw message: element paths below the root Bericht, with the text of
// whitelisted elements only, so nothing else (names, addresses) is ever held in memory by a parser.
import { SaxesParser } from 'saxes';
import { ImportFileError, fileError } from './errors.js';

export /** Walks the document below the root Bericht. `wanted(path)` says which elements' text to capture; `close`
 *  receives every closing path with its captured text (null when not captured); `open` every opening path. */
function walk(text: string, wanted: (path: string) => boolean, open: (path: string, line: number) => void, close: (path: string, value: string | null) => void): void {
  const stack: string[] = [];
  let capture: string | null = null;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (err) => {
    throw new ImportFileError([fileError(`not well-formed XML: ${err.message}`, parser.line)]);
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

// The error shape every import step reports (matches `fileError` in core/contract/methods.ts).

export interface FileError {
  line: number | null;
  element: string | null;
  reason: string;
}

/** A file cannot be imported; carries where and why, so the analyst can find the spot in the file. */
export class ImportFileError extends Error {
  readonly errors: FileError[];
  constructor(errors: FileError[]) {
    super(errors.map(formatError).join('; '));
    this.name = 'ImportFileError';
    this.errors = errors;
  }
}

export function fileError(reason: string, line: number | null = null, element: string | null = null): FileError {
  return { line, element, reason };
}

export function formatError(e: FileError): string {
  const where = [e.line === null ? null : `line ${e.line}`, e.element].filter((p) => p !== null).join(', ');
  return where ? `${where}: ${e.reason}` : e.reason;
}

/** Quoted words after these name the schema (an element, a type, a facet), never the file's content. */
const SCHEMA_WORD_BEFORE = /(?:Element|element|attribute|type|facet|pattern)\s*$/;

/** Validator messages quote the offending value, which may be a BSN or a name. The report shown to the
 *  analyst keeps them (they need it to fix the file); what is written to the database does not. Quoted
 *  schema names (element, type, facet) stay, so the stored reason still says what was expected. */
export function redactError(e: FileError): FileError {
  const reason = e.reason.replace(/'[^']*'/g, (quoted: string, at: number, all: string) =>
    SCHEMA_WORD_BEFORE.test(all.slice(Math.max(0, at - 12), at)) ? quoted : "'…'",
  );
  return { ...e, reason };
}

// Elements that hold personal data (DOMAIN.md §3). A validator message about one of them would quote a BSN,
// a name or an address, so even the report shown on screen and printed by the CLI leaves the value out.
const PERSONAL_ELEMENTS = new Set([
  'Bsn', 'Achternaam', 'Voorvoegsel', 'Voornamen', 'Voorletters', 'Straatnaam', 'Huisnummer', 'Huisletter',
  'HuisnummerToevoeging', 'AanduidingWoonadres', 'Postcode', 'Plaatsnaam', 'Telefoonnummer', 'Landnummer',
  'Emailadres', 'Commentaar', 'Datum',
]);

export function reportableError(e: FileError): FileError {
  return e.element !== null && PERSONAL_ELEMENTS.has(e.element) ? redactError(e) : e;
}

/** The errors an import step threw: its own, or one naming the step and the exception. */
export function errorsOf(e: unknown, context: string): FileError[] {
  if (e instanceof ImportFileError) return e.errors;
  return [fileError(`${context}: ${e instanceof Error ? e.message : String(e)}`)];
}

/** What import_file.error keeps: the errors with quoted values redacted, as JSON. */
export function storedErrors(errors: FileError[]): string {
  return JSON.stringify(errors.map(redactError));
}

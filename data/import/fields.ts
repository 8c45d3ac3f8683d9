// Checks shared by the message parsers: a complete header, and required fields with a clear error.
import { ImportFileError, fileError } from './errors.js';
import type { MessageHeader } from './parse.js';

export type Fields = Map<string, string>;

export function headerOf(header: Partial<MessageHeader>): MessageHeader {
  for (const k of ['berichtCode', 'afzender', 'ontvanger', 'identificatie', 'dagtekening'] as const) {
    if (!header[k]) throw new ImportFileError([fileError(`the header has no ${k}`, null, 'Header')]);
  }
  return header as MessageHeader;
}

export function need(fields: Fields, name: string, line: number | null): string {
  const value = fields.get(name);
  if (value === undefined || value === '') {
    throw new ImportFileError([fileError(`${name} is missing; Spiegel cannot store the message without it`, line, name.split('/').pop()!)]);
  }
  return value;
}

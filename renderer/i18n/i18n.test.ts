import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Placeholders such as {{n}} and tags such as <code> must match, or one language shows a raw token. */
function tokens(text: string): string[] {
  return [...text.matchAll(/\{\{\s*\w+\s*\}\}|<\/?\w+>/g)].map((m) => m[0].replace(/\s/g, '')).sort();
}

describe('translations', () => {
  it('have the same keys in Dutch and English', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('use the same placeholders and tags in both languages', () => {
    const get = (obj: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    for (const key of keys(nl)) expect(tokens(get(en, key)), key).toEqual(tokens(get(nl, key)));
  });

  it('name every iJw 3.2 message type the importer reads', () => {
    const codes = ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'];
    for (const lang of [nl, en]) expect(Object.keys(lang.codes.messageType).sort()).toEqual(codes);
  });

  it('never use <link> in a Trans text: html-parse-stringify treats it as a void element and drops its content', () => {
    for (const lang of [nl, en]) expect(JSON.stringify(lang)).not.toMatch(/<link>/);
  });
});

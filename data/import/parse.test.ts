import { describe, expect, it } from 'vitest';
import { exampleText } from '../../test/fixtures/import/examples.js';
import { ImportFileError } from './errors.js';
import { parseMessage } from './parse.js';

const fakePseudonym = (bsn: string): string => `p(${bsn.length})`;
const PERSONAL = ['999900006', 'Galen', 'Van Woustraat', 'Wit', 'Tom', 'Bakker', 'Kerklaan', '9999', 'abc@def.com', '0201234567', 'Commentaar'];

describe('parseMessage', () => {
  it('reads JW301: header, client facts and both ToegewezenProducten', () => {
    const m = parseMessage(exampleText('JW301'), 'JW301', fakePseudonym);
    expect(m.header).toEqual({ berichtCode: '436', afzender: '0384', ontvanger: '42420001', identificatie: '123456789012', dagtekening: '2026-04-01' });
    // The client's contacts are Soort 03/04: no PC4. Relations' addresses never count.
    expect(m.client).toEqual({ pseudonym: 'p(9)', birthYear: 2010, birthMonth: 2, gender: '1', pc4: null });
    expect(m.code === 'JW301' && m.assignments).toEqual([
      {
        toewijzingNr: 300201, referentieAanbieder: '40A12341234', product: { category: '55', code: '55A11' },
        toewijzingsdatum: '2026-04-01', toewijzingstijd: '12:34:56', ingangsdatum: '2026-04-01', einddatum: '2026-07-14',
        redenWijziging: null, volume: 2, eenheid: '04', frequentie: '2', budget: null,
      },
      {
        toewijzingNr: 300202, referentieAanbieder: '40A12341235', product: { category: '55', code: '55A12' },
        toewijzingsdatum: '2026-04-01', toewijzingstijd: '12:34:56', ingangsdatum: '2026-04-01', einddatum: '2026-07-19',
        redenWijziging: null, volume: 2, eenheid: '16', frequentie: '2', budget: null,
      },
    ]);
  });

  it('keeps nothing personal in the returned records', () => {
    for (const code of ['JW301', 'JW305', 'JW307'] as const) {
      const json = JSON.stringify(parseMessage(exampleText(code), code, fakePseudonym));
      for (const s of PERSONAL) expect(json, `${code} leaks ${s}`).not.toContain(s);
    }
  });

  it('reads JW305 starts and JW307 stops', () => {
    const start = parseMessage(exampleText('JW305'), 'JW305', fakePseudonym);
    expect(start.header).toMatchObject({ afzender: '65656055', ontvanger: '0363' });
    expect(start.code === 'JW305' && start.starts).toEqual([
      { toewijzingNr: 300201, product: { category: '55', code: '55A11' }, begindatum: '2026-04-03', statusAanlevering: '1' },
      { toewijzingNr: 300202, product: { category: '55', code: '55A12' }, begindatum: '2026-04-15', statusAanlevering: '1' },
    ]);
    const stop = parseMessage(exampleText('JW307'), 'JW307', fakePseudonym);
    expect(stop.code === 'JW307' && stop.stops[0]).toEqual({
      toewijzingNr: 300201, product: { category: '55', code: '55A11' }, begindatum: '2026-04-03', einddatum: '2026-07-17',
      redenBeeindiging: '31', statusAanlevering: '1',
    });
  });

  it('strips leading zeros from ToewijzingNummer', () => {
    const m = parseMessage(exampleText('JW305').replace('>300201<', '>000300201<'), 'JW305', fakePseudonym);
    expect(m.code === 'JW305' && m.starts[0]!.toewijzingNr).toBe(300201);
  });

  it("takes PC4 only from the client's own Soort 01 contact", () => {
    // Make the client's first contact a BRP address and give a relation one too: only the client's counts.
    let xml = exampleText('JW301');
    const clientContacts = xml.indexOf('<jw301:Contactgegevens>');
    xml = xml.slice(0, clientContacts) + xml.slice(clientContacts).replace('<jw301:Soort>03</jw301:Soort>', '<jw301:Soort>01</jw301:Soort>')
      .replace('<ijw:Postcode>9999XX</ijw:Postcode>', '<ijw:Postcode>6711 AB</ijw:Postcode>');
    xml = xml.replace('<jw301:Soort>03</jw301:Soort>', '<jw301:Soort>01</jw301:Soort>'); // the relation's contact
    const m = parseMessage(xml, 'JW301', fakePseudonym);
    expect(m.client.pc4).toBe('6711');
    const relationOnly = exampleText('JW301').replace('<jw301:Soort>03</jw301:Soort>', '<jw301:Soort>01</jw301:Soort>');
    expect(parseMessage(relationOnly, 'JW301', fakePseudonym).client.pc4).toBeNull();
  });

  it('honours DatumGebruik: 2 keeps only the year, 3 nothing', () => {
    const withUse = (v: string): string =>
      exampleText('JW305').replace('<ijw:Datum>2010-02-14</ijw:Datum>', `<ijw:Datum>2010-02-14</ijw:Datum><ijw:DatumGebruik>${v}</ijw:DatumGebruik>`);
    expect(parseMessage(withUse('1'), 'JW305', fakePseudonym).client).toMatchObject({ birthYear: 2010, birthMonth: 2 });
    expect(parseMessage(withUse('2'), 'JW305', fakePseudonym).client).toMatchObject({ birthYear: 2010, birthMonth: null });
    expect(parseMessage(withUse('3'), 'JW305', fakePseudonym).client).toMatchObject({ birthYear: null, birthMonth: null });
  });

  it('refuses a product without Product (the XSD allows it, the store cannot hold it)', () => {
    const xml = exampleText('JW305').replace(/<jw305:Product>[\s\S]*?<\/jw305:Product>/, '');
    expect(() => parseMessage(xml, 'JW305', fakePseudonym)).toThrow(ImportFileError);
    try {
      parseMessage(xml, 'JW305', fakePseudonym);
    } catch (e) {
      expect((e as ImportFileError).errors[0]).toMatchObject({ element: 'Categorie', line: expect.any(Number) });
    }
  });
});

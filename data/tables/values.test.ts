// Cell readers on values worked out by hand from the Dutch conventions they implement.
import { describe, expect, it } from 'vitest';
import * as v from './values.js';

const value = <T>(r: v.Read<T>): T | string => (r.ok ? r.value : `✗ ${r.expected}`);

describe('Dutch numbers', () => {
  it('reads a decimal comma, dot thousands, and a dot decimal only when it cannot be thousands', () => {
    expect(value(v.readNumber('1.234,5'))).toBe(1234.5);
    expect(value(v.readNumber('1.234'))).toBe(1234); // Dutch first: a dot before 3 digits is a thousands mark
    expect(value(v.readNumber('12.345.678'))).toBe(12345678);
    expect(value(v.readNumber('0,25'))).toBe(0.25);
    expect(value(v.readNumber('1.5'))).toBe(1.5);
    expect(value(v.readNumber('-3'))).toBe(-3);
    expect(value(v.readNumber('€ 1.234,56'))).toBe(1234.56);
    expect(value(v.readNumber('1,234.5'))).toBe(1234.5);
    expect(v.readNumber('1,2,3').ok).toBe(false);
    expect(v.readNumber('abc').ok).toBe(false);
  });

  it('reads whole numbers and euro amounts in cents', () => {
    expect(value(v.readWholeNumber('11.821'))).toBe(11821);
    expect(v.readWholeNumber('1,5').ok).toBe(false);
    expect(v.readWholeNumber('-1').ok).toBe(false);
    expect(value(v.readEuroCents('1.234,56'))).toBe(123456);
    expect(value(v.readEuroCents('12,5'))).toBe(1250);
    expect(v.readEuroCents('1,234').ok).toBe(false); // 1.234 euro: a tenth of a cent
  });

  it('treats <5 as suppressed, never as 0, and an empty cell as no figure', () => {
    expect(value(v.readCount('<5'))).toEqual({ value: null, suppressed: true });
    expect(value(v.readCount('< 10'))).toEqual({ value: null, suppressed: true });
    expect(value(v.readCount('0'))).toEqual({ value: 0, suppressed: false });
    expect(value(v.readCount(''))).toEqual({ value: null, suppressed: false });
    expect(value(v.readCount('1.204'))).toEqual({ value: 1204, suppressed: false });
    expect(v.readCount('5<').ok).toBe(false);
  });
});

describe('dates and years', () => {
  it('reads dd-mm-jjjj and jjjj-mm-dd and refuses impossible dates', () => {
    expect(value(v.readDate('01-07-2024'))).toBe('2024-07-01');
    expect(value(v.readDate('1-7-2024'))).toBe('2024-07-01');
    expect(value(v.readDate('31/12/2023'))).toBe('2023-12-31');
    expect(value(v.readDate('2024-02-29'))).toBe('2024-02-29');
    expect(v.readDate('29-02-2023').ok).toBe(false);
    expect(v.readDate('31-02-2024').ok).toBe(false);
    expect(v.readDate('07/01/24').ok).toBe(false);
    expect(value(v.readDateOrYear('2022'))).toBe('2022-01-01');
  });

  it('reads years as CBS writes them, and only 1 January as a date', () => {
    expect(value(v.readYear('2024'))).toBe(2024);
    expect(value(v.readYear('2024JJ00'))).toBe(2024);
    expect(value(v.readYear('1-1-2024'))).toBe(2024);
    expect(v.readYear('31-12-2023').ok).toBe(false);
  });

  it('reads school years', () => {
    expect(value(v.readSchoolYear('2024-2025'))).toBe('2024-2025');
    expect(value(v.readSchoolYear('2024/25'))).toBe('2024-2025');
    expect(value(v.readSchoolYear('1999-00'))).toBe('1999-2000');
    expect(v.readSchoolYear('2024-2026').ok).toBe(false);
    expect(v.readSchoolYear('2024').ok).toBe(false);
  });
});

describe('codes, ages and persons', () => {
  it('reads ages and CBS age groups ("tot" excludes its end)', () => {
    expect(value(v.readAge('7'))).toEqual({ from: 7, to: 7 });
    expect(value(v.readAge('7 jaar'))).toEqual({ from: 7, to: 7 });
    expect(value(v.readAge('0 tot 5 jaar'))).toEqual({ from: 0, to: 4 });
    expect(value(v.readAge('4 t/m 11'))).toEqual({ from: 4, to: 11 });
    expect(value(v.readAge('12-17'))).toEqual({ from: 12, to: 17 });
    expect(value(v.readAge('95 jaar of ouder'))).toEqual({ from: 95, to: null });
    expect(value(v.readAge('23+'))).toEqual({ from: 23, to: null });
    expect(value(v.readAge('Totaal'))).toEqual({ from: 0, to: null });
    expect(v.readAge('11-4').ok).toBe(false);
  });

  it('pads municipality codes, strips GM, and finds CBS names', () => {
    expect(value(v.readMunicipality('285'))).toBe('0285');
    expect(value(v.readMunicipality('GM0228'))).toBe('0228');
    expect(value(v.readMunicipality('Ede'))).toBe('0228');
    expect(value(v.readMunicipality("'s-Gravenhage"))).toBe('0518');
    expect(v.readMunicipality('Nergenshuizen').ok).toBe(false);
  });

  it('reads vestigingscodes, PC4 and segments', () => {
    expect(value(v.readVestigingscode('32jk00'))).toBe('32JK00');
    expect(v.readVestigingscode('32JK').ok).toBe(false);
    expect(value(v.readPostcode('9306 TC'))).toBe('9306');
    expect(value(v.readSegmentCell('Wonen (pleegzorg / gezinsgericht)'))).toBe('wonen');
    expect(value(v.readSegmentCell('JB/JR'))).toBe('jbjr');
    expect(v.readSegmentCell('ambulant').ok).toBe(false);
  });

  it('checks BSNs with the 11-test, restores a dropped leading zero, and never repeats the value', () => {
    // 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 − 2 = 110 = 10 × 11
    expect(value(v.readBsn('012345672'))).toBe('012345672');
    expect(value(v.readBsn('12345672'))).toBe('012345672');
    const bad = v.readBsn('123456789');
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain('123456789');
    expect(v.readBsn('12 345 672').ok).toBe(false);
  });

  it('reads booleans the Dutch way', () => {
    expect([v.readBoolean('ja'), v.readBoolean('Nee'), v.readBoolean('x'), v.readBoolean('0')].map(value)).toEqual([true, false, true, false]);
    expect(v.readBoolean('misschien').ok).toBe(false);
  });
});

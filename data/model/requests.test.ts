// Request lead time and referrer (DOMAIN.md §8) on imported messages: links, working days, order of import.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textInput } from '../../test/fixtures/import/examples.js';
import { jw301, jw315, jw317, jw319 } from '../../test/fixtures/import/requests.js';
import { importFiles, type ImportInput } from '../import/importer.js';
import { DERIVED_REFERRER, loadRequestLinks, referrerOfAssignment, workingDaysBetween } from './requests.js';
import { closeTempStore, openTempStore } from '../../test/fixtures/import/store.js';

let dir: string;
let db: Database.Database;
let key: Buffer;
const run = async (inputs: ImportInput[]): Promise<void> => {
  const report = await importFiles(db, inputs, { key, appVersion: 'test' });
  expect(report.files.map((f) => f.status)).toEqual(inputs.map(() => 'imported'));
};

beforeEach(() => ({ dir, db, key } = openTempStore('spiegel-requests-')));
afterEach(() => closeTempStore(db, dir));

describe('workingDaysBetween', () => {
  it('counts Mon–Fri days after the start day up to and including the end day; holidays are not excluded', () => {
    // Friday 2026-04-03 → Wednesday 2026-04-08: Sat 4 and Sun 5 do not count; Mon 6 (Easter Monday — counted,
    // holidays are not excluded), Tue 7 and Wed 8 do: 3.
    expect(workingDaysBetween('2026-04-03', '2026-04-08')).toBe(3);
    expect(workingDaysBetween('2026-04-03', '2026-04-03')).toBe(0); // same day
    expect(workingDaysBetween('2026-04-03', '2026-04-06')).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2026-04-04', '2026-04-05')).toBe(0); // Saturday → Sunday
    expect(workingDaysBetween('2026-04-04', '2026-04-06')).toBe(1); // Saturday → Monday
    expect(workingDaysBetween('2026-04-01', '2026-04-29')).toBe(20); // four whole weeks
    expect(workingDaysBetween('2025-12-29', '2026-01-05')).toBe(5); // over a year end (Mon → Mon)
    expect(workingDaysBetween('2026-04-08', '2026-04-03')).toBe(0); // response before request: never linked, 0 here
  });
});

describe('loadRequestLinks', () => {
  const request = (): ImportInput => textInput('JW315.xml', jw315({ dagtekening: '2026-04-03' })); // a Friday
  const assignment = (): ImportInput => textInput('JW301.xml', jw301({ dagtekening: '2026-04-08' })); // the Wednesday after

  it('links a JW315 to the first JW301 with the same provider + ReferentieAanbieder, in working days', async () => {
    await run([request(), assignment()]);
    expect(loadRequestLinks(db)).toEqual([
      {
        municipality: '0384', provider: '42420001', referentieAanbieder: '40A12341234', code: 'JW315', identificatie: '123456789012',
        dagtekening: '2026-04-03', verwijzerType: '01', firstResponse: { code: 'JW301', dagtekening: '2026-04-08' }, workingDays: 3,
      },
      {
        municipality: '0384', provider: '42420001', referentieAanbieder: '40A12341235', code: 'JW315', identificatie: '123456789012',
        dagtekening: '2026-04-03', verwijzerType: '02', firstResponse: { code: 'JW301', dagtekening: '2026-04-08' }, workingDays: 3,
      },
    ]);
  });

  it('gives the same links when the JW301 is imported before the JW315', async () => {
    await run([assignment()]);
    await run([request()]);
    const links = loadRequestLinks(db);
    expect(links.map((l) => [l.referentieAanbieder, l.firstResponse, l.workingDays])).toEqual([
      ['40A12341234', { code: 'JW301', dagtekening: '2026-04-08' }, 3],
      ['40A12341235', { code: 'JW301', dagtekening: '2026-04-08' }, 3],
    ]);
  });

  it('takes the earliest response on or after the request, and ignores responses before it', async () => {
    await run([
      textInput('early.xml', jw301({ identificatie: 'EARLY', dagtekening: '2026-03-20' })), // before the request: not an answer
      request(),
      textInput('late.xml', jw301({ identificatie: 'LATE', dagtekening: '2026-04-20' })),
      assignment(),
    ]);
    expect(loadRequestLinks(db).map((l) => l.firstResponse)).toEqual([
      { code: 'JW301', dagtekening: '2026-04-08' }, { code: 'JW301', dagtekening: '2026-04-08' },
    ]);
  });

  it('links a request answered by a JW319, and leaves an unanswered request without a response', async () => {
    // The JW317 example: provider 65656055, ReferentieAanbieder 9003, Dagtekening 2026-01-02 (a Friday).
    await run([
      textInput('JW319.xml', jw319({ dagtekening: '2026-01-09' })), // answer first: order does not matter
      textInput('JW317.xml', jw317()),
      textInput('JW315.xml', jw315({ dagtekening: '2026-04-03' })),
    ]);
    const links = loadRequestLinks(db);
    expect(links.map((l) => [l.code, l.referentieAanbieder, l.verwijzerType, l.firstResponse, l.workingDays])).toEqual([
      ['JW317', '9003', null, { code: 'JW319', dagtekening: '2026-01-09' }, 5],
      ['JW315', '40A12341234', '01', null, null],
      ['JW315', '40A12341235', '02', null, null],
    ]);
  });

  it('does not link a response for another provider or ReferentieAanbieder', async () => {
    await run([
      textInput('JW317.xml', jw317()),
      textInput('other-provider.xml', jw319({ identificatie: 'A', dagtekening: '2026-01-05', provider: '12345678' })),
      textInput('other-ref.xml', jw319({ identificatie: 'B', dagtekening: '2026-01-05', referentieAanbieder: '9004' })),
    ]);
    expect(loadRequestLinks(db).map((l) => l.firstResponse)).toEqual([null]);
  });

  it('prefers a JW301 over a JW319 on the same day', async () => {
    const reqFor301 = jw315({ dagtekening: '2026-04-03' });
    const answer = jw319({ dagtekening: '2026-04-08', provider: '42420001', referentieAanbieder: '40A12341234' });
    await run([textInput('JW315.xml', reqFor301), textInput('JW319.xml', answer), assignment()]);
    expect(loadRequestLinks(db)[0]!.firstResponse).toEqual({ code: 'JW301', dagtekening: '2026-04-08' });
  });
});

describe('referrerOfAssignment', () => {
  it('takes the Verwijzer of the linked JW315, else "01 gemeentelijke toegang (afgeleid)"', async () => {
    await run([textInput('JW315.xml', jw315({ dagtekening: '2026-04-03' })), textInput('JW301.xml', jw301({ dagtekening: '2026-04-08' }))]);
    expect(referrerOfAssignment(db)).toEqual([
      { municipality: '0384', toewijzingNr: 300201, verwijzerType: '01', zorgverlenerCode: null, derived: false, label: '01' },
      { municipality: '0384', toewijzingNr: 300202, verwijzerType: '02', zorgverlenerCode: '12345678', derived: false, label: '02' },
    ]);
  });

  it('derives the municipality\'s access team when no JW315 precedes the assignment', async () => {
    // The JW315 comes after the JW301: it cannot be the request that led to it.
    await run([textInput('JW301.xml', jw301({ dagtekening: '2026-04-01' })), textInput('JW315.xml', jw315({ dagtekening: '2026-04-03' }))]);
    expect(referrerOfAssignment(db).map((r) => [r.toewijzingNr, r.verwijzerType, r.derived, r.label])).toEqual([
      [300201, '01', true, DERIVED_REFERRER], [300202, '01', true, DERIVED_REFERRER],
    ]);
    expect(DERIVED_REFERRER).toBe('01 gemeentelijke toegang (afgeleid)');
  });
});

import { describe, expect, it } from 'vitest';
import { encode, fail, ok } from './envelope.js';
import { leavesNoDatabase } from './system.js';

describe('which replies leave the data process without a database', () => {
  it('an ok erase and an ok restore do; their failures do not', () => {
    expect(leavesNoDatabase('system/erase', encode(ok({ removed: ['/x/spiegel.db'] })))).toBe(true);
    expect(leavesNoDatabase('settings/restore-backup', encode(ok({})))).toBe(true);
    expect(leavesNoDatabase('system/erase', encode(fail('busy', 'an import is running')))).toBe(false);
    expect(leavesNoDatabase('settings/restore-backup', encode(fail('not-found', 'no backup')))).toBe(false);
  });

  it('no other call does, and an unreadable reply does not', () => {
    expect(leavesNoDatabase('query/pivot', encode(ok({})))).toBe(false);
    expect(leavesNoDatabase('system/erase', 'not json')).toBe(false);
  });
});

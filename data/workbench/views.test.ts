// Saved views on a real database file: saved in normal form, listed by name, the same name replaces (and
// keeps its id), deleted by id; a stored query that no longer fits the contract is kept but not offered.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.js';
import { workbenchHandlers } from './handlers.js';

function open() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'spiegel-views-')), 'spiegel.db'));
  let clock = Date.parse('2025-04-01T09:00:00Z');
  const handlers = workbenchHandlers(db, async () => { throw new Error('no pivots in this test'); }, () => new Date((clock += 60_000)));
  return { db, handlers };
}

describe('views/*', () => {
  it('stores the normal form of the query and lists views by name', async () => {
    const { db, handlers } = open();
    const saved = await handlers['views/save']({
      name: '  Meisjes 12-17 per gemeente ',
      query: { rows: ['municipality'], filters: [['gender', '==', '2'], ['ageband', 'in', ['12-17', '12-17']]] },
      chart: 'bar',
    });
    const normal = {
      rows: ['municipality'], cols: [], measures: ['clients'],
      filters: [['ageband', 'in', ['12-17']], ['gender', '==', '2']],
      sort: { by: 'key', dir: 'asc' }, showAs: 'value', compare: 'none', per1000: false, suppress: true,
    };
    expect(saved).toEqual({ id: saved.id, name: 'Meisjes 12-17 per gemeente', query: normal, chart: 'bar', updatedAt: '2025-04-01T09:01:00.000Z' });
    const row = db.prepare('SELECT query_json FROM saved_view').pluck().get() as string;
    expect(JSON.parse(row)).toEqual(normal);
    await handlers['views/save']({ name: 'aanbieders', query: { rows: ['provider'], cols: ['year'], measures: ['claimed', 'claimed'] } });
    await handlers['views/save']({ name: 'Zorg per maand', query: { rows: ['month'] }, chart: 'line' });
    const list = await handlers['views/list']({});
    expect(list.map((v) => [v.name, v.chart])).toEqual([['aanbieders', 'none'], ['Meisjes 12-17 per gemeente', 'bar'], ['Zorg per maand', 'line']]);
    expect(list[0]!.query.measures).toEqual(['claimed']);
  });

  it('replaces a view saved under the same name and keeps its id', async () => {
    const { db, handlers } = open();
    const first = await handlers['views/save']({ name: 'Ede', query: { rows: ['year'] }, chart: 'line' });
    const second = await handlers['views/save']({ name: 'Ede', query: { rows: ['segment'], cols: ['year'], showAs: 'row' } });
    expect(second.id).toBe(first.id);
    expect(second.chart).toBe('none');
    expect(second.updatedAt > first.updatedAt).toBe(true);
    const list = await handlers['views/list']({});
    expect(list).toEqual([second]);
    expect(list[0]!.query.showAs).toBe('row');
    expect(db.prepare('SELECT COUNT(*) FROM saved_view').pluck().get()).toBe(1);
  });

  it('deletes by id and says whether anything was deleted', async () => {
    const { handlers } = open();
    const a = await handlers['views/save']({ name: 'a', query: { rows: ['year'] } });
    const b = await handlers['views/save']({ name: 'b', query: { rows: ['year'] } });
    expect(await handlers['views/delete']({ id: a.id })).toEqual({ deleted: true });
    expect(await handlers['views/delete']({ id: a.id })).toEqual({ deleted: false });
    expect((await handlers['views/list']({})).map((v) => v.id)).toEqual([b.id]);
  });

  it('keeps a stored view whose query no longer fits, but does not offer it', async () => {
    const { db, handlers } = open();
    await handlers['views/save']({ name: 'goed', query: { rows: ['year'] } });
    db.prepare("INSERT INTO saved_view (name, query_json, chart, updated_at) VALUES ('oud', '{\"rows\":[\"bsn\"]}', 'none', '2024-01-01T00:00:00Z')").run();
    expect((await handlers['views/list']({})).map((v) => v.name)).toEqual(['goed']);
    expect(db.prepare('SELECT COUNT(*) FROM saved_view').pluck().get()).toBe(2);
  });

  it('refuses what the schema forbids: a second row with one name, an unknown chart, a query that is not JSON', () => {
    const { db } = open();
    const insert = db.prepare("INSERT INTO saved_view (name, query_json, chart, updated_at) VALUES (?, ?, ?, '2025-01-01')");
    insert.run('x', '{}', 'bar');
    expect(() => insert.run('x', '{}', 'bar')).toThrow(/UNIQUE/);
    expect(() => insert.run('y', '{}', 'pie')).toThrow(/CHECK/);
    expect(() => insert.run('z', 'not json', 'bar')).toThrow(/CHECK/);
    expect(() => insert.run('  ', '{}', 'bar')).toThrow(/CHECK/);
  });
});

// The settings/* calls of the contract (core/contract/settings.ts).
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import type { SettingsResult } from '../../core/contract/settings.js';
import { backupDir, listBackups, restoreLastBackup } from '../db/backup.js';
import { getSetting, latestDagtekening } from '../model/load.js';
import { peildatumFrom } from '../model/peildatum.js';
import { PEILDATUM_KEY, THRESHOLD_KEY, putSetting, suppressionThreshold } from './store.js';

type SettingsMethods = 'settings/get' | 'settings/set' | 'settings/restore-backup' | 'settings/choose-folder';
export type SettingsHandlers = Pick<Handlers, SettingsMethods>;

export interface SettingsContext {
  db: Database.Database;
  dbFile: string;
  home: string;
  /** The desktop app passed the key (kept encrypted by the OS in pseudonym.key.enc). */
  keyFromDesktop: boolean;
  desktop: boolean;
  today: () => string;
  /** True while an import runs (its transaction holds the database). */
  busy: () => boolean;
  /** Drops the derived model and announces data/changed: views and exports pick up the new settings. */
  changed: () => void;
  /** Closes the database and drops what the service holds in memory. */
  close: () => void;
}

export function settingsHandlers(ctx: SettingsContext): SettingsHandlers {
  const { db } = ctx;
  let closed = false;
  const read = (): SettingsResult => {
    const override = getSetting(db, PEILDATUM_KEY);
    const derived = peildatumFrom(latestDagtekening(db, ctx.today()), null);
    const home = resolve(ctx.home);
    return {
      suppressionThreshold: suppressionThreshold(db),
      peildatum: { override, derived, effective: peildatumFrom(derived, override) },
      locations: {
        home,
        database: resolve(ctx.dbFile),
        backups: resolve(backupDir(ctx.dbFile)),
        key: join(home, ctx.keyFromDesktop ? 'pseudonym.key.enc' : 'pseudonym.key'),
        keyProtectedByOs: ctx.keyFromDesktop,
        demo: getSetting(db, 'synthetic') === '1',
      },
      backups: listBackups(ctx.dbFile).map((b) => ({ at: b.at, version: b.version })),
      desktop: ctx.desktop,
    };
  };
  return {
    async 'settings/get'() {
      return read();
    },
    async 'settings/set'(args) {
      if (ctx.busy()) throw new ApiFailure('busy', 'an import is running; change settings after it has finished');
      db.transaction(() => {
        if (args.suppressionThreshold !== undefined) putSetting(db, THRESHOLD_KEY, String(args.suppressionThreshold));
        if (args.peildatum !== undefined) putSetting(db, PEILDATUM_KEY, args.peildatum);
      })();
      ctx.changed();
      return read();
    },
    async 'settings/restore-backup'() {
      if (ctx.busy()) throw new ApiFailure('busy', 'an import is running; cancel it before restoring a backup');
      if (listBackups(ctx.dbFile).length === 0) throw new ApiFailure('not-found', `there is no backup in ${backupDir(ctx.dbFile)}`);
      if (!closed) ctx.close();
      closed = true;
      const { backup, damagedKeptAt } = restoreLastBackup(ctx.dbFile);
      return { restoredFrom: backup.at, version: backup.version, previousKeptAt: damagedKeptAt };
    },
    async 'settings/choose-folder'() {
      // The desktop shell answers this call itself (electron/home.ts); reaching the data process means a browser host.
      throw new ApiFailure('bad-request', 'only the desktop app can choose another folder; start Spiegel with --home DIR or SPIEGEL_HOME=DIR');
    },
  };
}

// The settings of one store (issue 11): the suppression threshold and the peildatum override, where the
// data lives, and restoring the last backup. Language stays in the renderer (it is per window, not per
// store); reference tables are listed by tables/list. data/settings implements these calls.
import { z } from 'zod';

/** DOMAIN.md §3: cells of 1–4 clients never leave, so the threshold can be raised but never set below 5. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const MIN_SUPPRESSION_THRESHOLD = 5;
/** Above 50 almost every cell of a municipality-level table would be hidden; a typo (500) should not do that. */
export const MAX_SUPPRESSION_THRESHOLD = 50;

/** The words the caller must send to restore, as for system/erase: the current store is set aside. */
export const RESTORE_CONFIRMATION = 'restore-last-backup';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'a date that exists');

export const settingsResult = z
  .object({
    suppressionThreshold: z.number().int(),
    peildatum: z
      .object({
        override: isoDate.nullable(), // the analyst's own reference date, or null
        derived: isoDate.nullable(), // what the data gives without one (last day of the latest Dagtekening's month)
        effective: isoDate.nullable(),
      })
      .strict(),
    // Where everything is kept (docs/PRIVACY.md §2), absolute paths.
    locations: z
      .object({
        home: z.string(),
        database: z.string(),
        backups: z.string(),
        key: z.string(),
        keyProtectedByOs: z.boolean(), // the desktop app with an OS key store: pseudonym.key.enc
        demo: z.boolean(), // the open store is the synthetic demo region (no data of one's own yet)
      })
      .strict(),
    backups: z.array(z.object({ at: z.string(), version: z.number().int() }).strict()), // newest first
    desktop: z.boolean(), // the desktop app (a folder can be chosen) or the browser host (--home, SPIEGEL_HOME)
  })
  .strict();
export type SettingsResult = z.infer<typeof settingsResult>;

export const settingsSetArgs = z
  .object({
    suppressionThreshold: z.number().int().min(MIN_SUPPRESSION_THRESHOLD).max(MAX_SUPPRESSION_THRESHOLD).optional(),
    peildatum: isoDate.nullable().optional(), // null removes the override
  })
  .strict();
export type SettingsSetArgs = z.infer<typeof settingsSetArgs>;

export const settingsMethods = {
  'settings/get': { args: z.object({}).strict(), result: settingsResult },
  // Stores the given settings in the database and announces data/changed: every view and export then uses them.
  'settings/set': { args: settingsSetArgs, result: settingsResult },
  // Puts the newest backup in place of the store (the current file is kept beside the backups). Like an erase,
  // the data process closes the database and answers nothing but errors afterwards: the app restarts it.
  'settings/restore-backup': {
    args: z.object({ confirm: z.literal(RESTORE_CONFIRMATION) }).strict(),
    result: z.object({ restoredFrom: z.string(), version: z.number().int(), previousKeptAt: z.string().nullable() }).strict(),
  },
  // The desktop app asks for another data folder (main shows the OS dialog, remembers the choice and restarts
  // the data process there). The browser host cannot: it answers with how to start on another folder.
  'settings/choose-folder': {
    args: z.object({}).strict(),
    result: z.object({ home: z.string().nullable() }).strict(), // null: the dialog was cancelled
  },
} as const;

// The data folder of the desktop app: SPIEGEL_HOME when set (as for the CLI and the browser host), else the
// folder the analyst chose in Instellingen, else ~/.spiegel. The choice is remembered in Electron's userData
// (not in the data folder itself, which is what changes). Main answers settings/choose-folder itself: the OS
// folder dialog lives there; the data process is then restarted on the new folder.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { encode, fail, ok } from '../core/contract/envelope.js';

export const HOME_CHOICE_FILE = 'data-folder.json';

/** The folder chosen earlier, or null (none, or a file that is not ours to trust). */
export function chosenHome(userData: string): string | null {
  const file = join(userData, HOME_CHOICE_FILE);
  if (!existsSync(file)) return null;
  try {
    const home = (JSON.parse(readFileSync(file, 'utf8')) as { home?: unknown }).home;
    return typeof home === 'string' && isAbsolute(home) ? home : null;
  } catch {
    return null;
  }
}

export function rememberHome(userData: string, home: string): void {
  mkdirSync(userData, { recursive: true });
  const file = join(userData, HOME_CHOICE_FILE);
  writeFileSync(`${file}.writing`, JSON.stringify({ home }), { mode: 0o600 });
  renameSync(`${file}.writing`, file);
}

export interface FolderDialog {
  showOpenDialog(options: { title: string; defaultPath: string; properties: ('openDirectory' | 'createDirectory')[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface ChooseContext {
  dialog: FolderDialog | undefined;
  /** SPIEGEL_HOME fixes the folder: a choice would be ignored at the next start. */
  fixedByEnvironment: boolean;
  current: () => string;
  /** True while the data process is importing (its transaction holds the database). */
  importing: () => Promise<boolean>;
  /** Switches to the folder: remembers it and restarts the data process there. */
  switchTo: (home: string) => void;
}

/** The encoded reply to settings/choose-folder. */
export async function chooseFolder(ctx: ChooseContext): Promise<string> {
  if (ctx.fixedByEnvironment) return encode(fail('bad-request', 'SPIEGEL_HOME sets the data folder; change or remove it to choose another'));
  if (!ctx.dialog) return encode(fail('bad-request', 'no folder dialog available'));
  if (await ctx.importing()) return encode(fail('busy', 'an import is running; choose another folder after it has finished'));
  const picked = await ctx.dialog.showOpenDialog({ title: 'Gegevensmap van Spiegel', defaultPath: ctx.current(), properties: ['openDirectory', 'createDirectory'] });
  const home = picked.canceled ? undefined : picked.filePaths[0];
  if (!home) return encode(ok({ home: null }));
  if (home !== ctx.current()) ctx.switchTo(home);
  return encode(ok({ home }));
}

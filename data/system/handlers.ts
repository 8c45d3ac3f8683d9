// The system/* calls of the contract (core/contract/system.ts).
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import { eraseAll } from './erase.js';

export interface SystemContext {
  dbFile: string;
  home: string;
  /** True while an import runs (its transaction holds the database). */
  busy: () => boolean;
  /** Closes the database and drops what the service holds in memory. */
  close: () => void;
}

export function systemHandlers(ctx: SystemContext): Pick<Handlers, 'system/erase'> {
  let erased = false;
  return {
    async 'system/erase'() {
      if (ctx.busy()) throw new ApiFailure('busy', 'an import is running; cancel it before erasing all data');
      if (!erased) ctx.close();
      erased = true;
      return { removed: eraseAll({ dbFile: ctx.dbFile, home: ctx.home }) };
    },
  };
}

// The workbench methods of the contract (core/contract/workbench.ts) that need no engine of their own:
// export/pivot (through the engine the service passes in) and the saved views. query/drill is the service's.
import type Database from 'better-sqlite3';
import type { Handlers } from '../../core/contract/methods.js';
import { exportPivot, type RunQuery } from './export.js';
import { deleteView, listViews, saveView } from './views.js';

export type WorkbenchHandlers = Pick<Handlers, 'export/pivot' | 'views/list' | 'views/save' | 'views/delete'>;

export function workbenchHandlers(db: Database.Database, runQuery: RunQuery, now: () => Date = () => new Date()): WorkbenchHandlers {
  return {
    async 'export/pivot'(args) {
      return exportPivot(runQuery, args);
    },
    async 'views/list'() {
      return listViews(db);
    },
    async 'views/save'(args) {
      return saveView(db, args.name, args.query, args.chart ?? 'none', now());
    },
    async 'views/delete'(args) {
      return { deleted: deleteView(db, args.id) };
    },
  };
}

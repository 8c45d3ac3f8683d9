// Entry of the data worker thread (browser host and CLI): registers tsx, then runs data/worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('../data/worker.ts');

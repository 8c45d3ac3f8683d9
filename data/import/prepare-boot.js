// Entry of an import worker thread (pool.ts): the sources are TypeScript, so register tsx first (as
// bin/worker.js does for the data worker), then run prepare-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');

// The contract's zod schemas are built when core/contract loads. Zod then probes `new Function` to
// decide on its JIT, and under our CSP (no unsafe-eval) that probe is a CSP violation. Switching
// the JIT off before any schema exists keeps the renderer eval-free. Import this module first.
import { config } from 'zod';

config({ jitless: true });

// Runs one request against a Handlers implementation: validate, call, validate the result, wrap.
// Every transport ends here, so errors look the same whichever way a call arrived.
import { checkRequest } from './api.js';
import { fail, ok, type Result } from './envelope.js';
import { methods, type Handlers } from './methods.js';

export class ApiFailure extends Error {
  constructor(
    readonly code: 'not-found' | 'import-failed' | 'import-cancelled' | 'cancelled' | 'busy' | 'database-too-new' | 'database-damaged' | 'bad-request',
    message: string,
  ) {
    super(message);
  }
}

export async function dispatch(handlers: Handlers, method: unknown, args: unknown): Promise<Result<unknown>> {
  const req = checkRequest(method, args);
  if (!req.ok) return req;
  try {
    const handler = handlers[req.value.method] as (a: unknown) => Promise<unknown>;
    const value = await handler(req.value.args);
    const checked = methods[req.value.method].result.safeParse(value);
    if (!checked.success) return fail('invalid-result', `${req.value.method}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    return ok(checked.data);
  } catch (e) {
    if (e instanceof ApiFailure) return fail(e.code, e.message);
    return fail('internal', (e as Error).message);
  }
}

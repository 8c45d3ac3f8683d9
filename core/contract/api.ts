// What the renderer sees as window.spiegel, whatever the transport.
import { decode, encode, fail, type Result } from './envelope.js';
import { isMethodName, methods, type ArgsOf, type EventName, type MethodName, type ResultOf } from './methods.js';

export interface SpiegelApi {
  invoke<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<Result<ResultOf<M>>>;
  onEvent(listener: (event: EventName) => void): () => void;
}

/** A transport moves one encoded request and returns one encoded result. */
export type RawTransport = (method: string, encodedArgs: string) => Promise<string>;

/** Validate a request at a trust boundary (IPC main, HTTP host, worker) before it reaches the service. */
export function checkRequest(method: unknown, args: unknown): Result<{ method: MethodName; args: unknown }> {
  if (!isMethodName(method)) return fail('unknown-method', `unknown method: ${String(method)}`);
  const parsed = methods[method].args.safeParse(args);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}${describeInput(args, i.path)}`);
    return fail('invalid-args', `${method}: ${issues.join('; ')}`);
  }
  return { ok: true, value: { method, args: parsed.data } };
}

/** The offending value, so "rows.0: invalid option" also says what was given. */
function describeInput(args: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = args;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? ` (got ${JSON.stringify(v)})` : '';
}

export function clientOver(transport: RawTransport, subscribe: (listener: (e: EventName) => void) => () => void): SpiegelApi {
  return {
    async invoke(method, args) {
      try {
        return decode(await transport(method, encode(args))) as never;
      } catch (e) {
        return fail('internal', `transport failed: ${(e as Error).message}`);
      }
    },
    onEvent: subscribe,
  };
}

/**
 * The renderer's only door to main. Everything crosses through `window.lantern.invoke`, which
 * the preload (or the e2e harness) defines; nothing else in renderer/ may read `window.lantern`.
 */
import type { MethodInput, MethodName, MethodOutput } from '../shared/api';
import type { ApiError, Result } from '../shared/result';

export type LanternBridge = {
  invoke: (method: string, input: unknown) => Promise<Result<unknown>>;
};

declare global {
  interface Window {
    /** Absent when the page is opened outside Lantern (for example in a plain browser). */
    lantern?: LanternBridge;
  }
}

const storeUnreachable: ApiError = {
  code: 'internal',
  message:
    'Lantern could not reach its store. Close Lantern and open it again; if this keeps happening, contact your IT support.',
};

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value;
}

export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  const bridge = window.lantern;
  if (!bridge) {
    console.error(`Lantern API unavailable: ${method} was not sent (window.lantern is missing).`);
    return { ok: false, error: storeUnreachable };
  }
  try {
    const answer = await bridge.invoke(method, input);
    if (isResult(answer)) {
      // main's router types each answer by the same contract this function is typed from.
      return answer as Result<MethodOutput<M>>;
    }
    console.error(`Lantern API returned a malformed answer to ${method}.`);
  } catch (error) {
    // A rejection means the transport failed (IPC broke, main crashed), not that a rule said no.
    console.error(`Lantern API transport failure on ${method}:`, error);
  }
  return { ok: false, error: storeUnreachable };
}

import type { z } from 'zod';

import type { MethodName, MethodOutput, ParsedInput, SessionStatus } from '../shared/api';
import { isMethodName, methods } from '../shared/api';
import type { Role } from '../shared/auth/roles';
import { can } from '../shared/auth/roles';
import { londonDate } from '../shared/dates/calendar-date';
import type { ApiError, Result } from '../shared/result';
import { ApiFailure } from './api-failure';
import type { AuditOutcome } from './audit/log';
import { addChild, getChild, listChildren, updateChild } from './children/service';
import { StoreError } from './db/errors';
import type { Handled, HandlerContext } from './handler';
import type { Logger } from './log';
import { getSchool, saveSchool } from './school/service';
import { WrongSecretError } from './vault/keyring';
import type { Vault } from './vault/vault';

/** Payloads above this are refused before parsing (security F1). */
export const MAX_PAYLOAD_CHARS = 256 * 1024;

export type SessionState = { readonly id: string; role: Role | null; actorId: string | null };

type VaultMethod = 'session.status' | 'vault.create' | 'vault.unlock' | 'vault.lock';
type StoreMethod = Exclude<MethodName, VaultMethod>;

type StoreHandlers = {
  [M in StoreMethod]: (ctx: HandlerContext, input: ParsedInput<M>) => Handled<MethodOutput<M>>;
};

/** Every method that works on the open store; the type makes a missing handler a compile error. */
const storeHandlers: StoreHandlers = {
  'school.get': getSchool,
  'school.save': saveSchool,
  'children.list': listChildren,
  'children.get': getChild,
  'children.add': addChild,
  'children.update': updateChild,
};

function isVaultMethod(m: MethodName): m is VaultMethod {
  return !Object.hasOwn(storeHandlers, m);
}

function zodFields(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  let rootMessage: string | null = null;
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (path === '') rootMessage ??= issue.message;
    else fields[path] ??= issue.message;
  }
  return { message: rootMessage ?? 'Some details need correcting.', fields };
}

function payloadTooLarge(input: unknown): boolean {
  try {
    // JSON.stringify answers undefined for undefined and functions, despite its type.
    const json = JSON.stringify(input) as string | undefined;
    return (json?.length ?? 0) > MAX_PAYLOAD_CHARS;
  } catch {
    return true;
  }
}

const GENERIC_FAILURE =
  'Something went wrong and nothing was saved. Try again; if it keeps happening, tell your IT administrator.';

export type RouterDeps = { vault: Vault; clock: () => Date; logger: Logger };

/**
 * One call: known method → authorised (deny by default) → input parsed with the method's
 * strict schema → handler in a transaction → exactly one audit row whenever the store is open.
 */
export function createRouter({ vault, clock, logger }: RouterDeps) {
  function audit(
    session: SessionState,
    method: string,
    outcome: AuditOutcome,
    recordIds: readonly string[],
    errorCode: string | null,
  ): void {
    const store = vault.store();
    if (!store) return;
    store.audit({
      at: clock().toISOString(),
      sessionId: session.id,
      actorId: session.actorId,
      role: session.role,
      method: method.slice(0, 100),
      recordIds,
      outcome,
      errorCode,
    });
  }

  function fail(
    session: SessionState,
    method: string,
    outcome: AuditOutcome,
    error: ApiError,
  ): Result<never> {
    try {
      audit(session, method, outcome, [], error.code);
    } catch (err) {
      logger.error('audit write failed', { method: method.slice(0, 100), error: String(err) });
    }
    return { ok: false, error };
  }

  function status(session: SessionState): SessionStatus {
    const store = vault.store();
    return {
      storeExists: vault.exists(),
      unlocked: session.role !== null && store !== null,
      role: session.role,
      schoolConfigured: session.role !== null && store !== null && store.school.get() !== null,
    };
  }

  async function runVault(
    session: SessionState,
    method: Exclude<VaultMethod, 'vault.lock'>,
    input: unknown,
  ): Promise<SessionStatus> {
    switch (method) {
      case 'session.status':
        return status(session);
      case 'vault.create': {
        const { passphrase, confirmation } = input as ParsedInput<'vault.create'>;
        if (passphrase !== confirmation) {
          throw new ApiFailure('invalid_input', 'The passphrases do not match.', {
            confirmation: 'The passphrases do not match.',
          });
        }
        if (vault.exists()) {
          throw new ApiFailure(
            'conflict',
            'This computer already holds a Lantern store. Unlock it instead.',
          );
        }
        await vault.create(passphrase);
        // Until accounts exist, whoever sets the store up is its DSL.
        session.role = 'dsl';
        return status(session);
      }
      case 'vault.unlock': {
        const { passphrase } = input as ParsedInput<'vault.unlock'>;
        if (!vault.exists()) {
          throw new ApiFailure(
            'not_found',
            'There is no Lantern store here yet. Set one up first.',
          );
        }
        try {
          await vault.unlock(passphrase);
        } catch (err) {
          if (err instanceof WrongSecretError) {
            logger.warn('unlock refused: wrong passphrase', { session: session.id });
            throw new ApiFailure(
              'wrong_passphrase',
              'That passphrase is not right. Check Caps Lock and try again.',
              {
                passphrase: 'That passphrase is not right.',
              },
            );
          }
          throw err;
        }
        session.role = 'dsl';
        return status(session);
      }
    }
  }

  async function invoke(
    session: SessionState,
    method: unknown,
    input: unknown,
    onLock: () => void,
  ): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method : typeof method;
      return fail(session, `unknown:${name}`, 'invalid', {
        code: 'unknown_method',
        message: `Lantern has no operation called “${name.slice(0, 60)}”.`,
      });
    }
    const def = methods[method];
    if (def.access !== 'public' && !can(session.role, def.access)) {
      if (session.role === null) {
        return fail(session, method, 'denied', {
          code: 'unauthenticated',
          message: 'Lantern is locked. Unlock it to continue.',
        });
      }
      return fail(session, method, 'denied', {
        code: 'forbidden',
        message: 'Your role does not allow this.',
      });
    }
    if (payloadTooLarge(input)) {
      return fail(session, method, 'invalid', {
        code: 'invalid_input',
        message: 'That request is too large.',
      });
    }
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      return fail(session, method, 'invalid', {
        code: 'invalid_input',
        ...zodFields(parsed.error),
      });
    }

    try {
      if (isVaultMethod(method)) {
        if (method === 'vault.lock') {
          audit(session, method, 'ok', [], null);
          session.role = null;
          onLock();
          return { ok: true, value: status(session) };
        }
        const value = await runVault(session, method, parsed.data);
        audit(session, method, 'ok', [], null);
        return { ok: true, value };
      }
      const store = vault.store();
      if (!store) {
        return fail(session, method, 'denied', {
          code: 'unauthenticated',
          message: 'Lantern is locked. Unlock it to continue.',
        });
      }
      const now = clock();
      const ctx: HandlerContext = { store, now, today: londonDate(now) };
      const handler = storeHandlers[method] as (c: HandlerContext, i: unknown) => Handled<unknown>;
      const run = store.db.transaction(() => {
        const handled = handler(ctx, parsed.data);
        audit(session, method, 'ok', handled.recordIds ?? [], null);
        return handled.value;
      });
      return { ok: true, value: def.writes ? run.immediate() : run.deferred() };
    } catch (err) {
      if (err instanceof ApiFailure) {
        return fail(session, method, 'failed', {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
        });
      }
      if (err instanceof StoreError) {
        logger.error('store error', { method, kind: err.kind });
        return fail(session, method, 'failed', { code: 'store_error', message: err.message });
      }
      logger.error('unexpected failure', {
        method,
        error: err instanceof Error ? `${err.name}: ${err.message}` : 'non-error thrown',
      });
      return fail(session, method, 'failed', { code: 'internal', message: GENERIC_FAILURE });
    }
  }

  return { invoke };
}

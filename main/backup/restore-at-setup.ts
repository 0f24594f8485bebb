import { join } from 'node:path';

import type { BackupToRestore, MethodOutput, ParsedInput } from '../../shared/api';
import { normaliseRecoveryKey } from '../../shared/users/recovery-key';
import { ApiFailure } from '../api-failure';
import { sessionStatus, signIn } from '../auth/service';
import type { Handled, HandlerContext } from '../handler';
import { BackupError, inspectBackup, listBackups, restoreBackup } from './backup';

/**
 * "Restore from a backup" on the first-run screen: the laptop died, a new one has Lantern and
 * no store, and the school has its backup on a drive or share. The backup is verified before
 * anything is copied and again after, and only ever lands in a data directory with no store.
 */
function refuseOverAStore(ctx: HandlerContext): void {
  if (ctx.vault.exists()) {
    throw new ApiFailure(
      'conflict',
      'This computer already has a school store. Lantern never restores over one: use `npx lantern restore` into a new data directory instead.',
    );
  }
}

export async function chooseBackupToRestore(
  ctx: HandlerContext,
): Promise<Handled<BackupToRestore | null>> {
  refuseOverAStore(ctx);
  const chosen = await ctx.platform.chooseFolder('Choose the Lantern backup to restore');
  if (chosen === null) return { value: null };
  // A backup folder itself, or the destination holding them: then the newest complete one.
  const newest = inspectBackup(chosen).ok ? undefined : listBackups(chosen)[0];
  const folder = newest === undefined ? chosen : join(chosen, newest);
  const seen = inspectBackup(folder);
  if (!seen.ok) throw new ApiFailure('invalid_input', seen.problem, { folder: seen.problem });
  return {
    value: {
      folder,
      createdAt: seen.manifest.createdAt,
      schemaVersion: seen.manifest.schemaVersion,
    },
  };
}

export async function restoreAtSetup(
  ctx: HandlerContext,
  input: ParsedInput<'setup.restore'>,
): Promise<Handled<MethodOutput<'setup.restore'>>> {
  refuseOverAStore(ctx);
  const { secret } = input;
  try {
    await restoreBackup(
      input.folder,
      ctx.vault.paths.dataDir,
      secret.kind === 'passphrase'
        ? { username: secret.username, passphrase: secret.passphrase }
        : { recoveryKey: secret.recoveryKey },
    );
  } catch (err) {
    if (err instanceof BackupError) throw new ApiFailure('invalid_input', err.message);
    throw err;
  }
  ctx.logger.info('restored the store from a backup at first run', { session: ctx.session.id });
  // With a person's passphrase they are signed straight in, and this call is audited in the
  // restored store; with the recovery key the store is opened just long enough to audit it, and
  // the person then sets a new passphrase through "Forgotten your passphrase?".
  if (secret.kind === 'passphrase') {
    return signIn(ctx, { username: secret.username, passphrase: secret.passphrase });
  }
  // restoreBackup has just opened the backup with this key, so it normalises.
  await ctx.vault.unlockRecovery(normaliseRecoveryKey(secret.recoveryKey) ?? '');
  ctx.commit([], () => undefined);
  ctx.closeStoreIfUnused();
  return { value: sessionStatus(ctx) };
}

import type { MethodOutput } from '../../shared/api';
import type { StoreVerification } from '../../shared/portable/schema';
import type { Checkpoint } from '../audit/chain';
import { auditVerification } from '../audit/service';
import { SCHEMA_VERSION } from '../db/migrate';
import type { Handled, HandlerContext } from '../handler';
import type { Store } from '../store';
import { exportBytes, exportFileName } from './export';

/** `data.exportSchool`: the router's audit row records who took the unencrypted copy, and when. */
export async function exportSchoolData(
  ctx: HandlerContext,
): Promise<Handled<MethodOutput<'data.exportSchool'>>> {
  const bytes = exportBytes(ctx.store, ctx.now);
  const urn = ctx.store.school.get()?.urn ?? '';
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: exportFileName(urn, ctx.today),
      title: 'Export all data (JSON)',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    },
    bytes,
  );
  return { value: { savedTo } };
}

/** integrity_check, foreign_key_check, the audit chain against the checkpoint, the schema version. */
export function verifyStore(
  store: Store,
  checkpoint: Checkpoint | null,
  now: Date,
): StoreVerification {
  const integrity = (store.db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((r) => r !== 'ok');
  const foreignKeys = (
    store.db.pragma('foreign_key_check') as {
      table: string;
      rowid: number | null;
      parent: string;
    }[]
  )
    .slice(0, 100)
    .map(
      (b) =>
        `A row of ${b.table} (rowid ${String(b.rowid)}) refers to a missing row of ${b.parent}.`,
    );
  const schemaVersion = Number(store.db.pragma('user_version', { simple: true }));
  const audit = auditVerification(store, checkpoint, now);
  return {
    ok:
      integrity.length === 0 &&
      foreignKeys.length === 0 &&
      audit.ok &&
      schemaVersion === SCHEMA_VERSION,
    schemaVersion,
    expectedSchemaVersion: SCHEMA_VERSION,
    integrity,
    foreignKeys,
    audit,
  };
}

export function verifyData(ctx: HandlerContext): Handled<StoreVerification> {
  return { value: verifyStore(ctx.store, ctx.vault.checkpoint(), ctx.now) };
}

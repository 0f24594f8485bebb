import type { MethodOutput, ParsedInput } from '../../shared/api';
import type { AuditVerification } from '../../shared/audit/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { csvLine } from '../exports/csv';
import type { Handled, HandlerContext } from '../handler';
import type { Store } from '../store';
import type { ChainProblem, Checkpoint } from './chain';
import { verifyChain } from './chain';

export function listAudit(
  ctx: HandlerContext,
  input: ParsedInput<'audit.list'>,
): Handled<MethodOutput<'audit.list'>> {
  return {
    value: ctx.store.auditQueries.list(input),
    recordIds: input.childId ? [input.childId] : [],
  };
}

export function childViewers(
  ctx: HandlerContext,
  input: ParsedInput<'children.viewers'>,
): Handled<MethodOutput<'children.viewers'>> {
  return { value: ctx.store.auditQueries.viewers(input.id), recordIds: [input.id] };
}

function describe(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'gap':
      return `Entry ${problem.expected} is missing (the next entry is ${problem.seq}).`;
    case 'broken_link':
      return `Entry ${problem.seq} does not follow on from the entry before it: entries were removed or reordered.`;
    case 'bad_hash':
      return `Entry ${problem.seq} has been altered, or was added by something other than Lantern.`;
    case 'checkpoint_forged':
      return 'The audit checkpoint kept in the keyring is not genuine.';
    case 'truncated':
      return `Entries after ${problem.lastSeq} are missing: the log was ${problem.checkpointSeq} entries long at its last checkpoint.`;
    case 'checkpoint_mismatch':
      return `Entry ${problem.seq} differs from the one recorded at the last checkpoint: the log was rewritten.`;
  }
}

/** The audit chain checked against the keyring's checkpoint, in plain English. */
export function auditVerification(
  store: Store,
  checkpoint: Checkpoint | null,
  now: Date,
): AuditVerification {
  const report = verifyChain(store.db, store.auditKey, checkpoint);
  return {
    ok: report.ok,
    rows: report.rows,
    problems: report.problems.map(describe),
    checkedAt: now.toISOString(),
  };
}

export function verifyAudit(ctx: HandlerContext): Handled<AuditVerification> {
  return { value: auditVerification(ctx.store, ctx.vault.checkpoint(), ctx.now) };
}

export async function exportAuditCsv(
  ctx: HandlerContext,
  input: ParsedInput<'audit.exportCsv'>,
): Promise<Handled<MethodOutput<'audit.exportCsv'>>> {
  const lines = [
    csvLine([
      'Entry',
      'When (UTC)',
      'When (London)',
      'Person',
      'Role',
      'Action',
      'Records',
      'Outcome',
      'Error',
    ]),
  ];
  for (const row of ctx.store.auditQueries.iterate(input)) {
    lines.push(
      csvLine([
        row.seq,
        row.at,
        formatInstant(row.at),
        row.actorName,
        row.role,
        row.method,
        row.recordIds.join(' '),
        row.outcome,
        row.errorCode,
      ]),
    );
  }
  const savedTo = await ctx.platform.saveFile(
    {
      suggestedName: `Lantern audit log ${ctx.today}.csv`,
      title: 'Export the audit log',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    },
    Buffer.from(`\uFEFF${lines.join('')}`, 'utf8'),
  );
  return { value: { savedTo }, recordIds: input.childId ? [input.childId] : [] };
}

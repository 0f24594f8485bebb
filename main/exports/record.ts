/**
 * One place that records an export (issue 6): the exports log row (who, what, to whom, its
 * SHA-256; never content) and, for an export about a child, the entry on the child's
 * chronology, in the caller's transaction. The audit row comes from the router, as for every
 * call.
 */
import { createHash } from 'node:crypto';

import { entryDetail } from '../../shared/chronology/schema';
import { londonMinute } from '../../shared/dates/calendar-date';
import type { HandlerContext } from '../handler';
import { signedInUserId } from '../handler';
import { newId } from '../ids';
import type { ExportRecord } from './log-repo';

export type ExportFacts = Omit<
  ExportRecord,
  'id' | 'sha256' | 'bytes' | 'exportedAt' | 'exportedBy'
> & {
  /** The chronology entry's title, e.g. "Referral pack sent to Westshire MASH". */
  title: string;
  detail: string;
};

/** Records the export of `data`; returns the log row's id. */
export function recordExport(ctx: HandlerContext, facts: ExportFacts, data: Uint8Array): string {
  const id = newId(ctx.now);
  const exportedAt = ctx.now.toISOString();
  const exportedBy = signedInUserId(ctx);
  const { title, detail, ...record } = facts;
  ctx.store.exportsLog.add({
    ...record,
    id,
    sha256: createHash('sha256').update(data).digest('hex'),
    bytes: data.byteLength,
    exportedAt,
    exportedBy,
  });
  if (record.childId !== null)
    ctx.store.chronology.append(
      [
        {
          childId: record.childId,
          source: 'export',
          sourceId: id,
          concernId: null,
          occurredAt: londonMinute(ctx.now),
          recordedAt: exportedAt,
          recordedBy: exportedBy,
          role: null,
          title,
          detail: entryDetail(detail),
          categories: [],
        },
      ],
      ctx.now,
    );
  return id;
}

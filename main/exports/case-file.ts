/**
 * Builds the CaseFile of one child (shared/exports/case-file.ts): what the referral pack, the
 * forms and the CP file transfer read. It reads through the same repositories and helpers as
 * the screens, so an export never shows what the file itself would not.
 */
import { noChronologyFilter } from '../../shared/chronology/schema';
import type { CaseFile } from '../../shared/exports/case-file';
import { stateOf } from '../casework/service';
import { familyOf } from '../children/family';
import { registeredChild } from '../children/service';
import { summaryOf } from '../duties/service';
import type { HandlerContext } from '../handler';

export function caseFile(ctx: HandlerContext, childId: string): CaseFile {
  const { store } = ctx;
  const child = registeredChild(ctx, childId);
  const concerns = store.concerns
    .forChild(child.id, null)
    .flatMap((summary) => {
      const concern = store.concerns.get(summary.id);
      return concern ? [{ concern, triage: stateOf(ctx, concern.id) }] : [];
    })
    .sort((a, b) =>
      `${a.concern.occurredAt}${a.concern.recordedAt}`.localeCompare(
        `${b.concern.occurredAt}${b.concern.recordedAt}`,
      ),
    );
  return {
    school: store.school.get(),
    child,
    designations: store.designations.forChild(child.id),
    family: familyOf(ctx, child.id),
    concerns,
    chronology: store.chronology.forChildren([child.id], noChronologyFilter),
    encompass: store.encompass.forChild(child.id).flatMap((n) => {
      const full = store.encompass.get(n.id);
      return full ? [full] : [];
    }),
    duties: store.duties.forChild(child.id).map((d) => summaryOf(ctx, d)),
  };
}

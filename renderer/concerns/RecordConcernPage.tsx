import { useEffect, useState } from 'react';

import type { AttachmentMeta } from '../../shared/concerns/attachments';
import type { SavedDraft } from '../../shared/concerns/drafts';
import type { ConcernFlagName, ConcernInput } from '../../shared/concerns/schema';
import {
  concernFlagHints,
  concernFlagLabels,
  concernFlagNames,
} from '../../shared/concerns/schema';
import { londonMinute } from '../../shared/dates/calendar-date';
import type { ApiError } from '../../shared/result';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useRecordForm } from '../ui/use-record-form';
import { BODY_MAP_ID, BodyMapField } from './BodyMapField';
import { CATEGORIES_ID, ConcernCategories } from './ConcernCategories';
import { ADD_CHILD_QUERY_ID, childRoleId, ConcernChildren } from './ConcernChildren';
import type { ConcernValues } from './concern-values';
import { blankConcern, checkConcern, formField, valuesFromDraft } from './concern-values';
import { DraftAttachments } from './DraftAttachments';
import type { SavedState } from './use-draft-autosave';
import { useDraftAutosave } from './use-draft-autosave';

const fixedIds = {
  date: 'concern-date',
  time: 'concern-time',
  location: 'concern-location',
  categories: CATEGORIES_ID,
  summary: 'concern-summary',
  childWords: 'concern-child-words',
  opinion: 'concern-opinion',
  actionsTaken: 'concern-actions',
  peopleTold: 'concern-people-told',
  bodyMap: BODY_MAP_ID,
};

const flagIds: Record<ConcernFlagName, string> = {
  possibleChildSexOffence: 'concern-flag-sexual-offence',
  fgmKnownCase: 'concern-flag-fgm',
  allegationAboutAdult: 'concern-flag-adult',
};

type Start = { id: string; name: string };

/** "Draft saved at 14:32" (London time). */
function savedText(savedAt: string): string {
  return `Draft saved at ${londonMinute(new Date(savedAt)).slice(11)}. Only you can see it.`;
}

type Resumed = { values: ConcernValues; attachments: AttachmentMeta[]; saved: SavedState };

/**
 * The form to record a concern, starting from one child (from their page or the register), or
 * from one of the person's own drafts.
 */
export function RecordConcernPage({ child, draftId }: { child: Start; draftId: string | null }) {
  const openDraft = useLantern((s) => s.openDraft);
  const [draft, setDraft] = useState<{ id: string; draft: SavedDraft } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (draftId === null) return;
    let current = true;
    void openDraft(draftId).then((result) => {
      if (!current || !result) return;
      if (result.ok) setDraft({ id: draftId, draft: result.value });
      else setFailure(result.error);
    });
    return () => {
      current = false;
    };
  }, [draftId, openDraft, attempt]);

  if (draftId === null) return <ConcernForm key="new" child={child} resumed={null} />;
  if (draft?.id === draftId) {
    const resumed: Resumed = {
      values: valuesFromDraft(draft.draft),
      attachments: draft.draft.attachments,
      saved: { id: draft.draft.id, savedAt: draft.draft.savedAt },
    };
    return <ConcernForm key={draftId} child={child} resumed={resumed} />;
  }
  if (failure)
    return (
      <>
        <PageHeading>Record a concern</PageHeading>
        <LoadFailure
          error={failure}
          onRetry={() => {
            setFailure(null);
            setAttempt((n) => n + 1);
          }}
        />
      </>
    );
  return <Loading text="Opening your draft…" />;
}

function ConcernForm({ child, resumed }: { child: Start; resumed: Resumed | null }) {
  const navigate = useLantern((s) => s.navigate);
  const submitConcern = useLantern((s) => s.submitConcern);
  const attachToDraft = useLantern((s) => s.attachToDraft);
  const detachFromDraft = useLantern((s) => s.detachFromDraft);
  const discardDraft = useLantern((s) => s.discardDraft);
  const canOpenFile = useCan('children.read');
  const { values, set, field, errors, setErrors, pending, formProps } = useRecordForm(
    () => resumed?.values ?? blankConcern(child),
    fixedIds,
  );
  const [attachments, setAttachments] = useState<AttachmentMeta[]>(
    () => resumed?.attachments ?? [],
  );
  const autosave = useDraftAutosave(values, resumed?.saved ?? null);

  // Field name → control id, in the order the form shows them (the error summary's order).
  const fieldIds: Record<string, string> = {
    ...Object.fromEntries(values.children.map((_, i) => [`children.${i}`, childRoleId(i)])),
    children: ADD_CHILD_QUERY_ID,
    ...fixedIds,
  };

  async function send(input: ConcernInput): Promise<FormErrors | null> {
    const draftId = await autosave.settle();
    const result = await submitConcern({ ...input, draftId });
    if (!result) return null;
    if (result.ok) {
      autosave.stop();
      navigate({
        page: 'concern-recorded',
        id: result.value.id,
        child,
        children: result.value.children.map(({ name, role }) => ({ name, role })),
      });
      return null;
    }
    return errorsFromApiNamed(result.error, formField);
  }

  function back(notice?: string): void {
    const to = canOpenFile ? { page: 'child' as const, id: child.id } : { page: 'pupils' as const };
    navigate(to, notice ? { tone: 'success', text: notice } : undefined);
  }

  async function attach(file: { name: string; dataBase64: string }): Promise<string | null> {
    const draftId = await autosave.ensureDraft();
    if (draftId === null) return autosave.failed ?? 'Your draft could not be saved. Try again.';
    const result = await attachToDraft({
      draftId,
      fileName: file.name,
      dataBase64: file.dataBase64,
    });
    if (!result) return null;
    if (!result.ok) return Object.values(result.error.fields ?? {})[0] ?? result.error.message;
    setAttachments((current) => [...current, result.value]);
    return null;
  }

  async function detach(attachmentId: string): Promise<void> {
    const draftId = autosave.saved?.id;
    if (!draftId) return;
    const result = await detachFromDraft({ draftId, attachmentId });
    if (result?.ok) setAttachments(result.value);
  }

  async function discard(): Promise<void> {
    const draftId = await autosave.settle();
    autosave.stop();
    if (draftId !== null) {
      const result = await discardDraft(draftId);
      if (result && !result.ok) {
        setErrors({ fields: {}, general: result.error.message });
        return;
      }
    }
    back('Your draft was discarded.');
  }

  return (
    <>
      <PageHeading>Record a concern</PageHeading>
      <p>
        Write down what you saw or heard as soon as you can, in your own words. If a child is in
        immediate danger, find the designated safeguarding lead now, or call 999.
      </p>
      <form {...formProps((current) => checkConcern(current, new Date()), send)}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <ConcernChildren
          value={values.children}
          onChange={(children) => {
            set('children', children);
          }}
          errors={errors.fields}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">When did it happen?</legend>
          <DateField
            label="Date"
            id={fixedIds.date}
            value={values.date}
            error={errors.fields.date}
            onChange={(value) => {
              set('date', value);
            }}
          />
          <TextField
            label="Time (optional)"
            hint="Use the 24-hour clock, such as 14:30."
            type="time"
            width="short"
            id={fixedIds.time}
            value={values.time}
            error={errors.fields.time}
            onChange={(value) => {
              set('time', value);
            }}
          />
          <CheckboxField
            id="concern-approx"
            label="The date or time is approximate"
            checked={values.approx}
            onChange={(checked) => {
              set('approx', checked);
            }}
          />
        </fieldset>
        <TextField label="Where did it happen?" autoComplete="off" {...field('location')} />
        <ConcernCategories
          value={values.categories}
          onChange={(categories) => {
            set('categories', categories);
          }}
          error={errors.fields.categories}
        />
        <TextAreaField
          label="What happened? (facts you saw or heard)"
          hint="Who was there, what was said and done. Write names in full: no initials or abbreviations."
          rows={8}
          {...field('summary')}
        />
        <TextAreaField
          label="The child’s own words (exact words, even if offensive)"
          hint="Include any questions you asked."
          {...field('childWords')}
        />
        <TextAreaField
          label="Your opinion or concerns (kept separate from the facts)"
          {...field('opinion')}
        />
        <TextAreaField label="What did you do?" {...field('actionsTaken')} />
        <TextField label="Who else have you told?" autoComplete="off" {...field('peopleTold')} />
        <CheckboxField
          id="concern-dsl-told"
          label="I have told the DSL in person"
          checked={values.dslToldInPerson}
          onChange={(checked) => {
            set('dslToldInPerson', checked);
          }}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Does any of these apply?</legend>
          {concernFlagNames.map((flag) => (
            <CheckboxField
              key={flag}
              id={flagIds[flag]}
              label={concernFlagLabels[flag]}
              hint={concernFlagHints[flag]}
              checked={values.flags[flag]}
              onChange={(checked) => {
                set('flags', { ...values.flags, [flag]: checked });
              }}
            />
          ))}
        </fieldset>
        <BodyMapField
          value={values.bodyMap}
          onChange={(marks) => {
            set('bodyMap', marks);
          }}
          error={errors.fields.bodyMap}
        />
        <DraftAttachments
          attachments={attachments}
          onAttach={attach}
          onRemove={(id) => {
            void detach(id);
          }}
        />
        <p>Once submitted, a concern cannot be changed. Corrections are added beneath it.</p>
        <p role="status" className="draft-status">
          {autosave.failed
            ? `Your draft could not be saved: ${autosave.failed}`
            : autosave.saved
              ? savedText(autosave.saved.savedAt)
              : null}
        </p>
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Submit concern
          </Button>
          <Button
            onClick={() => {
              back(
                autosave.saved ? 'Your draft is saved. Continue it when you are ready.' : undefined,
              );
            }}
          >
            Cancel
          </Button>
          {autosave.saved ? (
            <Button
              onClick={() => {
                void discard();
              }}
            >
              Discard draft
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}

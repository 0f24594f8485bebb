import { useEffect, useRef, useState } from 'react';

import { methods } from '../../shared/api';
import { MAX_ATTACHMENT_BYTES, TOO_LARGE } from '../../shared/concerns/attachments';
import { addMonths, formatCalendarDate, isCalendarDate } from '../../shared/dates/calendar-date';
import type { PolicyEntry } from '../../shared/policies/schema';
import { policyReviewProblems } from '../../shared/policies/schema';
import { readBase64 } from '../concerns/DraftAttachments';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { FileField } from '../ui/FileField';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

const fieldIds = {
  approvedOn: 'policy-review-approved-on',
  approvedBy: 'policy-review-approved-by',
  versionLabel: 'policy-review-version',
  nextReview: 'policy-review-next',
  publishedUrl: 'policy-review-url',
  document: 'policy-review-document',
};
const reviewInput = methods['policies.review'].input;

type ReviewPolicyFormProps = {
  policy: PolicyEntry;
  today: string;
  onRecorded: (policy: PolicyEntry) => void;
  onCancel: () => void;
};

/** Record one approval of a policy: when, by whom, the version, the next review, publication. */
export function ReviewPolicyForm({ policy, today, onRecorded, onCancel }: ReviewPolicyFormProps) {
  const reviewPolicy = useLantern((s) => s.reviewPolicy);
  const heading = useRef<HTMLHeadingElement>(null);
  const [document, setDocument] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [documentError, setDocumentError] = useState<string | null>(null);
  const { field, formProps, errors, values } = useForm(
    {
      approvedOn: '',
      approvedBy: 'Full governing board',
      versionLabel: '',
      nextReview: '',
      publishedUrl: policy.publishedUrl,
      document: '',
    },
    fieldIds,
    async (v) => {
      const input = {
        policyId: policy.id,
        approvedOn: v.approvedOn,
        approvedBy: v.approvedBy,
        versionLabel: v.versionLabel,
        nextReview: v.nextReview,
        publishedUrl: v.publishedUrl,
        document,
      };
      const parsed = reviewInput.safeParse(input);
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const problems = policyReviewProblems(parsed.data, policy, today);
      if (Object.keys(problems).length > 0) return { fields: problems, general: null };
      const result = await reviewPolicy(input);
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      onRecorded(policy);
      return null;
    },
  );

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const defaultNext = isCalendarDate(values.approvedOn)
    ? formatCalendarDate(addMonths(values.approvedOn, policy.intervalMonths))
    : null;

  return (
    <section className="panel" aria-labelledby="policy-review-title">
      <h2 id="policy-review-title" tabIndex={-1} ref={heading}>
        Record a review of the {policy.title.toLowerCase()}
      </h2>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <DateField label="Date approved" max={today} {...field('approvedOn')} />
        <TextField
          label="Approved by"
          hint="For example, Full governing board, or the committee with delegated authority."
          {...field('approvedBy')}
        />
        <TextField label="Version (optional)" width="short" {...field('versionLabel')} />
        <DateField
          label="Next review (optional)"
          hint={`Leave blank for ${policy.intervalMonths} months after approval${defaultNext ? ` (${defaultNext})` : ''}. You can set an earlier date.`}
          {...field('nextReview')}
        />
        <TextField
          label={
            policy.publicationRequired
              ? 'Where it is published (web address)'
              : 'Where it is published (web address, optional)'
          }
          hint={
            policy.publicationRequired
              ? 'This policy must be published, usually on the school website.'
              : undefined
          }
          type="url"
          autoComplete="off"
          spellCheck={false}
          {...field('publishedUrl')}
        />
        <FileField
          id={fieldIds.document}
          label="Evidence of approval (optional PDF)"
          hint={`The signed policy or the minutes, up to ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB.${document ? ` Chosen: ${document.fileName}.` : ''}`}
          accept="application/pdf,.pdf"
          error={documentError ?? errors.fields.document}
          onFile={(file) => {
            if (file.size > MAX_ATTACHMENT_BYTES) {
              setDocument(null);
              setDocumentError(TOO_LARGE);
              return;
            }
            setDocumentError(null);
            void readBase64(file).then(
              (dataBase64) => {
                setDocument({ fileName: file.name, dataBase64 });
              },
              () => {
                setDocumentError('The file could not be read. Choose it again.');
              },
            );
          }}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Record the review
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}

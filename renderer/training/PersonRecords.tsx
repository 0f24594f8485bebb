import { useState } from 'react';

import { formatFileSize } from '../../shared/concerns/attachments';
import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import { trainingRequirements } from '../../shared/governance/training';
import type { TrainingPerson, TrainingRecordView } from '../../shared/training/schema';
import type { Notice } from '../store';
import { call } from '../api';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';

const titles = new Map(trainingRequirements.map((r) => [r.kind, r.title]));

function WithdrawForm({
  record,
  onDone,
}: {
  record: TrainingRecordView;
  onDone: (p: TrainingPerson | null) => void;
}) {
  const ids = { reason: `withdraw-${record.id}-reason` };
  const form = useForm({ reason: '' }, ids, async (values) => {
    const result = await call('training.withdraw', { recordId: record.id, reason: values.reason });
    if (!result.ok) return errorsFromApi(result.error);
    onDone(result.value);
    return null;
  });
  return (
    <form {...form.formProps} className="form">
      <ErrorSummary errors={form.errors} fieldIds={ids} />
      <TextAreaField
        label="Why is this record being withdrawn?"
        hint="It stays in the history, marked as withdrawn, and no longer counts."
        rows={3}
        {...form.field('reason')}
      />
      <div className="table__actions">
        <Button type="submit" variant="primary" disabled={form.pending}>
          Withdraw record
        </Button>
        <Button
          onClick={() => {
            onDone(null);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}

type PersonRecordsProps = {
  person: TrainingPerson;
  onChanged: (p: TrainingPerson) => void;
  onNotice: (notice: Notice) => void;
};

/** A person's training history (withdrawn records included, marked) and KCSIE readings. */
export function PersonRecords({ person, onChanged, onNotice }: PersonRecordsProps) {
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  async function download(record: TrainingRecordView) {
    const result = await call('training.evidence', { recordId: record.id });
    if (!result.ok) onNotice({ tone: 'warning', text: result.error.message });
    else if (result.value.savedTo)
      onNotice({
        tone: 'success',
        text: `Saved a copy of ${record.evidence?.fileName ?? 'the evidence'}.`,
      });
  }
  return (
    <>
      <h3>Training recorded</h3>
      {person.records.length === 0 ? (
        <p className="empty-state">No training has been recorded for {person.name}.</p>
      ) : (
        <ul className="list">
          {person.records.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{titles.get(r.kind)}</strong>: {formatCalendarDate(r.completedOn)},{' '}
                {r.provider}
                {r.withdrawal ? <strong> (withdrawn)</strong> : null}
              </p>
              {r.notes !== '' ? <p>{r.notes}</p> : null}
              <p className="table__note">
                Recorded by {r.recordedByName}, {formatInstant(r.recordedAt)}
                {r.withdrawal
                  ? `. Withdrawn by ${r.withdrawal.byName}, ${formatInstant(r.withdrawal.at)}: ${r.withdrawal.reason}`
                  : ''}
              </p>
              <div className="table__actions">
                {r.evidence ? (
                  <Button
                    onClick={() => {
                      void download(r);
                    }}
                  >
                    Save a copy of {r.evidence.fileName} ({formatFileSize(r.evidence.size)})
                  </Button>
                ) : null}
                {r.withdrawal || withdrawing === r.id ? null : (
                  <Button
                    aria-label={`Withdraw ${titles.get(r.kind) ?? ''} on ${formatCalendarDate(r.completedOn)}`}
                    onClick={() => {
                      setWithdrawing(r.id);
                    }}
                  >
                    Withdraw
                  </Button>
                )}
              </div>
              {withdrawing === r.id ? (
                <WithdrawForm
                  record={r}
                  onDone={(p) => {
                    setWithdrawing(null);
                    if (p) {
                      onChanged(p);
                      onNotice({ tone: 'success', text: 'The record was withdrawn.' });
                    }
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>KCSIE Part one read</h3>
      {person.attestations.length === 0 ? (
        <p className="empty-state">No edition recorded.</p>
      ) : (
        <ul className="list">
          {person.attestations.map((a) => (
            <li key={a.id}>
              {a.edition}: read {formatCalendarDate(a.attestedOn)} (recorded by {a.recordedByName})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

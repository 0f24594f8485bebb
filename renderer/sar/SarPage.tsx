import { useEffect, useState } from 'react';

import { formatInstant } from '../../shared/dates/calendar-date';
import { evidenceMethodLabels, evidenceMethods } from '../../shared/duties/rules';
import type { EvidenceMethod } from '../../shared/duties/rules';
import type { RedactionReason, SarDetail } from '../../shared/sar/schema';
import {
  receivedHowLabels,
  redactionReasonLabels,
  redactionReasons,
  requesterRelationshipLabels,
  sarStatusLabels,
  sarWhenText,
} from '../../shared/sar/schema';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { DetailsList } from '../ui/DetailsList';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApiNamed } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextAreaField } from '../ui/TextAreaField';
import { useForm } from '../ui/use-form';
import { ReasonForm } from './ReasonForm';
import { SarItemCard } from './SarItemCard';
import { sarDueText } from './sar-text';

const exemptionOptions = redactionReasons.map((r) => ({
  value: r,
  label: redactionReasonLabels[r].charAt(0).toUpperCase() + redactionReasonLabels[r].slice(1),
}));
const methodOptions = evidenceMethods.map((m) => ({ value: m, label: evidenceMethodLabels[m] }));

function ResumeForm({ sar, onDone }: { sar: SarDetail; onDone: (text: string) => void }) {
  const change = useLantern((s) => s.changeSar);
  const [identity, setIdentity] = useState(false);
  const fieldIds = { note: 'sar-resume-note' };
  const { field, formProps, errors, pending } = useForm(
    { note: '' },
    fieldIds,
    async ({ note }) => {
      const result = await change('sar.resume', { sarId: sar.id, identityChecked: identity, note });
      if (!result) return null;
      if (!result.ok) return errorsFromApiNamed(result.error, (p) => p);
      onDone('The clock has restarted; the due date has moved on by the days it was stopped.');
      return null;
    },
  );
  return (
    <form aria-labelledby="sar-resume-title" {...formProps} className="sar-step">
      <h3 id="sar-resume-title">Restart the clock</h3>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {sar.identityChecked ? null : (
        <CheckboxField
          id="sar-resume-identity"
          label="The requester’s identity has now been checked"
          checked={identity}
          onChange={setIdentity}
        />
      )}
      <TextAreaField label="Notes (optional)" rows={2} {...field('note')} />
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          Restart the clock
        </Button>
      </div>
    </form>
  );
}

function ExemptionForm({ sar, onDone }: { sar: SarDetail; onDone: (text: string) => void }) {
  const change = useLantern((s) => s.changeSar);
  const [applies, setApplies] = useState(false);
  const fieldIds = { exemption: 'sar-exemption', reason: 'sar-exemption-reason' };
  const { field, formProps, errors, pending } = useForm(
    { exemption: '', reason: '' },
    fieldIds,
    async ({ exemption, reason }) => {
      if (exemption === '')
        return { fields: { exemption: 'Choose the exemption.' }, general: null };
      const result = await change('sar.exemption', {
        sarId: sar.id,
        exemption: exemption as RedactionReason,
        applies,
        reason,
      });
      if (!result) return null;
      if (!result.ok) return errorsFromApiNamed(result.error, (p) => p);
      onDone('Exemption decision recorded.');
      return null;
    },
    { resetOnSuccess: true },
  );
  return (
    <form aria-labelledby="sar-exemption-title" {...formProps} className="sar-step">
      <h3 id="sar-exemption-title">Record an exemption decision</h3>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <SelectField
        label="Exemption"
        placeholder="Choose the exemption"
        options={exemptionOptions}
        {...field('exemption')}
      />
      <CheckboxField
        id="sar-exemption-applies"
        label="It applies to this request"
        checked={applies}
        onChange={setApplies}
      />
      <TextAreaField label="Why" rows={2} {...field('reason')} />
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          Record the decision
        </Button>
      </div>
    </form>
  );
}

function ExportForm({ sar, onDone }: { sar: SarDetail; onDone: (text: string) => void }) {
  const exportSar = useLantern((s) => s.exportSar);
  const fieldIds = { method: 'sar-export-method', notes: 'sar-export-notes' };
  const { field, formProps, errors, pending } = useForm(
    { method: '', notes: '' },
    fieldIds,
    async ({ method, notes }) => {
      if (method === '')
        return { fields: { method: 'Choose how the response will be sent.' }, general: null };
      const result = await exportSar({ sarId: sar.id, method: method as EvidenceMethod, notes });
      if (!result) return null;
      if (!result.ok) return errorsFromApiNamed(result.error, (p) => p);
      onDone(
        result.value.savedTo === null
          ? 'The response was not saved: nothing was recorded.'
          : `Response saved (${result.value.pages} pages) to ${result.value.savedTo}. The export is logged and the duty is done.`,
      );
      return null;
    },
  );
  return (
    <form aria-labelledby="sar-export-title" {...formProps} className="sar-step">
      <h3 id="sar-export-title">Export the response</h3>
      <p>
        A PDF marked OFFICIAL-SENSITIVE: a covering letter, every record with what is withheld shown
        as “[Redacted: reason]”, and an annex counting the redactions by reason. Saving it logs the
        export and records the duty as done.
      </p>
      {sar.pending > 0 ? (
        <p>
          <strong>
            {sar.pending} suggested {sar.pending === 1 ? 'redaction waits' : 'redactions wait'} for
            your decision.
          </strong>
        </p>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <SelectField
        label="How it will be sent"
        placeholder="Choose how"
        options={methodOptions}
        {...field('method')}
      />
      <TextAreaField label="Notes (optional)" rows={2} {...field('notes')} />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Export the response
        </Button>
      </div>
    </form>
  );
}

/** One subject access request: its details and clock, the records held, redactions, export. */
export function SarPage({ id }: { id: string }) {
  const detail = useLantern((s) => s.sarDetail);
  const load = useLantern((s) => s.loadSar);
  const change = useLantern((s) => s.changeSar);
  const navigate = useLantern((s) => s.navigate);
  const [notice, setNotice] = useState<Notice | null>(null);
  const now = new Date();

  useEffect(() => {
    void load(id);
  }, [load, id]);

  if (detail.status === 'failed' && detail.error)
    return (
      <>
        <PageHeading>Subject access request</PageHeading>
        <LoadFailure
          error={detail.error}
          onRetry={() => {
            void load(id);
          }}
        />
      </>
    );
  const sar = detail.value;
  if (sar?.id !== id) return <Loading text="Loading the request…" />;

  const done = (text: string) => {
    setNotice({ tone: 'success', text });
  };
  const live = sar.status !== 'completed' && sar.status !== 'withdrawn';
  return (
    <>
      <PageHeading>Subject access request about {sar.childName}</PageHeading>
      <StatusMessage notice={notice} />
      <p>
        <Button
          variant="link"
          onClick={() => {
            navigate({ page: 'sars' });
          }}
        >
          All subject access requests
        </Button>
      </p>
      <DetailsList
        details={[
          { term: 'Status', description: sarStatusLabels[sar.status] },
          { term: 'Due', description: sarDueText(sar.dueAt, sar.status, now) },
          {
            term: 'Requester',
            description: `${sar.requesterName} (${
              sar.relationship === 'other'
                ? sar.relationshipDetail
                : requesterRelationshipLabels[sar.relationship].toLowerCase()
            })`,
          },
          {
            term: 'Received',
            description: `${sarWhenText(sar.receivedAt)} by ${receivedHowLabels[sar.receivedHow].toLowerCase()}`,
          },
          { term: 'Child’s age then', description: String(sar.childAge) },
          {
            term: 'Competence assessment',
            description: sar.competenceNote === '' ? 'Not recorded' : sar.competenceNote,
          },
          {
            term: 'Identity checked',
            description:
              sar.identityChecked && sar.identityCheckedAt
                ? `Yes, ${formatInstant(sar.identityCheckedAt)}`
                : 'Not yet',
          },
          ...(sar.completion
            ? [
                {
                  term: 'Answered',
                  description: `${formatInstant(sar.completion.completedAt)} by ${sar.completion.completedByName}: ${sar.completion.pages} pages, SHA-256 ${sar.completion.sha256}`,
                },
              ]
            : []),
          ...(sar.withdrawal
            ? [
                {
                  term: 'Withdrawn',
                  description: `${formatInstant(sar.withdrawal.at)} by ${sar.withdrawal.byName}: ${sar.withdrawal.reason}`,
                },
              ]
            : []),
        ]}
      />
      <details className="sar-why">
        <summary>How the due date was worked out</summary>
        <ol className="list duty-steps">
          {sar.deadline.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>

      {live ? (
        <section className="page-section" aria-labelledby="sar-clock-title">
          <h2 id="sar-clock-title">The clock</h2>
          <p>
            Stop the clock while you wait for proof of identity or for the requester to say what
            they want (Data (Use and Access) Act 2025). The due date moves on by each whole day it
            is stopped.
          </p>
          {sar.pauses.length > 0 ? (
            <ul>
              {sar.pauses.map((p) => (
                <li key={p.pausedAt}>
                  Stopped {formatInstant(p.pausedAt)}
                  {p.resumedAt ? `, restarted ${formatInstant(p.resumedAt)}` : ', still stopped'} (
                  {p.days} {p.days === 1 ? 'day' : 'days'}): {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {sar.status === 'paused' ? (
            <ResumeForm sar={sar} onDone={done} />
          ) : (
            <ReasonForm
              id="sar-pause"
              title="Stop the clock"
              label="What you are waiting for"
              action="Stop the clock"
              send={(reason) => change('sar.pause', { sarId: sar.id, reason })}
              onDone={() => {
                done('The clock is stopped.');
              }}
            />
          )}
          {sar.extended || sar.status === 'paused' ? null : (
            <ReasonForm
              id="sar-extend"
              title="Extend by two months"
              label="Why the request is complex"
              hint="Tell the requester within the first month."
              action="Extend the request"
              send={(reason) => change('sar.extend', { sarId: sar.id, reason })}
              onDone={() => {
                done('Extended by two further months.');
              }}
            />
          )}
          <ReasonForm
            id="sar-withdraw"
            title="Withdrawn by the requester"
            label="How they withdrew it"
            action="Record the withdrawal"
            send={(reason) => change('sar.withdraw', { sarId: sar.id, reason })}
            onDone={() => {
              done('The request is recorded as withdrawn.');
            }}
          />
        </section>
      ) : null}

      <section className="page-section" aria-labelledby="sar-items-title">
        <h2 id="sar-items-title">Records held ({sar.items.length})</h2>
        <p>
          Everything Lantern holds about {sar.childName}. Third parties named in a record are
          suggested for redaction: withhold them or say why they can be disclosed.
          {sar.pending > 0 ? ` ${sar.pending} still to decide.` : ' All decided.'}
        </p>
        {sar.items.map((item, n) => (
          <SarItemCard key={item.key} sarId={sar.id} item={item} index={n} editable={live} />
        ))}
      </section>

      <section className="page-section" aria-labelledby="sar-exemptions-title">
        <h2 id="sar-exemptions-title">Exemptions</h2>
        {sar.exemptions.length === 0 ? (
          <p className="empty-state">No exemption decision recorded.</p>
        ) : (
          <ul>
            {sar.exemptions.map((e) => (
              <li key={e.id}>
                {redactionReasonLabels[e.exemption]}: {e.applies ? 'applies' : 'does not apply'} — “
                {e.reason}”, {e.decidedByName}, {formatInstant(e.decidedAt)}
              </li>
            ))}
          </ul>
        )}
        {live ? <ExemptionForm sar={sar} onDone={done} /> : null}
      </section>

      {live ? (
        <section className="page-section" aria-labelledby="sar-answer-title">
          <h2 id="sar-answer-title">Answer the request</h2>
          <ExportForm sar={sar} onDone={done} />
        </section>
      ) : null}
    </>
  );
}

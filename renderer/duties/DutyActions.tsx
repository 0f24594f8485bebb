import type { ReactNode } from 'react';
import { useEffect } from 'react';

import type { DutyRule, EvidenceSpec, ExceptionId } from '../../shared/duties/rules';
import {
  dutyRules,
  evidenceMethodLabels,
  evidenceMethods,
  exceptionLabels,
} from '../../shared/duties/rules';
import { formatDayTime } from '../../shared/duties/deadline';
import type { DutyDetail, PeerChecks } from '../../shared/duties/schema';
import { peerCheckLabels } from '../../shared/duties/schema';
import type { Result } from '../../shared/result';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApiNamed } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useRecordForm } from '../ui/use-record-form';
import type { Check, DischargeValues, ExceptionValues } from './duty-values';
import {
  checkDelay,
  checkDischarge,
  checkException,
  checkExtend,
  checkNotApplicable,
  dutyFormField,
  noPeerChecks,
  nowInLondon,
} from './duty-values';
import { WhenFields } from './WhenFields';

/** main's answer to a form: null once saved (the page shows the new state), or its errors. */
function answered(result: Result<DutyDetail> | null): FormErrors | null {
  if (!result || result.ok) return null;
  return errorsFromApiNamed(result.error, dutyFormField);
}

/** The rule's edition the duty was started under: its evidence spec is not in the detail. */
function ruleOf(detail: DutyDetail): DutyRule | null {
  return (
    dutyRules.find((r) => r.id === detail.ruleId && r.edition === detail.edition) ??
    dutyRules.find((r) => r.id === detail.ruleId) ??
    null
  );
}

const fallbackEvidence: EvidenceSpec = {
  atLabel: 'When it was done',
  recipientLabel: 'To whom',
  recipientHint: '',
  referenceLabel: 'Reference',
  required: [],
};

function optional(label: string, required: boolean): string {
  return required ? label : `${label} (optional)`;
}

/** A less frequent action, folded away until opened so the page leads with the main one. */
function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="duty-action">
      <summary className="duty-action__summary">{summary}</summary>
      <div className="duty-action__body">{children}</div>
    </details>
  );
}

const dischargeIds = {
  date: 'duty-done-date',
  time: 'duty-done-time',
  recipient: 'duty-done-recipient',
  method: 'duty-done-method',
  reference: 'duty-done-reference',
  actedBy: 'duty-done-made-by',
  notes: 'duty-done-notes',
};

function DischargeForm({ detail, manage }: { detail: DutyDetail; manage: boolean }) {
  const discharge = useLantern((s) => s.dischargeDuty);
  const owners = useLantern((s) => s.actionOwners);
  const loadOwners = useLantern((s) => s.loadActionOwners);
  const evidence = ruleOf(detail)?.evidence ?? fallbackEvidence;
  const { set, field, errors, pending, formProps } = useRecordForm<DischargeValues>(
    () => ({
      ...nowInLondon(new Date()),
      recipient: evidence.recipientHint,
      method: '',
      reference: '',
      actedBy: '',
      notes: '',
    }),
    dischargeIds,
  );

  useEffect(() => {
    if (manage) void loadOwners();
  }, [manage, loadOwners]);

  const needs = (what: EvidenceSpec['required'][number]) => evidence.required.includes(what);
  return (
    <section className="page-section" aria-labelledby="duty-done-title">
      <h2 id="duty-done-title">Record that it was done</h2>
      <form
        aria-labelledby="duty-done-title"
        {...formProps(
          (v) => checkDischarge(detail.id, v),
          async (input) => answered(await discharge(input)),
        )}
      >
        <ErrorSummary errors={errors} fieldIds={dischargeIds} />
        <WhenFields legend={evidence.atLabel} date={field('date')} time={field('time')} />
        <TextField
          label={optional(evidence.recipientLabel, needs('recipient'))}
          autoComplete="off"
          {...field('recipient')}
        />
        <SelectField
          label={optional('How it was done', needs('method'))}
          placeholder="Choose how"
          options={evidenceMethods.map((m) => ({ value: m, label: evidenceMethodLabels[m] }))}
          {...field('method')}
          onChange={(value) => {
            set('method', value as DischargeValues['method']);
          }}
        />
        <TextField
          label={optional(evidence.referenceLabel, needs('reference'))}
          autoComplete="off"
          width="medium"
          code
          {...field('reference')}
        />
        {manage ? (
          <SelectField
            label="Made by (optional)"
            hint="When someone else made the notification, choose them: you are recording it for them."
            placeholder="You"
            options={owners.map((o) => ({ value: o.id, label: o.displayName }))}
            {...field('actedBy')}
          />
        ) : null}
        <TextAreaField label="Notes (optional)" rows={4} {...field('notes')} />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Record that it was done
          </Button>
        </div>
      </form>
    </section>
  );
}

function ReasonForm<Input>({
  idPrefix,
  submitLabel,
  hint,
  check,
  save,
}: {
  idPrefix: string;
  submitLabel: string;
  hint: string;
  check: (values: { reason: string }) => Check<Input>;
  save: (input: Input) => Promise<FormErrors | null>;
}) {
  const ids = { reason: `${idPrefix}-reason` };
  const { field, errors, pending, formProps } = useRecordForm(() => ({ reason: '' }), ids);
  return (
    <form aria-label={submitLabel} {...formProps(check, save)}>
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextAreaField label="The reason" hint={hint} rows={4} {...field('reason')} />
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

const exceptionIds = {
  exception: 'duty-exception',
  reason: 'duty-exception-reason',
  ...Object.fromEntries(
    Object.keys(peerCheckLabels).map((k) => [`checks.${k}`, `duty-exception-${k}`]),
  ),
};

function ExceptionForm({ detail }: { detail: DutyDetail }) {
  const record = useLantern((s) => s.recordDutyException);
  const { values, set, field, errors, pending, formProps } = useRecordForm<ExceptionValues>(
    () => ({ exception: '', reason: '', checks: noPeerChecks }),
    { exception: exceptionIds.exception, reason: exceptionIds.reason },
  );
  const checks = Object.keys(peerCheckLabels) as (keyof PeerChecks)[];
  return (
    <form
      aria-label="Record an exception"
      {...formProps(
        (v) => checkException(detail.id, v),
        async (input) => answered(await record(input)),
      )}
    >
      <ErrorSummary errors={errors} fieldIds={exceptionIds} />
      <SelectField
        label="Which exception applies"
        placeholder="Choose the exception"
        options={detail.exceptions.map((e) => ({ value: e, label: exceptionLabels[e] }))}
        {...field('exception')}
        onChange={(value) => {
          set('exception', value as ExceptionId | '');
        }}
      />
      {values.exception === 'peer_consensual_13plus' ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--small">
            Confirm each check you have made
          </legend>
          <p className="field__hint">
            This exception never applies when either child is under 13: Lantern checks their dates
            of birth.
          </p>
          {checks.map((k) => (
            <CheckboxField
              key={k}
              id={`duty-exception-${k}`}
              label={peerCheckLabels[k]}
              checked={values.checks[k]}
              error={errors.fields[`checks.${k}`]}
              onChange={(on) => {
                set('checks', { ...values.checks, [k]: on });
              }}
            />
          ))}
        </fieldset>
      ) : null}
      <TextAreaField
        label="The reason, and the evidence you checked"
        rows={4}
        {...field('reason')}
      />
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          Record the exception
        </Button>
      </div>
    </form>
  );
}

const delayIds = { date: 'duty-delay-date', time: 'duty-delay-time', reason: 'duty-delay-reason' };

function DelayForm({ detail, latestDelay }: { detail: DutyDetail; latestDelay: string }) {
  const delay = useLantern((s) => s.delayDuty);
  const { field, errors, pending, formProps } = useRecordForm(
    () => ({ date: '', time: '', reason: '' }),
    delayIds,
  );
  return (
    <form
      aria-label="Delay for the child’s safety"
      {...formProps(
        (v) => checkDelay(detail.id, latestDelay, v),
        async (input) => answered(await delay(input)),
      )}
    >
      <p>
        Only where reporting at once would put the child at risk. The delay can run to{' '}
        {formatDayTime(latestDelay)} at the latest.
      </p>
      <ErrorSummary errors={errors} fieldIds={delayIds} />
      <WhenFields legend="Delay until" date={field('date')} time={field('time')} />
      <TextAreaField
        label="Why reporting now would put the child at risk"
        rows={4}
        {...field('reason')}
      />
      <div className="button-row">
        <Button type="submit" disabled={pending}>
          Record the delay
        </Button>
      </div>
    </form>
  );
}

/**
 * What the signed-in person may do with an open duty, as main says (`canDischarge`,
 * `canManage`): record it done, then the rarer exits, each folded away until needed.
 */
export function DutyActions({ detail }: { detail: DutyDetail }) {
  const notApplicable = useLantern((s) => s.markDutyNotApplicable);
  const extend = useLantern((s) => s.extendDuty);
  if (detail.status !== 'open') return null;
  const { canDischarge, canManage, latestDelay } = detail;
  return (
    <>
      {canDischarge ? <DischargeForm detail={detail} manage={canManage} /> : null}
      {canDischarge && detail.exceptions.length > 0 ? (
        <Disclosure summary="Record an exception">
          <ExceptionForm detail={detail} />
        </Disclosure>
      ) : null}
      {canDischarge && detail.ruleId === 'csa-report' && latestDelay ? (
        <Disclosure summary="Delay for the child’s safety">
          <DelayForm detail={detail} latestDelay={latestDelay} />
        </Disclosure>
      ) : null}
      {canManage && detail.canExtend ? (
        <Disclosure summary="Extend by two months">
          <ReasonForm
            idPrefix="duty-extend"
            submitLabel="Extend by two months"
            hint="Why the request is complex or numerous, as the law requires. Tell the requester within the first month."
            check={(v) => checkExtend(detail.id, v)}
            save={async (input) => answered(await extend(input))}
          />
        </Disclosure>
      ) : null}
      {canManage ? (
        <Disclosure summary="Not applicable">
          <ReasonForm
            idPrefix="duty-not-applicable"
            submitLabel="Mark not applicable"
            hint="Why this duty does not apply here, in at least 10 characters."
            check={(v) => checkNotApplicable(detail.id, v)}
            save={async (input) => answered(await notApplicable(input))}
          />
        </Disclosure>
      ) : null}
    </>
  );
}

import { useRef, useState } from 'react';

import { formatInstant } from '../../shared/dates/calendar-date';
import type { RedactionReason, SarItem, SarSuggestion } from '../../shared/sar/schema';
import {
  redactedLabel,
  redactionReasonLabels,
  redactionReasons,
  sarWhenText,
} from '../../shared/sar/schema';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApiNamed } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { ReasonForm } from './ReasonForm';

const reasonOptions = redactionReasons.map((r) => ({
  value: r,
  label: redactionReasonLabels[r].charAt(0).toUpperCase() + redactionReasonLabels[r].slice(1),
}));

const toField = (path: string) => (path === 'note' ? 'note' : path);

/** Withhold a suggested third party throughout the item, or record why they can stay. */
function SuggestionDecision({
  sarId,
  itemKey,
  suggestion,
  idBase,
}: {
  sarId: string;
  itemKey: string;
  suggestion: SarSuggestion;
  idBase: string;
}) {
  const change = useLantern((s) => s.changeSar);
  const decision = useRef<'redact' | 'disclose'>('redact');
  const fieldIds = { note: `${idBase}-note` };
  const { field, formProps, errors, pending } = useForm(
    { note: '' },
    fieldIds,
    async ({ note }) => {
      const result = await change('sar.redact', {
        action: 'add',
        sarId,
        itemKey,
        partyId: suggestion.partyId,
        span: '',
        decision: decision.current,
        reason: 'third_party',
        note,
      });
      if (!result) return null;
      return result.ok ? null : errorsFromApiNamed(result.error, toField);
    },
  );
  return (
    <form {...formProps} className="sar-decision">
      <fieldset className="fieldset">
        <legend className="fieldset__legend fieldset__legend--small">
          Your decision about {suggestion.name}
        </legend>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextAreaField
          label={`Why, for ${suggestion.name}`}
          hint="For example: not the requester’s information; or the requester already knows it."
          rows={2}
          {...field('note')}
        />
        <div className="button-row">
          <Button
            type="submit"
            disabled={pending}
            onClick={() => {
              decision.current = 'redact';
            }}
          >
            Withhold <span className="visually-hidden">{suggestion.name}</span>
          </Button>
          <Button
            type="submit"
            disabled={pending}
            onClick={() => {
              decision.current = 'disclose';
            }}
          >
            Disclose <span className="visually-hidden">{suggestion.name}</span>
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

/** Withhold some words of the item, or all of it, for a reason. */
function WithholdForm({ sarId, item, idBase }: { sarId: string; item: SarItem; idBase: string }) {
  const change = useLantern((s) => s.changeSar);
  const fieldIds = {
    span: `${idBase}-span`,
    reason: `${idBase}-reason`,
    note: `${idBase}-why`,
  };
  const { field, formProps, errors, pending } = useForm(
    { span: '', reason: '', note: '' },
    fieldIds,
    async ({ span, reason, note }) => {
      if (reason === '') return { fields: { reason: 'Choose the reason.' }, general: null };
      const result = await change('sar.redact', {
        action: 'add',
        sarId,
        itemKey: item.key,
        partyId: null,
        span,
        decision: 'redact',
        reason: reason as RedactionReason,
        note,
      });
      if (!result) return null;
      return result.ok ? null : errorsFromApiNamed(result.error, toField);
    },
    { resetOnSuccess: true },
  );
  return (
    <details className="sar-withhold">
      <summary>Withhold part or all of this record</summary>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField
          label="Words to withhold"
          hint="Copy them exactly from the record. Leave empty to withhold the whole record."
          {...field('span')}
        />
        <SelectField
          label="Reason"
          placeholder="Choose the reason"
          options={reasonOptions}
          {...field('reason')}
        />
        <TextAreaField label="Why it is withheld" rows={2} {...field('note')} />
        <div className="button-row">
          <Button type="submit" disabled={pending}>
            Withhold
          </Button>
        </div>
      </form>
    </details>
  );
}

/** One record held about the child, with what is suggested and decided for it. */
export function SarItemCard({
  sarId,
  item,
  index,
  editable,
}: {
  sarId: string;
  item: SarItem;
  index: number;
  editable: boolean;
}) {
  const change = useLantern((s) => s.changeSar);
  const [removing, setRemoving] = useState<string | null>(null);
  const idBase = `sar-item-${index}`;
  const decided = item.suggestions.filter((s) => s.decision !== null);
  const pending = item.suggestions.filter((s) => s.decision === null);
  return (
    <article className="sar-item" aria-labelledby={`${idBase}-title`}>
      <h3 id={`${idBase}-title`}>
        {index + 1}. {item.title}
        {item.when === '' ? '' : `: ${sarWhenText(item.when)}`}
      </h3>
      <dl className="details-list">
        {item.fields.map((f) => (
          <div className="details-list__row" key={f.label}>
            <dt>{f.label}</dt>
            <dd className="sar-item__value">{f.value}</dd>
          </div>
        ))}
      </dl>
      {decided.length + item.redactions.length > 0 ? (
        <ul className="sar-item__decisions">
          {decided.map((s) => (
            <li key={s.partyId}>
              {s.decision?.decision === 'redact'
                ? `${s.name} (${s.description}) withheld: ${redactedLabel(s.decision.reason)}`
                : `${s.name} (${s.description}) disclosed`}
              {s.decision
                ? ` — “${s.decision.note}”, ${s.decision.madeByName}, ${formatInstant(s.decision.madeAt)}`
                : ''}
            </li>
          ))}
          {item.redactions.map((r) => (
            <li key={r.id}>
              {r.span === '' ? 'Whole record withheld' : `“${r.span}” withheld`}:{' '}
              {redactedLabel(r.reason)} — “{r.note}”{' '}
              {editable ? (
                <Button
                  variant="link"
                  onClick={() => {
                    setRemoving(r.id);
                  }}
                >
                  Remove <span className="visually-hidden">this redaction</span>
                </Button>
              ) : null}
              {removing === r.id ? (
                <ReasonForm
                  id={`${idBase}-remove`}
                  title="Remove this redaction"
                  label="Why it should no longer be withheld"
                  action="Remove the redaction"
                  send={(note) =>
                    change('sar.redact', { action: 'remove', sarId, redactionId: r.id, note })
                  }
                  onDone={() => {
                    setRemoving(null);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable && pending.length > 0 ? (
        <div className="panel panel--important">
          <h4 className="panel__subheading">Suggested for redaction: third parties</h4>
          {pending.map((s, n) => (
            <div key={s.partyId}>
              <p>
                <strong>{s.name}</strong> ({s.description}) is named in this record.
              </p>
              <SuggestionDecision
                sarId={sarId}
                itemKey={item.key}
                suggestion={s}
                idBase={`${idBase}-s${n}`}
              />
            </div>
          ))}
        </div>
      ) : null}
      {editable ? <WithholdForm sarId={sarId} item={item} idBase={idBase} /> : null}
    </article>
  );
}

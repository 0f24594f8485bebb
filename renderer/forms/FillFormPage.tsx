import { useEffect, useState } from 'react';

import type {
  BuiltinField,
  BuiltinFormId,
  ExportFormat,
  PreparedForm,
} from '../../shared/forms/builtin';
import {
  builtinFields,
  fieldOptions,
  missingMandatory,
  PROSPECTIVE_NOTE,
} from '../../shared/forms/builtin';
import { BackToChild } from '../chronology/ChronologyPage';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { formKey } from '../store/forms-slice';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { fieldDomId, missingText } from './form-text';

type Child = { id: string; name: string };
type FillFormRoute = { child: Child; formId: BuiltinFormId; concernId: string | null };

const formatNames: Record<ExportFormat, string> = { pdf: 'PDF', docx: 'Word document' };

function FormFieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: BuiltinField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const common = {
    id: fieldDomId(field.id),
    label: field.mandatory ? `${field.label} (required)` : field.label,
    value,
    error,
    onChange,
    ...(field.hint ? { hint: field.hint } : {}),
  };
  const options = fieldOptions(field);
  if (options)
    return (
      <SelectField
        {...common}
        placeholder="Not answered"
        options={options.map((o) => ({ value: o, label: o }))}
      />
    );
  if (field.kind === 'longText') return <TextAreaField {...common} rows={4} />;
  return <TextField {...common} />;
}

/** The empty required fields, each a link to its control, kept up to date as the DSL types. */
function MissingBanner({ prepared, missing }: { prepared: PreparedForm; missing: string[] }) {
  const named = new Map(
    prepared.form.sections.flatMap((s) => s.fields.map((f) => [f.id, `${f.label} (${s.title})`])),
  );
  if (missing.length === 0)
    return (
      <div className="form-banner form-banner--complete">
        <p>Every required field is filled in. Check the form, then export it.</p>
      </div>
    );
  return (
    <div className="form-banner" aria-labelledby="form-missing-title">
      <h2 id="form-missing-title" className="form-banner__title">
        {missingText(missing.length)}
      </h2>
      <ul>
        {missing.map((id) => (
          <li key={id}>
            <a
              href={`#${fieldDomId(id)}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldDomId(id))?.focus();
              }}
            >
              {named.get(id) ?? id}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FormEditor({ route, prepared }: { route: FillFormRoute; prepared: PreparedForm }) {
  const exportForm = useLantern((s) => s.exportForm);
  const [values, setValues] = useState(prepared.values);
  const [recipient, setRecipient] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);
  const { form } = prepared;
  const missing = missingMandatory(form, values);
  const fieldIds: Record<string, string> = {
    recipient: 'form-recipient',
    reference: 'form-reference',
  };
  for (const f of builtinFields(form)) fieldIds[f.id] = fieldDomId(f.id);

  async function send(format: ExportFormat): Promise<void> {
    if (pending) return;
    setNotice(null);
    setPending(true);
    try {
      // Only what the DSL typed or changed: main fills the rest from the file again.
      const changed = Object.fromEntries(
        Object.entries(values).filter(([id, text]) => text !== prepared.values[id]),
      );
      const result = await exportForm({
        formId: form.id,
        childId: route.child.id,
        concernId: route.concernId,
        format,
        recipient,
        reference,
        values: changed,
      });
      if (!result) return;
      if (!result.ok) {
        const found = errorsFromApi(result.error);
        const fields = Object.fromEntries(
          Object.entries(found.fields).map(([path, message]) => [
            path.startsWith('values.') ? path.slice('values.'.length) : path,
            message,
          ]),
        );
        setErrors({
          fields,
          general: found.general ?? (Object.keys(fields).length > 0 ? result.error.message : null),
        });
        return;
      }
      setErrors(noErrors);
      setNotice(
        result.value.savedTo === null
          ? { tone: 'info', text: 'The form was not saved: the save was cancelled.' }
          : {
              tone: 'success',
              text: `${form.shortTitle} saved as a ${formatNames[format]} to ${result.value.savedTo}. The export is recorded in ${route.child.name}’s chronology.`,
            },
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {form.prospective ? <p className="status status--warning">{PROSPECTIVE_NOTE}</p> : null}
      <p className="form-source">{form.source}</p>
      <MissingBanner prepared={prepared} missing={missing} />
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <StatusMessage notice={notice} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send('pdf');
        }}
      >
        <section className="page-section" aria-labelledby="form-sending-title">
          <h2 id="form-sending-title">Sending</h2>
          <TextField
            id="form-recipient"
            label="Who it is for"
            hint="For example, Westshire MASH or the LADO. This is recorded with the export."
            value={recipient}
            error={errors.fields.recipient}
            onChange={setRecipient}
          />
          <TextField
            id="form-reference"
            label="Reference (optional)"
            hint="Shown in the footer of every page."
            width="medium"
            value={reference}
            error={errors.fields.reference}
            onChange={setReference}
          />
        </section>
        {form.sections.map((section) => (
          <section
            key={section.id}
            className="page-section"
            aria-labelledby={`form-section-${section.id}`}
          >
            <h2 id={`form-section-${section.id}`}>{section.title}</h2>
            {section.fields.map((f) => (
              <FormFieldInput
                key={f.id}
                field={f}
                value={values[f.id] ?? ''}
                error={errors.fields[f.id]}
                onChange={(text) => {
                  setValues((current) => ({ ...current, [f.id]: text }));
                }}
              />
            ))}
          </section>
        ))}
        {form.slip ? (
          <section className="page-section" aria-labelledby="form-slip-title">
            <h2 id="form-slip-title">{form.slip.title}</h2>
            <p>
              The export ends with a slip for the receiving school to complete and return:{' '}
              {form.slip.lines.join(', ').toLowerCase()}.
            </p>
          </section>
        ) : null}
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Export as PDF
          </Button>
          <Button
            disabled={pending}
            onClick={() => {
              void send('docx');
            }}
          >
            Export as Word
          </Button>
        </div>
      </form>
    </>
  );
}

/** A built-in form filled from the child's file: complete it in place, then export it. */
export function FillFormPage({ route }: { route: FillFormRoute }) {
  const opened = useLantern((s) => s.openedForm);
  const prepare = useLantern((s) => s.prepareForm);
  const input = { formId: route.formId, childId: route.child.id, concernId: route.concernId };
  const key = formKey(input);

  useEffect(() => {
    void prepare({ formId: route.formId, childId: route.child.id, concernId: route.concernId });
  }, [prepare, route.formId, route.child.id, route.concernId]);

  const mine = opened.key === key;
  return (
    <>
      <BackToChild child={route.child} />
      <PageHeading>
        {mine && opened.prepared ? opened.prepared.form.title : 'Fill a form'}
      </PageHeading>
      <p>For {route.child.name}</p>
      {!mine || opened.status === 'loading' ? (
        <Loading text="Filling in the form from the file…" />
      ) : opened.status === 'failed' && opened.error ? (
        <LoadFailure
          error={opened.error}
          onRetry={() => {
            void prepare(input);
          }}
        />
      ) : opened.prepared ? (
        <FormEditor key={key} route={route} prepared={opened.prepared} />
      ) : null}
    </>
  );
}

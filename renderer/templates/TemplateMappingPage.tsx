import { useEffect, useState } from 'react';

import type { FormFieldKey } from '../../shared/forms/fields';
import { formFieldGroups, formFieldLabels, isFormFieldKey } from '../../shared/forms/fields';
import type { MappingEntry, TemplateDetail, TemplateField } from '../../shared/forms/templates';
import {
  MAX_FIXED_TEXT_CHARS,
  targetOf,
  templateFieldTypeLabels,
  templateFormatLabels,
} from '../../shared/forms/templates';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { noErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

/** A row's choice: '' leaves the field empty, 'fixed' is fixed text, else a Lantern key. */
type Choice = { source: '' | 'fixed' | FormFieldKey; text: string };

function choicesOf(template: TemplateDetail): Choice[] {
  return template.fields.map((f) => {
    const target = targetOf(template.mapping, f.name);
    if (target === null) return { source: '', text: '' };
    return target.kind === 'key'
      ? { source: target.key, text: '' }
      : { source: 'fixed', text: target.text };
  });
}

function entriesOf(fields: readonly TemplateField[], choices: readonly Choice[]): MappingEntry[] {
  return fields.flatMap((f, i) => {
    const choice = choices[i];
    if (!choice || choice.source === '') return [];
    return [
      {
        field: f.name,
        target:
          choice.source === 'fixed'
            ? { kind: 'fixed' as const, text: choice.text }
            : { kind: 'key' as const, key: choice.source },
      },
    ];
  });
}

const selectId = (i: number) => `la-map-${i}`;
const fixedId = (i: number) => `la-map-${i}-fixed`;

function fieldHint(f: TemplateField): string {
  const kind = templateFieldTypeLabels[f.type];
  return f.options.length > 0 ? `${kind}: ${f.options.join(', ')}` : kind;
}

function MappingForm({ template }: { template: TemplateDetail }) {
  const save = useLantern((s) => s.saveTemplateMapping);
  const [choices, setChoices] = useState<Choice[]>(() => choicesOf(template));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  function choose(i: number, change: Partial<Choice>) {
    setChoices((current) => current.map((c, j) => (j === i ? { ...c, ...change } : c)));
  }

  /** Errors keyed by the row's select or fixed-text input, so the summary links to them. */
  const fieldIds = Object.fromEntries(
    template.fields.map((f, i) => [
      f.name,
      choices[i]?.source === 'fixed' ? fixedId(i) : selectId(i),
    ]),
  );

  async function send(): Promise<void> {
    setNotice(null);
    const entries = entriesOf(template.fields, choices);
    const result = await save({ id: template.id, mapping: entries });
    if (!result) return;
    if (result.ok) {
      setErrors(noErrors);
      setNotice({ tone: 'success', text: `Mapping saved for “${template.name}”.` });
      return;
    }
    // main names each problem by its place in the entries sent: name the field instead.
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries(result.error.fields ?? {})) {
      const index = /^mapping\.(\d+)\./.exec(path)?.[1];
      const entry = index === undefined ? undefined : entries[Number(index)];
      if (entry) fields[entry.field] ??= message;
    }
    setErrors({
      fields,
      general: Object.keys(fields).length === 0 ? result.error.message : null,
    });
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        setPending(true);
        void send().finally(() => {
          setPending(false);
        });
      }}
    >
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <table className="table table--compact" aria-describedby="la-map-intro">
        <thead>
          <tr>
            <th scope="col">Field on the form</th>
            <th scope="col">Filled with</th>
          </tr>
        </thead>
        <tbody>
          {template.fields.map((f, i) => {
            const choice = choices[i] ?? { source: '', text: '' };
            const error = errors.fields[f.name];
            return (
              <tr key={f.name}>
                <th scope="row">
                  {f.name}
                  <div className="table__note">{fieldHint(f)}</div>
                  {f.suggestion ? (
                    <div className="table__note">
                      Lantern suggests: {formFieldLabels[f.suggestion]}
                    </div>
                  ) : null}
                </th>
                <td>
                  <div
                    className={error && choice.source !== 'fixed' ? 'field field--error' : 'field'}
                  >
                    <label className="visually-hidden" htmlFor={selectId(i)}>
                      What fills “{f.name}”
                    </label>
                    {error && choice.source !== 'fixed' ? (
                      <p className="field__error" id={`${selectId(i)}-error`}>
                        <span className="visually-hidden">Error: </span>
                        {error}
                      </p>
                    ) : null}
                    <select
                      id={selectId(i)}
                      className="select"
                      value={choice.source}
                      aria-invalid={error && choice.source !== 'fixed' ? true : undefined}
                      aria-describedby={
                        error && choice.source !== 'fixed' ? `${selectId(i)}-error` : undefined
                      }
                      onChange={(event) => {
                        const value = event.target.value;
                        choose(i, {
                          source: value === 'fixed' || isFormFieldKey(value) ? value : '',
                        });
                      }}
                    >
                      <option value="">Leave empty</option>
                      {formFieldGroups.map((group) => (
                        <optgroup key={group.label} label={group.label}>
                          {group.fields.map(([key, label]) => (
                            <option key={key} value={key}>
                              {label}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                      <option value="fixed">Fixed text…</option>
                    </select>
                  </div>
                  {choice.source === 'fixed' ? (
                    <TextField
                      id={fixedId(i)}
                      label={`Fixed text for “${f.name}”`}
                      hint={
                        f.type === 'checkbox' ? 'Yes ticks the box; No leaves it clear.' : undefined
                      }
                      value={choice.text}
                      maxLength={MAX_FIXED_TEXT_CHARS}
                      error={error}
                      onChange={(text) => {
                        choose(i, { text });
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Save the mapping
        </Button>
      </div>
      <StatusMessage notice={notice} />
    </form>
  );
}

/** One local authority form: which Lantern data fills each of its fields. */
export function TemplateMappingPage({ id }: { id: string }) {
  const opened = useLantern((s) => s.openedTemplate);
  const openTemplate = useLantern((s) => s.openTemplate);
  const navigate = useLantern((s) => s.navigate);

  useEffect(() => {
    void openTemplate(id);
  }, [id, openTemplate]);

  const template = opened.id === id ? opened.detail : null;
  let body;
  if (opened.id === id && opened.status === 'failed' && opened.error) {
    body = (
      <LoadFailure
        title="The form could not be opened"
        error={opened.error}
        onRetry={() => {
          void openTemplate(id);
        }}
      />
    );
  } else if (!template) {
    body = <Loading text="Opening the form…" />;
  } else {
    body = (
      <>
        <p id="la-map-intro">
          {templateFormatLabels[template.format]} with {template.fields.length}{' '}
          {template.fields.length === 1 ? 'field' : 'fields'}. Choose the Lantern data that fills
          each one, or fixed text that is the same every time (such as Yes for a tick box). A field
          left empty stays blank on the form.
        </p>
        <MappingForm key={template.id} template={template} />
      </>
    );
  }

  return (
    <>
      <Button
        variant="link"
        className="back-link"
        onClick={() => {
          navigate({ page: 'settings' });
        }}
      >
        Back to Settings
      </Button>
      <PageHeading>
        {template ? `Map the fields of ${template.name}` : 'Map a form’s fields'}
      </PageHeading>
      {body}
    </>
  );
}

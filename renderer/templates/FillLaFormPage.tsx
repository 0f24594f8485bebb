import { useEffect, useState } from 'react';

import type { TemplatePreview } from '../../shared/forms/templates';
import { fillProblemLabels, templateFormatLabels } from '../../shared/forms/templates';
import { BackToChild } from '../chronology/ChronologyPage';
import { categoriesText, occurredText } from '../concerns/concern-text';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

type Child = { id: string; name: string };

const fieldIds = {
  id: 'la-fill-template',
  concernId: 'la-fill-concern',
  recipient: 'la-fill-recipient',
  reference: 'la-fill-reference',
};

function PreviewTable({ preview }: { preview: TemplatePreview }) {
  const flagged = preview.fields.filter((f) => f.problem !== null);
  return (
    <section className="page-section" aria-labelledby="la-fill-preview-title">
      <h2 id="la-fill-preview-title">Preview: {preview.templateName}</h2>
      {flagged.length > 0 ? (
        <p className="status status--warning">
          {flagged.length === 1
            ? '1 mapped field needs a look'
            : `${flagged.length} mapped fields need a look`}
          : {flagged.map((f) => f.field).join(', ')}. Record the missing details in Lantern, or fill
          them in by hand after saving.
        </p>
      ) : null}
      <table className="table table--compact" aria-labelledby="la-fill-preview-title">
        <thead>
          <tr>
            <th scope="col">Field on the form</th>
            <th scope="col">Filled with</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {preview.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.field}</th>
              <td>{f.source ?? 'Not mapped: left blank'}</td>
              <td className="concern-text">
                {f.value}
                {f.problem ? (
                  <div>
                    <span className="tag tag--alert">{fillProblemLabels[f.problem]}</span>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Fill one of the local authority's own forms for a child: choose, preview, fill and save. */
export function FillLaFormPage({ child }: { child: Child }) {
  const navigate = useLantern((s) => s.navigate);
  const templates = useLantern((s) => s.templates);
  const templatesError = useLantern((s) => s.templatesError);
  const loadTemplates = useLantern((s) => s.loadTemplates);
  const concerns = useLantern((s) => s.childConcerns);
  const loadConcerns = useLantern((s) => s.loadChildConcerns);
  const previewTemplate = useLantern((s) => s.previewTemplate);
  const fillTemplate = useLantern((s) => s.fillTemplate);
  const [values, setValues] = useState({ id: '', concernId: '', recipient: '', reference: '' });
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    void loadTemplates();
    void loadConcerns(child.id);
  }, [child.id, loadTemplates, loadConcerns]);

  function change(name: keyof typeof values, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    // What is previewed must be what gets filled.
    if (name === 'id' || name === 'concernId') setPreview(null);
  }

  async function run(action: 'preview' | 'fill'): Promise<void> {
    setNotice(null);
    if (values.id === '') {
      setErrors({ fields: { id: 'Choose the form to fill.' }, general: null });
      return;
    }
    const base = {
      id: values.id,
      childId: child.id,
      concernId: values.concernId === '' ? null : values.concernId,
    };
    if (action === 'preview') {
      const result = await previewTemplate(base);
      if (!result) return;
      setErrors(result.ok ? noErrors : errorsFromApi(result.error));
      setPreview(result.ok ? result.value : null);
      return;
    }
    const result = await fillTemplate({
      ...base,
      recipient: values.recipient,
      reference: values.reference,
    });
    if (!result) return;
    if (!result.ok) {
      setErrors(errorsFromApi(result.error));
      return;
    }
    setErrors(noErrors);
    setNotice(
      result.value.savedTo === null
        ? { tone: 'info', text: 'The form was not saved: the save was cancelled.' }
        : {
            tone: 'success',
            text: `${preview?.templateName ?? 'The form'} filled and saved to ${result.value.savedTo}. The export is recorded in ${child.name}’s chronology.`,
          },
    );
  }

  function submit(action: 'preview' | 'fill') {
    if (pending) return;
    setPending(true);
    void run(action).finally(() => {
      setPending(false);
    });
  }

  let body;
  if (templatesError) {
    body = (
      <LoadFailure
        title="The local authority forms could not be loaded"
        error={templatesError}
        onRetry={() => {
          void loadTemplates();
        }}
      />
    );
  } else if (!templates) {
    body = <Loading text="Loading the local authority forms…" />;
  } else if (templates.length === 0) {
    body = (
      <>
        <p>No local authority form has been imported yet. Import one in Settings first.</p>
        <div className="button-row">
          <Button
            onClick={() => {
              navigate({ page: 'settings' });
            }}
          >
            Go to Settings
          </Button>
        </div>
      </>
    );
  } else {
    const items = concerns.childId === child.id ? concerns.items : [];
    body = (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(preview ? 'fill' : 'preview');
        }}
      >
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <SelectField
          id={fieldIds.id}
          label="Which form?"
          value={values.id}
          placeholder="Choose a form"
          options={templates.map((t) => ({
            value: t.id,
            label: `${t.name} (${templateFormatLabels[t.format]})`,
          }))}
          error={errors.fields.id}
          onChange={(value) => {
            change('id', value);
          }}
        />
        <SelectField
          id={fieldIds.concernId}
          label="Which concern is it about?"
          hint="Lantern fills what happened from the concern you choose."
          value={values.concernId}
          placeholder={
            items.length === 0 ? 'No concern is recorded' : 'None: the child’s file only'
          }
          options={items.map((c) => ({
            value: c.id,
            label: `${occurredText(c.occurredAt, c.occurredAtApprox)}: ${categoriesText(c.categories)}`,
          }))}
          error={errors.fields.concernId}
          onChange={(value) => {
            change('concernId', value);
          }}
        />
        <TextField
          id={fieldIds.recipient}
          label="Who is it for?"
          hint="For example “Westshire MASH”. It is recorded in the child’s chronology."
          value={values.recipient}
          error={errors.fields.recipient}
          onChange={(value) => {
            change('recipient', value);
          }}
        />
        <TextField
          id={fieldIds.reference}
          label="Reference (optional)"
          width="medium"
          value={values.reference}
          error={errors.fields.reference}
          onChange={(value) => {
            change('reference', value);
          }}
        />
        <div className="button-row">
          <Button
            variant={preview ? 'secondary' : 'primary'}
            disabled={pending}
            onClick={() => {
              submit('preview');
            }}
          >
            Preview
          </Button>
          {preview ? (
            <Button type="submit" variant="primary" disabled={pending}>
              Fill and save
            </Button>
          ) : null}
        </div>
        <StatusMessage notice={notice} />
        {preview ? <PreviewTable preview={preview} /> : null}
      </form>
    );
  }

  return (
    <>
      <BackToChild child={child} />
      <PageHeading>Fill your local authority’s form for {child.name}</PageHeading>
      <p>
        Lantern fills the form from {child.name}’s file with the mapping saved in Settings. Check
        the preview, then fill and save: a PDF is flattened so what you send cannot be changed.
      </p>
      {concerns.status === 'failed' && concerns.error ? (
        <LoadFailure
          title="The concerns could not be loaded"
          error={concerns.error}
          onRetry={() => {
            void loadConcerns(child.id);
          }}
        />
      ) : null}
      {body}
    </>
  );
}

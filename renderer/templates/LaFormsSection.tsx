import { useState } from 'react';

import { formatInstant } from '../../shared/dates/calendar-date';
import type { TemplateSummary } from '../../shared/forms/templates';
import {
  MAX_TEMPLATE_BYTES,
  TEMPLATE_TOO_LARGE,
  templateFormatLabels,
} from '../../shared/forms/templates';
import { readBase64 } from '../concerns/DraftAttachments';
import { LoadedSection } from '../settings/LoadedSection';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { FileField } from '../ui/FileField';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

const HEADING_ID = 'la-forms-title';
const LIST_ID = 'la-forms-list-title';
const fieldIds = { name: 'la-form-name', file: 'la-form-file' };

/** "12 of 16 fields mapped" */
export function mappedText(t: Pick<TemplateSummary, 'fieldCount' | 'mappedCount'>): string {
  return `${t.mappedCount} of ${t.fieldCount} ${t.fieldCount === 1 ? 'field' : 'fields'} mapped`;
}

function ImportForm() {
  const importTemplate = useLantern((s) => s.importTemplate);
  const navigate = useLantern((s) => s.navigate);
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [pending, setPending] = useState(false);

  async function send(): Promise<FormErrors | null> {
    const fields: Record<string, string> = {};
    if (name.trim() === '') fields.name = 'Give the form a name, for example “Westshire MARF”.';
    if (!file) fields.file = 'Choose the form’s file: a fillable PDF or a Word document (.docx).';
    else if (file.size > MAX_TEMPLATE_BYTES) fields.file = TEMPLATE_TOO_LARGE;
    if (!file || Object.keys(fields).length > 0) return { fields, general: null };
    const result = await importTemplate({ name, dataBase64: await readBase64(file) });
    if (!result) return null;
    if (!result.ok) {
      // The file travels as dataBase64; its problems belong to the file input.
      const found = errorsFromApi(result.error);
      const { dataBase64, ...rest } = found.fields;
      return { ...found, fields: dataBase64 ? { ...rest, file: dataBase64 } : rest };
    }
    const t = result.value;
    navigate(
      { page: 'la-form-mapping', id: t.id },
      {
        tone: 'success',
        text: `“${t.name}” imported: ${mappedText(t)} from their names. Check each suggestion, then save the mapping.`,
      },
    );
    return null;
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        setPending(true);
        void send()
          .then((found) => {
            setErrors(found ?? noErrors);
          })
          .finally(() => {
            setPending(false);
          });
      }}
    >
      <h3>Import a form</h3>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField
        id={fieldIds.name}
        label="Name of the form"
        hint="As your team calls it, for example “Westshire MARF” or “LADO referral”."
        value={name}
        error={errors.fields.name}
        onChange={setName}
      />
      <FileField
        id={fieldIds.file}
        label="The form’s file"
        hint="A fillable PDF from your local authority, or their Word form (.docx) with placeholders such as {child.name} typed where the answers go. Up to 10 MB."
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        error={errors.fields.file}
        onFile={setFile}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Import the form
        </Button>
      </div>
    </form>
  );
}

function TemplateRows({ templates }: { templates: TemplateSummary[] }) {
  const navigate = useLantern((s) => s.navigate);
  const deleteTemplate = useLantern((s) => s.deleteTemplate);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (templates.length === 0)
    return (
      <>
        <p>No local authority form has been imported yet.</p>
        <StatusMessage notice={notice} />
      </>
    );
  return (
    <>
      <table className="table table--compact" aria-labelledby={LIST_ID}>
        <thead>
          <tr>
            <th scope="col">Form</th>
            <th scope="col">Kind</th>
            <th scope="col">Mapping</th>
            <th scope="col">Last changed</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>{templateFormatLabels[t.format]}</td>
              <td>{mappedText(t)}</td>
              <td>
                {formatInstant(t.updatedAt)} by {t.updatedByName}
              </td>
              <td className="table__actions">
                {confirming === t.id ? (
                  <>
                    <Button
                      onClick={() => {
                        void deleteTemplate(t.id).then((result) => {
                          setConfirming(null);
                          if (!result) return;
                          setNotice(
                            result.ok
                              ? { tone: 'success', text: `“${t.name}” deleted.` }
                              : { tone: 'warning', text: result.error.message },
                          );
                        });
                      }}
                    >
                      Delete “{t.name}”
                    </Button>
                    <Button
                      onClick={() => {
                        setConfirming(null);
                      }}
                    >
                      Keep it
                    </Button>
                  </>
                ) : (
                  <>
                    <Button
                      onClick={() => {
                        navigate({ page: 'la-form-mapping', id: t.id });
                      }}
                    >
                      Map the fields of {t.name}
                    </Button>
                    <Button
                      onClick={() => {
                        setNotice(null);
                        setConfirming(t.id);
                      }}
                    >
                      Delete {t.name}
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusMessage notice={notice} />
    </>
  );
}

/** Settings: the local authority's own forms, imported once and mapped to Lantern data. */
export function LaFormsSection() {
  const templates = useLantern((s) => s.templates);
  const error = useLantern((s) => s.templatesError);
  const loadTemplates = useLantern((s) => s.loadTemplates);
  return (
    <LoadedSection
      id={HEADING_ID}
      title="Local authority forms"
      intro={
        <p>
          Import your local authority’s own referral forms once. Lantern suggests which data fills
          each field; you check the mapping, then fill the form from a child’s page. The forms and
          their mappings are kept with the school’s data, so backups carry them.
        </p>
      }
      load={loadTemplates}
      error={error}
      failureTitle="The local authority forms could not be loaded"
      loadingText="Loading the local authority forms…"
    >
      {templates ? (
        <>
          <h3 id={LIST_ID}>Forms imported</h3>
          <TemplateRows templates={templates} />
          <ImportForm />
        </>
      ) : null}
    </LoadedSection>
  );
}

import { useState } from 'react';

import { formatFileSize, MAX_ATTACHMENT_BYTES, TOO_LARGE } from '../../shared/concerns/attachments';
import { kcsieEdition, kcsieEditionYear } from '../../shared/training/schema';
import type { TrainingPerson } from '../../shared/training/schema';
import { call } from '../api';
import { readBase64 } from '../concerns/DraftAttachments';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { FileField } from '../ui/FileField';
import { errorsFromApi } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

type FormProps = { person: TrainingPerson; today: string; onSaved: (p: TrainingPerson) => void };

/**
 * Record a completed training for one person, with its certificate if there is one. KCSIE
 * Part one is not offered: reading it is recorded per edition (AttestForm).
 */
export function RecordTrainingForm({ person, onSaved }: FormProps) {
  const prefix = `record-${person.id}`;
  const ids = {
    kind: `${prefix}-kind`,
    completedOn: `${prefix}-completed-on`,
    provider: `${prefix}-provider`,
    notes: `${prefix}-notes`,
    evidence: `${prefix}-evidence`,
  };
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the native file input once the record is saved.
  const [fileKey, setFileKey] = useState(0);
  const options = person.standings
    .filter((s) => s.kind !== 'kcsie_part_one')
    .map((s) => ({ value: s.kind, label: s.title }));
  const form = useForm(
    { kind: '', completedOn: '', provider: '', notes: '', evidence: '' },
    ids,
    async (values) => {
      if (file && file.size > MAX_ATTACHMENT_BYTES)
        return { fields: { evidence: TOO_LARGE }, general: null };
      const evidence = file ? { fileName: file.name, dataBase64: await readBase64(file) } : null;
      const result = await call('training.record', {
        personId: person.id,
        kind: values.kind as never,
        completedOn: values.completedOn,
        provider: values.provider,
        notes: values.notes,
        evidence,
      });
      if (!result.ok) return errorsFromApi(result.error, 'evidence.');
      setFile(null);
      setFileKey((k) => k + 1);
      onSaved(result.value);
      return null;
    },
    { resetOnSuccess: true },
  );
  return (
    <form {...form.formProps} className="form" aria-label={`Record training for ${person.name}`}>
      <h3>Record training</h3>
      <ErrorSummary errors={form.errors} fieldIds={ids} />
      <SelectField
        label="Training"
        placeholder="Choose the training"
        options={options}
        {...form.field('kind')}
      />
      <DateField label="Date completed" {...form.field('completedOn')} />
      <TextField label="Provider" hint="Who delivered it" {...form.field('provider')} />
      <TextAreaField label="Notes" hint="Optional" {...form.field('notes')} />
      <FileField
        key={fileKey}
        id={ids.evidence}
        label="Evidence (optional)"
        hint={`A certificate as a PDF, PNG or JPEG, up to ${formatFileSize(MAX_ATTACHMENT_BYTES)}.${file ? ` Chosen: ${file.name}.` : ''}`}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        error={form.errors.fields.evidence ?? form.errors.fields.dataBase64}
        onFile={setFile}
      />
      <Button type="submit" variant="primary" disabled={form.pending}>
        Record training
      </Button>
    </form>
  );
}

/** Record that someone has read KCSIE Part one (or Annex A) for an edition. */
export function AttestForm({ person, today, onSaved }: FormProps) {
  const prefix = `attest-${person.id}`;
  const ids = { edition: `${prefix}-edition`, attestedOn: `${prefix}-attested-on` };
  const inForce = kcsieEditionYear(today);
  const editions = [inForce + 1, inForce, inForce - 1].map((y) => ({
    value: kcsieEdition(y),
    label: `${kcsieEdition(y)}${y === inForce ? ' (in force)' : y > inForce ? ' (in force from 1 Sep)' : ''}`,
  }));
  const form = useForm({ edition: kcsieEdition(inForce), attestedOn: '' }, ids, async (values) => {
    const result = await call('training.attest', {
      personId: person.id,
      edition: values.edition,
      attestedOn: values.attestedOn,
    });
    if (!result.ok) return errorsFromApi(result.error);
    onSaved(result.value);
    return null;
  });
  return (
    <form {...form.formProps} className="form" aria-label={`KCSIE reading for ${person.name}`}>
      <h3>Read Keeping children safe in education</h3>
      <p>
        Staff read Part one (or Annex A) of each new edition; an edition comes into force on 1
        September.
      </p>
      <ErrorSummary errors={form.errors} fieldIds={ids} />
      <SelectField
        label="Edition"
        placeholder="Choose the edition"
        options={editions}
        {...form.field('edition')}
      />
      <DateField label="Date read" {...form.field('attestedOn')} />
      <Button type="submit" disabled={form.pending}>
        Record reading
      </Button>
    </form>
  );
}

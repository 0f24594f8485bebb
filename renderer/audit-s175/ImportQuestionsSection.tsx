import { useState } from 'react';

import type { QuestionSetInfo } from '../../shared/audit-s175/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { FileField } from '../ui/FileField';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

const ids = { file: 'audit-import-file', source: 'audit-import-source' };

/** Replace the question set used for years started from now on with the LA's own (CSV). */
export function ImportQuestionsSection({ questionSet }: { questionSet: QuestionSetInfo }) {
  const importQuestions = useLantern((s) => s.importAuditQuestions);
  const [csv, setCsv] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(): Promise<void> {
    if (pending) return;
    setNotice(null);
    if (csv === null) {
      setErrors({ fields: { file: 'Choose the question set file (CSV).' }, general: null });
      return;
    }
    setPending(true);
    try {
      const result = await importQuestions({ csv, source });
      if (!result) return;
      if (!result.ok) {
        setErrors(errorsFromApi(result.error));
        return;
      }
      setErrors(noErrors);
      setNotice({
        tone: 'success',
        text: `Imported ${result.value.questions} questions in ${result.value.sections} sections. Years started from now on use them; years already started keep their questions.`,
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="page-section" aria-labelledby="audit-import-title">
      <h2 id="audit-import-title">Question set</h2>
      <p>
        {questionSet.kind === 'default'
          ? `New audits use Lantern’s ${questionSet.questions} questions drawn from Keeping Children Safe in Education.`
          : `New audits use ${questionSet.questions} questions from ${questionSet.source}, imported ${formatInstant(questionSet.importedAt ?? '')}.`}
      </p>
      <ErrorSummary errors={errors} fieldIds={ids} />
      <StatusMessage notice={notice} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FileField
          id={ids.file}
          label="Your local authority’s question set (CSV)"
          hint="A first row naming the columns Section, Question and Evidence expected, then one question per row."
          accept=".csv,text/csv"
          error={errors.fields.file ?? errors.fields.csv}
          onFile={(file) => {
            void file.text().then(setCsv);
          }}
        />
        <TextField
          id={ids.source}
          label="Where the questions come from"
          hint="Such as the local authority’s name."
          width="medium"
          value={source}
          error={errors.fields.source}
          onChange={setSource}
        />
        <div className="button-row">
          <Button type="submit" disabled={pending}>
            Import questions
          </Button>
        </div>
      </form>
    </section>
  );
}

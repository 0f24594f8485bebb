import { formatInstant } from '../../shared/dates/calendar-date';
import type { RetentionSettingsVersion } from '../../shared/retention/schema';
import {
  retentionRecordTypes,
  retentionRules,
  retentionSettingsInput,
} from '../../shared/retention/rules';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

const fieldIds = {
  cp_file: 'retention-years-cp_file',
  allegation_about_adult: 'retention-years-allegation_about_adult',
} as const;

/** A whole number typed in a field, or the text itself so that the schema names the problem. */
function years(text: string): number | string {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** The retention period per record type, with its source; saving keeps the earlier versions. */
export function RetentionSettingsForm({
  current,
  onSaved,
}: {
  current: RetentionSettingsVersion;
  onSaved: (text: string) => void;
}) {
  const save = useLantern((s) => s.saveRetentionSettings);
  const { field, formProps, errors } = useForm(
    {
      cp_file: String(current.settings.cp_file),
      allegation_about_adult: String(current.settings.allegation_about_adult),
    },
    fieldIds,
    async (v) => {
      const parsed = retentionSettingsInput.safeParse({
        cp_file: years(v.cp_file),
        allegation_about_adult: years(v.allegation_about_adult),
      });
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const result = await save(parsed.data);
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      onSaved('The retention periods have been saved. Review dates now follow them.');
      return null;
    },
  );

  return (
    <form {...formProps}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {retentionRecordTypes.map((type) => {
        const rule = retentionRules[type];
        return (
          <TextField
            key={type}
            label={`${rule.label} (years)`}
            hint={`From the ${rule.trigger === 'date_of_birth' ? 'child’s date of birth' : 'date of the allegation'}; default ${rule.defaultYears}. Source: ${rule.source}.`}
            width="short"
            inputMode="numeric"
            {...field(type)}
          />
        );
      })}
      <p>
        {current.version === 0
          ? 'These are Lantern’s defaults; they have not been changed.'
          : `Version ${current.version}, saved ${formatInstant(current.savedAt)} by ${current.savedByName}.`}
      </p>
      <div className="button-row">
        <Button type="submit" variant="primary">
          Save the retention periods
        </Button>
      </div>
    </form>
  );
}

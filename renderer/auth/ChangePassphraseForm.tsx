import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { NewPassphraseField } from '../ui/NewPassphraseField';
import { useForm } from '../ui/use-form';
import { newPassphraseProblems } from './passphrase';
import { PassphraseField } from '../ui/CredentialFields';

const fieldIds = {
  current: 'current-passphrase',
  passphrase: 'new-passphrase',
  confirmation: 'confirm-new-passphrase',
};
const blank = { current: '', passphrase: '', confirmation: '' };

type ChangePassphraseFormProps = {
  currentHint?: string;
  /** The id of a heading that names the form. */
  labelledBy?: string;
  /** Called as each attempt starts (so an earlier confirmation can be cleared). */
  onAttempt?: () => void;
  /** Called once main has accepted the new passphrase. */
  onChanged: () => void;
};

/** Current, new and confirmation: used by the must-change gate and by My account. */
export function ChangePassphraseForm({
  currentHint,
  labelledBy,
  onAttempt,
  onChanged,
}: ChangePassphraseFormProps) {
  const changePassphrase = useLantern((s) => s.changePassphrase);
  const { field, formProps, errors } = useForm(
    blank,
    fieldIds,
    async (values) => {
      onAttempt?.();
      const fields: Record<string, string> = {};
      if (values.current === '') fields.current = 'Enter your current passphrase.';
      Object.assign(fields, newPassphraseProblems(values.passphrase, values.confirmation));
      if (!fields.passphrase && values.current !== '' && values.passphrase === values.current) {
        fields.passphrase = 'Choose a passphrase that is different from your current one.';
      }
      if (Object.keys(fields).length > 0) return { fields, general: null };
      const result = await changePassphrase(values);
      if (!result) return null;
      if (!result.ok) {
        const { error } = result;
        // A wrong current passphrase belongs under the field it came from.
        if (error.code === 'wrong_passphrase' && !error.fields) {
          return { fields: { current: error.message }, general: null };
        }
        return errorsFromApi(error);
      }
      onChanged();
      return null;
    },
    { resetOnSuccess: true },
  );

  return (
    <form {...formProps} aria-labelledby={labelledBy}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <PassphraseField
        purpose="current"
        label="Current passphrase"
        hint={currentHint}
        {...field('current')}
      />
      <NewPassphraseField label="New passphrase" {...field('passphrase')} />
      <PassphraseField purpose="new" label="Confirm new passphrase" {...field('confirmation')} />
      <div className="button-row">
        <Button type="submit" variant="primary">
          Change passphrase
        </Button>
      </div>
    </form>
  );
}

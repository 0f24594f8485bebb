import { normaliseRecoveryKey } from '../../shared/users/recovery-key';
import { PlainLayout } from '../app/PlainLayout';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { NewPassphraseField } from '../ui/NewPassphraseField';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { newPassphraseProblems } from './passphrase';
import { PassphraseField, UsernameField } from '../ui/CredentialFields';

const fieldIds = {
  recoveryKey: 'recovery-key',
  username: 'recovery-username',
  passphrase: 'recovery-passphrase',
  confirmation: 'recovery-confirmation',
};
const blank = { recoveryKey: '', username: '', passphrase: '', confirmation: '' };

export function RecoveryScreen({ onBack }: { onBack: () => void }) {
  const recover = useLantern((s) => s.recover);
  const { field, formProps, errors, pending } = useForm(blank, fieldIds, async (values) => {
    const fields: Record<string, string> = {};
    if (values.recoveryKey.trim() === '') fields.recoveryKey = 'Enter the recovery key.';
    else if (normaliseRecoveryKey(values.recoveryKey) === null) {
      fields.recoveryKey =
        'Enter the recovery key exactly as it is printed on the recovery sheet: 30 letters and digits.';
    }
    if (values.username.trim() === '') {
      fields.username = 'Enter the username of the account to reset.';
    }
    Object.assign(fields, newPassphraseProblems(values.passphrase, values.confirmation));
    if (Object.keys(fields).length > 0) return { fields, general: null };
    const error = await recover({
      recoveryKey: values.recoveryKey.trim(),
      username: values.username.trim(),
      passphrase: values.passphrase,
      confirmation: values.confirmation,
    });
    return error ? errorsFromApi(error) : null;
  });

  return (
    <PlainLayout>
      <PageHeading>Use the recovery key</PageHeading>
      <p>
        If a passphrase has been forgotten, the recovery key on your school’s recovery sheet lets
        you choose a new one. The sheet should be in the school safe, and your designated
        safeguarding lead knows where it is.
      </p>
      <p>
        If you are not the designated safeguarding lead, ask them to reset your passphrase instead:
        they can give you a one-time passphrase. Lantern tells them every time the recovery key is
        used.
      </p>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField
          label="Recovery key"
          hint="As printed on the recovery sheet, for example 7KQ2M-9XD4R-… Capitals, spaces and hyphens do not matter."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={100}
          code
          {...field('recoveryKey')}
        />
        <UsernameField
          label="Username"
          hint="The username of the account whose passphrase was forgotten."
          {...field('username')}
        />
        <NewPassphraseField label="New passphrase" {...field('passphrase')} />
        <PassphraseField purpose="new" label="Confirm new passphrase" {...field('confirmation')} />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Reset passphrase and sign in
          </Button>
          <Button onClick={onBack}>Back to sign in</Button>
        </div>
        <StatusMessage
          notice={pending ? { tone: 'info', text: 'Checking the recovery key…' } : null}
        />
      </form>
    </PlainLayout>
  );
}

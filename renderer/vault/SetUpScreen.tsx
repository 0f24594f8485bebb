import { MIN_PASSPHRASE_LENGTH } from '../../shared/api';
import { PlainLayout } from '../app/PlainLayout';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, hasErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { passphraseStrength, setUpProblems } from './passphrase';

const fieldIds = { passphrase: 'passphrase', confirmation: 'confirm-passphrase' };
const blank = { passphrase: '', confirmation: '' };

export function SetUpScreen() {
  const createVault = useLantern((s) => s.createVault);
  const { field, formProps, errors, pending, values } = useForm(
    blank,
    fieldIds,
    async ({ passphrase, confirmation }) => {
      const problems = setUpProblems(passphrase, confirmation);
      if (hasErrors(problems)) return problems;
      const error = await createVault(passphrase, confirmation);
      return error ? errorsFromApi(error) : null;
    },
  );
  const strength = passphraseStrength(values.passphrase);

  return (
    <PlainLayout>
      <PageHeading>Set up Lantern</PageHeading>
      <p>
        Lantern keeps your school’s safeguarding records in an encrypted store on this computer. The
        passphrase you choose now encrypts them, and Lantern asks for it each time it opens.
      </p>
      <p>
        Nobody else can recover this passphrase: not your IT support, and not Lantern’s makers.
        Choose something memorable, such as three or four random words, and keep it somewhere safe.
      </p>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          maxLength={1024}
          {...field('passphrase')}
          hint={
            <>
              <span>Use at least {MIN_PASSPHRASE_LENGTH} characters. </span>
              {strength ? (
                <span className={`strength strength--${strength.level}`}>{strength.text}</span>
              ) : null}
            </>
          }
        />
        <TextField
          label="Confirm passphrase"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          maxLength={1024}
          {...field('confirmation')}
        />
        <Button type="submit" variant="primary">
          Create encrypted store
        </Button>
        <StatusMessage
          notice={pending ? { tone: 'info', text: 'Creating the encrypted store…' } : null}
        />
      </form>
    </PlainLayout>
  );
}

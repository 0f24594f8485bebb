import type { SchoolInput } from '../../shared/school/schema';
import { methods } from '../../shared/api';
import { newPassphraseProblems } from '../auth/passphrase';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromIssues, fieldsUnder } from '../ui/form-errors';
import { NewPassphraseField } from '../ui/NewPassphraseField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { PassphraseField, UsernameField } from '../ui/CredentialFields';

export type DslValues = {
  displayName: string;
  username: string;
  passphrase: string;
  confirmation: string;
};

export const blankDsl: DslValues = {
  displayName: '',
  username: '',
  passphrase: '',
  confirmation: '',
};

const fieldIds: Record<keyof DslValues, string> = {
  displayName: 'dsl-display-name',
  username: 'dsl-username',
  passphrase: 'dsl-passphrase',
  confirmation: 'dsl-confirmation',
};

const dslSchema = methods['setup.create'].input.shape.dsl;

/** The checks main makes on the DSL's account, with friendlier words for blank fields. */
function dslProblems(values: DslValues): Record<string, string> {
  const parsed = dslSchema.safeParse(values);
  const schemaFields = parsed.success ? {} : errorsFromIssues(parsed.error.issues);
  const fields: Record<string, string> = {};
  if (values.displayName.trim() === '') fields.displayName = 'Enter your full name.';
  else if (schemaFields.displayName) fields.displayName = schemaFields.displayName;
  if (values.username.trim() === '') fields.username = 'Choose a username.';
  else if (schemaFields.username) fields.username = schemaFields.username;
  return { ...fields, ...newPassphraseProblems(values.passphrase, values.confirmation) };
}

type DslAccountStepProps = {
  initial: DslValues;
  school: SchoolInput;
  /** Back to step 1, keeping what was typed here. */
  onBack: (values: DslValues) => void;
  /** main found a problem with the school details: step 1 shows it. */
  onSchoolErrors: (errors: FormErrors, values: DslValues) => void;
};

export function DslAccountStep({ initial, school, onBack, onSchoolErrors }: DslAccountStepProps) {
  const createStore = useLantern((s) => s.createStore);
  const { field, formProps, errors, pending, values } = useForm(
    initial,
    fieldIds,
    async (typed) => {
      const fields = dslProblems(typed);
      if (Object.keys(fields).length > 0) return { fields, general: null };
      const error = await createStore({ school, dsl: typed });
      if (!error) return null;
      const schoolFields = fieldsUnder(error, 'school.');
      if (Object.keys(schoolFields).length > 0) {
        onSchoolErrors({ fields: schoolFields, general: null }, typed);
        return null;
      }
      const dslFields = fieldsUnder(error, 'dsl.');
      return Object.keys(dslFields).length > 0
        ? { fields: dslFields, general: null }
        : { fields: {}, general: error.message };
    },
  );

  return (
    <>
      <p>
        This is your own account as the school’s designated safeguarding lead. You will add everyone
        else’s accounts once Lantern is set up.
      </p>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField label="Your full name" autoComplete="name" {...field('displayName')} />
        <UsernameField
          label="Username"
          hint="What you will type to sign in, for example jsmith. Letters, digits, dots, hyphens or underscores."
          {...field('username')}
        />
        <NewPassphraseField label="Passphrase" {...field('passphrase')} />
        <PassphraseField purpose="new" label="Confirm passphrase" {...field('confirmation')} />
        <p>
          Your passphrase encrypts the school’s records. Nobody can tell you what it is: not your IT
          support, and not Lantern’s makers. The next step gives you a recovery key for when a
          passphrase is forgotten.
        </p>
        <div className="button-row">
          <Button type="submit" variant="primary">
            Create encrypted store
          </Button>
          <Button
            onClick={() => {
              onBack(values);
            }}
          >
            Back
          </Button>
        </div>
        <StatusMessage
          notice={pending ? { tone: 'info', text: 'Creating the encrypted store…' } : null}
        />
      </form>
    </>
  );
}

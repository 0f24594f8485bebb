import { useEffect, useRef } from 'react';

import { roleLabels, roles } from '../../shared/auth/roles';
import { methods } from '../../shared/api';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

const fieldIds = { displayName: 'user-display-name', username: 'user-username', role: 'user-role' };
const blank = { displayName: '', username: '', role: '' };
const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
const addUserInput = methods['users.add'].input;

type AddUserFormProps = {
  onAdded: () => void;
  onCancel: () => void;
};

export function AddUserForm({ onAdded, onCancel }: AddUserFormProps) {
  const addUser = useLantern((s) => s.addUser);
  const heading = useRef<HTMLHeadingElement>(null);
  const { field, formProps, errors } = useForm(blank, fieldIds, async (values) => {
    const parsed = addUserInput.safeParse(values);
    if (!parsed.success) {
      const fields = errorsFromIssues(parsed.error.issues);
      if (values.username.trim() === '') fields.username = 'Enter a username.';
      return { fields, general: null };
    }
    const result = await addUser(parsed.data);
    if (!result) return null;
    if (!result.ok) return errorsFromApi(result.error);
    onAdded();
    return null;
  });

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="panel" aria-labelledby="add-user-title">
      <h2 id="add-user-title" tabIndex={-1} ref={heading}>
        Add a user
      </h2>
      <p>
        Lantern gives the new user a one-time passphrase. They choose their own when they first sign
        in.
      </p>
      <form {...formProps}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <TextField label="Full name" autoComplete="off" {...field('displayName')} />
        <TextField
          label="Username"
          hint="What they will type to sign in, for example jsmith. Letters, digits, dots, hyphens or underscores."
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          width="medium"
          maxLength={64}
          {...field('username')}
        />
        <SelectField
          label="Role"
          hint="What they can see and do in Lantern. Staff can find a pupil but cannot open a child’s file; governors see no pupils."
          placeholder="Choose…"
          options={roleOptions}
          {...field('role')}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Add user
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}

import { useState } from 'react';

import type { SessionStatus } from '../../shared/api';
import type { Result } from '../../shared/result';
import { RECOVERY_GROUP_LENGTH } from '../../shared/users/recovery-key';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

/*
 * The parts of showing a new recovery key, shared by set-up's last step and by a change of the
 * encryption key: the key and what to do with it, the printable sheet, and the confirmation
 * that it has been stored. Both rely on main holding the key in the session until it is
 * confirmed.
 */

const fieldIds = { lastGroup: 'recovery-last-group', stored: 'recovery-stored' };
const blank = { lastGroup: '', stored: '' };

/** The printable sheet: where it went, or why it did not. */
function useRecoverySheet() {
  const saveRecoverySheet = useLantern((s) => s.saveRecoverySheet);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(): Promise<void> {
    if (saving) return;
    setSaving(true);
    setNotice({ tone: 'info', text: 'Preparing the recovery sheet…' });
    const result = await saveRecoverySheet();
    setSaving(false);
    if (!result) return;
    if (!result.ok) {
      setNotice({
        tone: 'warning',
        text: `The recovery sheet could not be saved: ${result.error.message}`,
      });
      return;
    }
    const { savedTo } = result.value;
    setNotice(
      savedTo === null
        ? { tone: 'info', text: 'Not saved.' }
        : { tone: 'success', text: `Recovery sheet saved to ${savedTo}.` },
    );
  }

  return { notice, save };
}

/** The key itself, how to keep it, and the button that saves the printable sheet. */
export function RecoveryKeyDetails({ recoveryKey }: { recoveryKey: string }) {
  const sheet = useRecoverySheet();
  return (
    <>
      <p className="recovery-key">
        <span className="visually-hidden">Recovery key: </span>
        <span className="recovery-key__text">{recoveryKey}</span>
      </p>
      <ul className="list">
        <li>
          Print the recovery sheet and keep it in the school safe, away from this computer. Once it
          is printed, delete the PDF: never keep the key on this computer or send it by email.
        </li>
        <li>
          Anyone who holds the recovery key can reset a passphrase and open the records. Guard it as
          you would the safe’s own key.
        </li>
        <li>
          If every passphrase is forgotten and the recovery key is lost, nobody can open the
          records: not your IT support, and not Lantern’s makers.
        </li>
      </ul>
      <div className="button-row button-row--tight">
        <Button
          onClick={() => {
            void sheet.save();
          }}
        >
          Save recovery sheet (PDF)
        </Button>
      </div>
      <StatusMessage notice={sheet.notice} />
    </>
  );
}

type ConfirmRecoveryKeyFormProps = {
  submitLabel: string;
  /** Sends the last group to main; resolves to null when the session ended first. */
  confirm: (lastGroup: string) => Promise<Result<SessionStatus> | null>;
  /** Called once main has accepted the last group. */
  onConfirmed?: () => void;
};

/**
 * The DSL types the key's last group back and ticks that it is stored safely; only then does
 * main forget the key.
 */
export function ConfirmRecoveryKeyForm({
  submitLabel,
  confirm,
  onConfirmed,
}: ConfirmRecoveryKeyFormProps) {
  const { field, formProps, errors, values } = useForm(
    blank,
    fieldIds,
    async ({ lastGroup, stored }) => {
      const fields: Record<string, string> = {};
      if (lastGroup.trim() === '') {
        fields.lastGroup = `Type the last ${RECOVERY_GROUP_LENGTH} characters of the recovery key.`;
      }
      if (stored !== 'yes') {
        fields.stored = 'Confirm that you have stored the recovery key safely.';
      }
      if (Object.keys(fields).length > 0) return { fields, general: null };
      const result = await confirm(lastGroup.trim());
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      onConfirmed?.();
      return null;
    },
  );
  const stored = field('stored');

  return (
    <form {...formProps}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField
        label="Last group of the recovery key"
        hint={`Type the last ${RECOVERY_GROUP_LENGTH} characters of the key, to show you have recorded it.`}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        width="short"
        maxLength={20}
        code
        {...field('lastGroup')}
      />
      <CheckboxField
        id={stored.id}
        label="I have stored the recovery key safely"
        checked={values.stored === 'yes'}
        error={stored.error}
        onChange={(checked) => {
          stored.onChange(checked ? 'yes' : '');
        }}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

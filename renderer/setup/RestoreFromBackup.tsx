import { useState } from 'react';

import type { BackupToRestore } from '../../shared/api';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { PassphraseField, UsernameField } from '../ui/CredentialFields';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

type Problems = { folder?: string; username?: string; passphrase?: string; recoveryKey?: string };

/**
 * On the first-run screen: bring the school's store back from a backup folder (an external
 * drive or a network share) after a computer was lost or broke. Main verifies the backup before
 * and after copying it, and never restores over a store.
 */
export function RestoreFromBackup() {
  const chooseBackup = useLantern((s) => s.chooseBackup);
  const restoreBackup = useLantern((s) => s.restoreBackup);
  const [backup, setBackup] = useState<BackupToRestore | null>(null);
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [pending, setPending] = useState<'choosing' | 'restoring' | null>(null);

  async function choose(): Promise<void> {
    setPending('choosing');
    const result = await chooseBackup();
    setPending(null);
    if (!result.ok) {
      setBackup(null);
      setProblems({ folder: result.error.message });
      return;
    }
    setProblems({});
    if (result.value) setBackup(result.value);
  }

  async function restore(): Promise<void> {
    if (!backup || pending) return;
    const found: Problems = {};
    if (useRecoveryKey) {
      if (recoveryKey.trim() === '') found.recoveryKey = 'Enter the recovery key.';
    } else {
      if (username.trim() === '') found.username = 'Enter your username.';
      if (passphrase === '') found.passphrase = 'Enter your passphrase.';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setPending('restoring');
    const error = await restoreBackup({
      folder: backup.folder,
      secret: useRecoveryKey
        ? { kind: 'recovery', recoveryKey: recoveryKey.trim() }
        : { kind: 'passphrase', username: username.trim(), passphrase },
    });
    setPending(null);
    if (!error) return;
    const fields = error.fields ?? {};
    const message = fields.folder ?? fields['secret.passphrase'] ?? error.message;
    setProblems(useRecoveryKey ? { recoveryKey: message } : { passphrase: message });
  }

  return (
    <section className="panel setup-alternative" aria-labelledby="restore-title">
      <h2 id="restore-title">Restoring after a lost or broken computer?</h2>
      <p>
        If your school already uses Lantern, restore its records from a backup folder (on an
        external drive or a network share) instead of setting up afresh. Lantern checks the backup
        before it copies anything.
      </p>
      <Button onClick={() => void choose()} aria-disabled={pending !== null}>
        {backup ? 'Choose another backup folder' : 'Restore from a backup'}
      </Button>
      {problems.folder ? (
        <p className="field__error" role="alert">
          {problems.folder}
        </p>
      ) : null}
      {backup ? (
        <form
          noValidate
          className="restore-form"
          onSubmit={(event) => {
            event.preventDefault();
            void restore();
          }}
        >
          <p>
            Backup made <strong>{formatInstant(backup.createdAt)}</strong>, in{' '}
            <span className="code">{backup.folder}</span>.
          </p>
          <CheckboxField
            id="restore-use-recovery"
            label="I have the recovery key instead of a passphrase"
            checked={useRecoveryKey}
            onChange={setUseRecoveryKey}
          />
          {useRecoveryKey ? (
            <TextField
              id="restore-recovery-key"
              label="Recovery key"
              hint="From the school’s printed recovery sheet. After restoring, choose a new passphrase with it."
              code
              value={recoveryKey}
              onChange={setRecoveryKey}
              error={problems.recoveryKey}
              errorRole="alert"
            />
          ) : (
            <>
              <UsernameField
                id="restore-username"
                label="Your Lantern username"
                value={username}
                onChange={setUsername}
                error={problems.username}
              />
              <PassphraseField
                purpose="current"
                id="restore-passphrase"
                label="Your Lantern passphrase"
                value={passphrase}
                onChange={setPassphrase}
                error={problems.passphrase}
                errorRole="alert"
              />
            </>
          )}
          <StatusMessage
            notice={
              pending === 'restoring'
                ? { tone: 'info', text: 'Checking and restoring the backup…' }
                : null
            }
          />
          <Button type="submit" variant="primary">
            Restore this backup
          </Button>
        </form>
      ) : null}
    </section>
  );
}

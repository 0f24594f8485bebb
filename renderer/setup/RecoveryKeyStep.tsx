import { useLantern } from '../store';
import { ConfirmRecoveryKeyForm, RecoveryKeyDetails } from './RecoveryKey';

/**
 * Set-up's last step: the recovery key, shown once. Lantern goes on only when the DSL has typed
 * the key's last group back and ticked that it is stored safely.
 */
export function RecoveryKeyStep({ recoveryKey }: { recoveryKey: string }) {
  const confirmRecoveryKey = useLantern((s) => s.confirmRecoveryKey);
  return (
    <>
      <p>
        This is your school’s recovery key. If a passphrase is forgotten, it lets someone choose a
        new one. <strong>Lantern shows it only this once.</strong>
      </p>
      <RecoveryKeyDetails recoveryKey={recoveryKey} />
      <ConfirmRecoveryKeyForm submitLabel="Continue to Lantern" confirm={confirmRecoveryKey} />
    </>
  );
}

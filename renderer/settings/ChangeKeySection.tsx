import { useEffect, useRef, useState } from 'react';

import type { KeyRotation } from '../../shared/api';
import { methods } from '../../shared/api';
import { ConfirmRecoveryKeyForm, RecoveryKeyDetails } from '../setup/RecoveryKey';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { StatusMessage } from '../ui/StatusMessage';
import { useForm } from '../ui/use-form';
import { HandOverAdvice } from '../users/OneTimePassphrasePanel';
import { PassphraseField } from '../ui/CredentialFields';

const TITLE_ID = 'change-key-title';
const fieldIds = { passphrase: 'change-key-passphrase' };
const rotateInput = methods['security.rotateKey'].input;

function RotateKeyForm({ onAttempt }: { onAttempt: () => void }) {
  const rotateKey = useLantern((s) => s.rotateKey);
  const { field, formProps, errors, pending } = useForm(
    { passphrase: '' },
    fieldIds,
    async (values) => {
      onAttempt();
      const parsed = rotateInput.safeParse(values);
      if (!parsed.success) {
        return { fields: errorsFromIssues(parsed.error.issues), general: null };
      }
      const result = await rotateKey(parsed.data.passphrase);
      if (!result || result.ok) return null;
      const { error } = result;
      // A wrong passphrase belongs under the field it came from.
      if (error.code === 'wrong_passphrase' && !error.fields) {
        return { fields: { passphrase: error.message }, general: null };
      }
      return errorsFromApi(error);
    },
    { resetOnSuccess: true },
  );

  return (
    <>
      <p>Change the key that encrypts the school’s records if:</p>
      <ul className="list">
        <li>a laptop or a backup with Lantern on it has been lost or stolen</li>
        <li>someone has left the school on bad terms</li>
        <li>you think someone else may know a passphrase or the recovery key</li>
      </ul>
      <p>When you change it:</p>
      <ul className="list">
        <li>everyone else’s passphrase stops working</li>
        <li>
          each person will need a new one-time passphrase from you: Lantern shows them once,
          straight after the change, so be ready to write them down
        </li>
        <li>
          the old recovery key stops working, so you will need to print a new recovery sheet for the
          school safe
        </li>
        <li>your own passphrase stays the same</li>
      </ul>
      <p>
        A new key protects the records from now on. It cannot protect a copy of Lantern’s files
        taken before the change, such as a lost backup, so follow your school’s data breach
        procedure as well.
      </p>
      <form {...formProps} aria-labelledby={TITLE_ID}>
        <ErrorSummary errors={errors} fieldIds={fieldIds} />
        <PassphraseField
          purpose="current"
          label="Your passphrase"
          hint="To show it is you making this change."
          {...field('passphrase')}
        />
        <div className="button-row">
          <Button type="submit" variant="primary">
            Change the encryption key
          </Button>
        </div>
        <StatusMessage
          notice={
            pending
              ? {
                  tone: 'info',
                  text: 'Changing the encryption key… Keep Lantern open until it has finished.',
                }
              : null
          }
        />
      </form>
    </>
  );
}

function byName(a: KeyRotation['issued'][number], b: KeyRotation['issued'][number]): number {
  return a.user.displayName.localeCompare(b.user.displayName, 'en-GB');
}

type KeyRotationPanelProps = {
  rotation: KeyRotation;
  onConfirmed: () => void;
};

/** What a change of key issued: shown once, and forgotten on Done, on leaving or on lock. */
function KeyRotationPanel({ rotation, onConfirmed }: KeyRotationPanelProps) {
  const confirmRotatedKey = useLantern((s) => s.confirmRotatedKey);
  const heading = useRef<HTMLHeadingElement>(null);
  const issued = [...rotation.issued].sort(byName);
  useEffect(() => {
    heading.current?.focus();
  }, [rotation]);

  return (
    <section className="panel panel--important" aria-labelledby="key-rotation-title">
      <h3 id="key-rotation-title" tabIndex={-1} ref={heading}>
        The encryption key has been changed
      </h3>
      <p>
        <strong>Lantern shows what follows only this once.</strong> Stay on this page until you have
        pressed Done: if you leave it or Lantern locks, the new recovery key and the one-time
        passphrases are gone for good.
      </p>

      <h4 className="panel__subheading">The new recovery key</h4>
      <p>
        If a passphrase is forgotten, this key lets someone choose a new one. The old recovery key
        no longer works: destroy the old recovery sheet once the new one is in the safe.
      </p>
      <RecoveryKeyDetails recoveryKey={rotation.recoveryKey} />

      <h4 className="panel__subheading">One-time passphrases</h4>
      {issued.length > 0 ? (
        <>
          <p>Everyone else’s old passphrase no longer works. They sign in with these instead.</p>
          <table className="table table--whole-words">
            <caption className="visually-hidden">One-time passphrases</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Username</th>
                <th scope="col">One-time passphrase</th>
              </tr>
            </thead>
            <tbody>
              {issued.map(({ user, oneTimePassphrase }) => (
                <tr key={user.id}>
                  <th scope="row">{user.displayName}</th>
                  <td>{user.username}</td>
                  <td>
                    <span className="secret__text">{oneTimePassphrase}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <HandOverAdvice issued={issued} />
        </>
      ) : (
        <p>Nobody else has an active account, so there are no one-time passphrases to hand over.</p>
      )}

      <h4 className="panel__subheading">Confirm the new recovery key</h4>
      <ConfirmRecoveryKeyForm
        submitLabel="Done"
        confirm={confirmRotatedKey}
        onConfirmed={onConfirmed}
      />
    </section>
  );
}

/** Settings → change the encryption key (the DSL only, as main allows). */
export function ChangeKeySection() {
  const rotation = useLantern((s) => s.keyRotation);
  const clearKeyRotation = useLantern((s) => s.clearKeyRotation);
  const [notice, setNotice] = useState<Notice | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The new recovery key and one-time passphrases are shown once: leaving the page forgets them.
  useEffect(() => clearKeyRotation, [clearKeyRotation]);

  return (
    <section className="page-section" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID} tabIndex={-1} ref={heading}>
        Change the encryption key
      </h2>
      <StatusMessage notice={notice} />
      {rotation ? (
        <KeyRotationPanel
          rotation={rotation}
          onConfirmed={() => {
            setNotice({ tone: 'success', text: 'New recovery key confirmed.' });
            heading.current?.focus();
          }}
        />
      ) : (
        <RotateKeyForm
          onAttempt={() => {
            setNotice(null);
          }}
        />
      )}
    </section>
  );
}

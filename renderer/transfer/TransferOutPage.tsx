import { useEffect, useState } from 'react';

import type { SavedFile } from '../../shared/api';
import type { Result } from '../../shared/result';
import type { TransferExported } from '../../shared/transfer/format';
import { newPassphraseProblems } from '../auth/passphrase';
import { BackToChild } from '../chronology/ChronologyPage';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { PassphraseField } from '../ui/CredentialFields';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { NewPassphraseField } from '../ui/NewPassphraseField';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

type Child = { id: string; name: string };

const fieldIds = {
  childId: 'transfer-school',
  toSchoolName: 'transfer-school',
  toUrn: 'transfer-urn',
  passphrase: 'transfer-passphrase',
  confirmation: 'transfer-confirmation',
};

/** The school's signing key fingerprint, read aloud to the receiving DSL. */
function Fingerprint({ fingerprint }: { fingerprint: string | null | undefined }) {
  if (fingerprint === undefined) return null;
  return (
    <p>
      {fingerprint === null ? (
        'This school’s signing key is made with its first transfer; its fingerprint is shown when the file is saved.'
      ) : (
        <>
          This school’s signing key fingerprint: <strong>{fingerprint}</strong>
        </>
      )}
    </p>
  );
}

export function TransferOutPage({ child }: { child: Child }) {
  const transferSigningKey = useLantern((s) => s.transferSigningKey);
  const exportTransfer = useLantern((s) => s.exportTransfer);
  const exportTransferPdf = useLantern((s) => s.exportTransferPdf);
  const [fingerprint, setFingerprint] = useState<string | null | undefined>(undefined);
  const [toSchoolName, setSchool] = useState('');
  const [toUrn, setUrn] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let live = true;
    void transferSigningKey().then((result) => {
      if (live && result?.ok) setFingerprint(result.value.fingerprint);
    });
    return () => {
      live = false;
    };
  }, [transferSigningKey]);

  async function run(kind: 'bundle' | 'pdf'): Promise<void> {
    if (pending) return;
    setNotice(null);
    if (kind === 'bundle') {
      const problems = newPassphraseProblems(passphrase, confirmation);
      if (Object.keys(problems).length > 0) {
        setErrors({ fields: problems, general: null });
        return;
      }
    }
    setPending(true);
    try {
      const destination = { childId: child.id, toSchoolName, toUrn };
      const notice =
        kind === 'bundle'
          ? bundleNotice(await exportTransfer({ ...destination, passphrase }))
          : pdfNotice(await exportTransferPdf(destination));
      if (notice) setNotice(notice);
    } finally {
      setPending(false);
    }
  }

  /** The outcome of a save: errors shown on the form, or the notice to show. */
  function saved(result: Result<{ savedTo: string | null }> | null): string | Notice | null {
    if (!result) return null;
    if (!result.ok) {
      setErrors(errorsFromApi(result.error));
      return null;
    }
    setErrors(noErrors);
    return (
      result.value.savedTo ?? { tone: 'info', text: 'Nothing was saved: the save was cancelled.' }
    );
  }

  function bundleNotice(result: Result<TransferExported> | null): Notice | null {
    const path = saved(result);
    if (typeof path !== 'string') return path;
    if (!result?.ok) return null;
    setFingerprint(result.value.fingerprint);
    setPassphrase('');
    setConfirmation('');
    return {
      tone: 'success',
      text: `The transfer file for ${toSchoolName} was saved to ${path}. The duty to transfer the file is recorded as done; Lantern now waits for their receipt. Phone their DSL with the passphrase and the fingerprint ${result.value.fingerprint}.`,
    };
  }

  function pdfNotice(result: Result<SavedFile> | null): Notice | null {
    const path = saved(result);
    if (typeof path !== 'string') return path;
    return {
      tone: 'success',
      text: `The printable file for ${toSchoolName} was saved to ${path}. Send it by signed-for post or secure email, then record the transfer on the duty.`,
    };
  }

  return (
    <>
      <BackToChild child={child} />
      <PageHeading>Transfer the child protection file</PageHeading>
      <p>
        {child.name}’s child protection file goes to the new school’s DSL, separately from the main
        pupil file: within 5 days for an in-year move, or within the first 5 days of the new term.
        Lantern encrypts the file with a passphrase you choose and signs it as coming from this
        school.
      </p>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <StatusMessage notice={notice} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run('bundle');
        }}
      >
        <section className="page-section" aria-labelledby="transfer-to-title">
          <h2 id="transfer-to-title">The new school</h2>
          <TextField
            id="transfer-school"
            label="Receiving school’s name"
            value={toSchoolName}
            error={errors.fields.toSchoolName ?? errors.fields.childId}
            onChange={setSchool}
          />
          <TextField
            id="transfer-urn"
            label="Receiving school’s URN"
            hint="6 digits, as on Get Information about Schools."
            width="short"
            inputMode="numeric"
            value={toUrn}
            error={errors.fields.toUrn}
            onChange={setUrn}
          />
        </section>
        <section className="page-section" aria-labelledby="transfer-passphrase-title">
          <h2 id="transfer-passphrase-title">Passphrase for the file</h2>
          <p>
            Give the passphrase to the receiving DSL <strong>by phone</strong>, never with the file.
            Read them the fingerprint too, so they can check the file came from this school. Lantern
            does not keep the passphrase.
          </p>
          <Fingerprint fingerprint={fingerprint} />
          <NewPassphraseField
            id="transfer-passphrase"
            label="Passphrase"
            value={passphrase}
            error={errors.fields.passphrase}
            onChange={setPassphrase}
          />
          <PassphraseField
            id="transfer-confirmation"
            purpose="new"
            label="Passphrase again"
            value={confirmation}
            error={errors.fields.confirmation}
            onChange={setConfirmation}
          />
        </section>
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Export the transfer file
          </Button>
          <Button
            disabled={pending}
            onClick={() => {
              void run('pdf');
            }}
          >
            Export printable PDF
          </Button>
        </div>
        <p className="field__hint">
          The printable PDF is for a school without Lantern; it needs no passphrase, so send it by
          signed-for post or secure email.
        </p>
      </form>
    </>
  );
}

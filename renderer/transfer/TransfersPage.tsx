import { useState } from 'react';

import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import type { TransferImported, TransferPreview } from '../../shared/transfer/format';
import { countsText, RECEIPT_EXTENSION, TRANSFER_EXTENSION } from '../../shared/transfer/format';
import { BackToPupils } from '../children/BackToPupils';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { PassphraseField } from '../ui/CredentialFields';
import { DetailsList } from '../ui/DetailsList';
import { ErrorSummary } from '../ui/ErrorSummary';
import { FileField } from '../ui/FileField';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import type { Decision } from './WhoseFile';
import { decisionInput, WhoseFile } from './WhoseFile';

type Chosen = { name: string; text: string };

const receiveIds = {
  bundle: 'receive-file',
  passphrase: 'receive-passphrase',
  decision: 'receive-other',
};
const receiptIds = { receipt: 'receipt-file' };

function PreviewDetails({ preview }: { preview: TransferPreview }) {
  return (
    <DetailsList
      details={[
        { term: 'Child', description: preview.child.name },
        {
          term: 'Date of birth',
          description: preview.child.dateOfBirth
            ? formatCalendarDate(preview.child.dateOfBirth)
            : 'Not given',
        },
        { term: 'UPN', description: preview.child.upn || 'Not given' },
        {
          term: 'From',
          description: `${preview.from.schoolName} (URN ${preview.from.urn}), sent by ${preview.from.dslName} on ${formatInstant(preview.createdAt)}`,
        },
        {
          term: 'Sender’s key fingerprint',
          description: `${preview.senderFingerprint}: check it with the sending DSL by phone.`,
        },
        {
          term: 'Contents',
          description: countsText(preview.counts),
        },
      ]}
    />
  );
}

function Receive() {
  const inspectTransfer = useLantern((s) => s.inspectTransfer);
  const importTransfer = useLantern((s) => s.importTransfer);
  const saveTransferReceipt = useLantern((s) => s.saveTransferReceipt);
  const [file, setFile] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<TransferPreview | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [imported, setImported] = useState<TransferImported | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  function restart(): void {
    setPreview(null);
    setDecision(null);
    setImported(null);
    setNotice(null);
  }

  async function busy(work: () => Promise<void>): Promise<void> {
    if (pending) return;
    setPending(true);
    try {
      await work();
    } finally {
      setPending(false);
    }
  }

  const check = () =>
    busy(async () => {
      restart();
      if (!file) {
        setErrors({
          fields: { bundle: 'Choose the file the sending school gave you.' },
          general: null,
        });
        return;
      }
      const result = await inspectTransfer({ bundle: file.text, passphrase });
      if (!result) return;
      if (!result.ok) {
        setErrors(errorsFromApi(result.error));
        return;
      }
      setErrors(noErrors);
      setPreview(result.value);
      setDecision(result.value.match ? { kind: 'upn' } : null);
    });

  const confirm = (shown: TransferPreview) =>
    busy(async () => {
      if (!file) return;
      const chosen = decisionInput(decision, shown);
      if (typeof chosen === 'string') {
        setErrors({ fields: { decision: chosen }, general: null });
        return;
      }
      const result = await importTransfer({ bundle: file.text, passphrase, decision: chosen });
      if (!result) return;
      if (!result.ok) {
        setErrors(errorsFromApi(result.error));
        return;
      }
      setErrors(noErrors);
      setImported(result.value);
      setNotice({
        tone: result.value.alreadyImported ? 'info' : 'success',
        text: result.value.message,
      });
    });

  const saveReceipt = (bundleId: string) =>
    busy(async () => {
      const result = await saveTransferReceipt(bundleId);
      if (!result) return;
      if (!result.ok) {
        setErrors(errorsFromApi(result.error));
        return;
      }
      setNotice(
        result.value.savedTo === null
          ? { tone: 'info', text: 'The receipt was not saved: the save was cancelled.' }
          : {
              tone: 'success',
              text: `The receipt was saved to ${result.value.savedTo}. Send it to the sending school’s DSL: it confirms you received the file.`,
            },
      );
    });

  const done = imported ?? (preview?.imported ? { bundleId: preview.bundleId } : null);

  return (
    <section className="page-section" aria-labelledby="receive-title">
      <h2 id="receive-title">Receive a transferred file</h2>
      <ErrorSummary errors={errors} fieldIds={receiveIds} />
      <StatusMessage notice={notice} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <FileField
          id="receive-file"
          label="The transfer file"
          hint={`The .${TRANSFER_EXTENSION} file the sending school gave you.`}
          accept={`.${TRANSFER_EXTENSION},application/json`}
          error={errors.fields.bundle}
          onFile={(chosen) => {
            restart();
            void chosen.text().then((text) => {
              setFile({ name: chosen.name, text });
            });
          }}
        />
        <PassphraseField
          id="receive-passphrase"
          purpose="current"
          autoComplete="off"
          label="Passphrase"
          hint="The sending school’s DSL gives it to you by phone."
          value={passphrase}
          error={errors.fields.passphrase}
          onChange={(value) => {
            setPassphrase(value);
          }}
        />
        <div className="button-row">
          <Button type="submit" variant="primary" disabled={pending}>
            Check the file
          </Button>
        </div>
      </form>
      {preview ? (
        <section className="page-section" aria-labelledby="receive-preview-title">
          <h3 id="receive-preview-title">What the file holds</h3>
          <PreviewDetails preview={preview} />
          {preview.imported ? (
            <p>
              This file was already imported on {formatInstant(preview.imported.importedAt)} into{' '}
              {preview.imported.childName}’s file.
            </p>
          ) : imported ? null : (
            <>
              <WhoseFile
                preview={preview}
                decision={decision}
                error={errors.fields.decision}
                onChange={(next) => {
                  setDecision(next);
                  setErrors(noErrors);
                }}
              />
              <div className="button-row">
                <Button
                  variant="primary"
                  disabled={pending}
                  onClick={() => {
                    void confirm(preview);
                  }}
                >
                  Import the file
                </Button>
              </div>
            </>
          )}
          {done ? (
            <div className="button-row">
              <Button
                variant={imported ? 'primary' : 'secondary'}
                disabled={pending}
                onClick={() => {
                  void saveReceipt(done.bundleId);
                }}
              >
                Save the receipt
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

function ImportReceipt() {
  const importTransferReceipt = useLantern((s) => s.importTransferReceipt);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  async function record(): Promise<void> {
    if (pending) return;
    setNotice(null);
    if (receipt === null) {
      setErrors({ fields: { receipt: 'Choose the receipt file.' }, general: null });
      return;
    }
    setPending(true);
    try {
      const result = await importTransferReceipt(receipt);
      if (!result) return;
      if (!result.ok) {
        setErrors(errorsFromApi(result.error));
        return;
      }
      setErrors(noErrors);
      const r = result.value;
      setNotice({
        tone: 'success',
        text: `Receipt recorded: ${r.childName}’s file was received by ${r.receivedBy} on ${formatInstant(r.receivedAt)}.${r.dutyDischarged ? ' The duty to obtain confirmation of receipt is recorded as done.' : ''}`,
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="page-section" aria-labelledby="receipt-title">
      <h2 id="receipt-title">Record a receipt for a file you sent</h2>
      <ErrorSummary errors={errors} fieldIds={receiptIds} />
      <StatusMessage notice={notice} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void record();
        }}
      >
        <FileField
          id="receipt-file"
          label="The receipt"
          hint={`The .${RECEIPT_EXTENSION} file the receiving school sent back.`}
          accept={`.${RECEIPT_EXTENSION},application/json`}
          error={errors.fields.receipt}
          onFile={(chosen) => {
            setNotice(null);
            void chosen.text().then(setReceipt);
          }}
        />
        <div className="button-row">
          <Button type="submit" disabled={pending}>
            Record the receipt
          </Button>
        </div>
      </form>
    </section>
  );
}

export function TransfersPage() {
  return (
    <>
      <BackToPupils />
      <PageHeading>Child protection file transfers</PageHeading>
      <p>
        Files sent by another school’s Lantern, and the receipts for the files this school sent. To
        send a file, open the pupil’s page and choose “Transfer the child protection file”.
      </p>
      <Receive />
      <ImportReceipt />
    </>
  );
}

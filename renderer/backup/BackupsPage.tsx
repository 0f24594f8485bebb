import { useEffect, useState } from 'react';

import type { BackupStatus, BackupWarning } from '../../shared/backup/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import type { ApiError } from '../../shared/result';
import { call } from '../api';
import type { Notice } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { BackupSettingsForm } from './BackupSettingsForm';
import { lastGoodText, runText, sizeText } from './backup-text';

/** Warnings in words, each marked "Warning" for those who cannot see the colour. */
export function BackupWarnings({ warnings }: { warnings: readonly BackupWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="list">
      {warnings.map((w) => (
        <li key={`${w.code}:${w.message}`}>
          <strong>Warning:</strong> {w.message}
        </li>
      ))}
    </ul>
  );
}

function History({ status }: { status: BackupStatus }) {
  if (status.history.length === 0)
    return <p className="empty-state">Nothing has been backed up yet.</p>;
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">Backups and checks, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Folder</th>
          <th scope="col">What</th>
          <th scope="col">Result</th>
          <th scope="col">Size</th>
        </tr>
      </thead>
      <tbody>
        {status.history.map((r) => (
          <tr key={r.id}>
            <td>{formatInstant(r.at)}</td>
            <td>{r.destinationLabel}</td>
            <td>
              {r.kind === 'backup' ? 'Backup' : 'Check'}
              {r.trigger === 'scheduled' ? ' (scheduled)' : ''}
            </td>
            <td>{r.ok ? 'Succeeded' : `Failed: ${r.problem ?? ''}`}</td>
            <td>{sizeText(r.bytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Backups (security R6, G3): where they go, the schedule, back up now, check the newest backup,
 * and the log of every backup and check. Each backup is encrypted with the school's key and
 * checked before it counts.
 */
export function BackupsPage() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loads, setLoads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let current = true;
    void call('backup.status', {}).then((result) => {
      if (!current) return;
      if (result.ok) setStatus(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [loads]);

  async function backUp(destinationId?: string) {
    setBusy(true);
    setNotice({ tone: 'info', text: 'Backing up and checking the backup…' });
    const result = await call('backup.run', destinationId === undefined ? {} : { destinationId });
    setBusy(false);
    if (!result.ok) {
      setNotice({ tone: 'warning', text: result.error.message });
      return;
    }
    setStatus(result.value.status);
    const failed = result.value.runs.filter((r) => !r.ok);
    setNotice(
      failed.length === 0
        ? { tone: 'success', text: 'Backed up and checked.' }
        : { tone: 'warning', text: failed.map(runText).join(' ') },
    );
  }

  async function verify(destinationId: string) {
    setBusy(true);
    setNotice({ tone: 'info', text: 'Checking the newest backup…' });
    const result = await call('backup.verify', { destinationId });
    setBusy(false);
    if (!result.ok) {
      setNotice({ tone: 'warning', text: result.error.message });
      return;
    }
    setStatus(result.value.status);
    setNotice({
      tone: result.value.run.ok ? 'success' : 'warning',
      text: result.value.run.ok
        ? `The newest backup in ${result.value.run.destinationLabel} opens and is complete.`
        : runText(result.value.run),
    });
  }

  return (
    <>
      <PageHeading>Backups</PageHeading>
      {status === null ? (
        error ? (
          <LoadFailure
            error={error}
            onRetry={() => {
              setError(null);
              setLoads((n) => n + 1);
            }}
          />
        ) : (
          <Loading text="Loading backups…" />
        )
      ) : (
        <>
          <p>
            Each backup is a complete, encrypted copy of the school’s records. It opens with the
            same passphrases and recovery key, and Lantern checks every backup before counting it.
          </p>
          <DetailsList
            details={[
              { term: 'Last good backup', description: lastGoodText(status.lastGoodAt) },
              {
                term: 'Next backup due',
                description:
                  status.nextDueAt === null ? 'Not scheduled' : formatInstant(status.nextDueAt),
              },
            ]}
          />
          <BackupWarnings warnings={status.warnings} />
          <StatusMessage notice={notice} />
          {status.destinations.length > 0 ? (
            <section aria-labelledby="backup-now-title">
              <h2 id="backup-now-title">Back up now</h2>
              <div className="button-row">
                <Button
                  variant="primary"
                  disabled={busy}
                  onClick={() => {
                    void backUp();
                  }}
                >
                  Back up now
                </Button>
              </div>
              {status.destinations.map((d) => (
                <section
                  className="page-section"
                  key={d.id}
                  aria-labelledby={`backup-destination-${d.id}`}
                >
                  <h3 id={`backup-destination-${d.id}`}>
                    {d.label}
                    {d.offline ? ' (kept offline or off site)' : ''}
                  </h3>
                  <p className="input--code">{d.path}</p>
                  <p>Last good backup: {lastGoodText(d.lastGood?.at ?? null)}</p>
                  {d.lastRun && !d.lastRun.ok ? <p>{runText(d.lastRun)}</p> : null}
                  {d.lastVerify ? <p>{runText(d.lastVerify)}</p> : null}
                  <div className="button-row">
                    <Button
                      disabled={busy}
                      onClick={() => {
                        void backUp(d.id);
                      }}
                    >
                      Back up to {d.label}
                    </Button>
                    <Button
                      disabled={busy}
                      onClick={() => {
                        void verify(d.id);
                      }}
                    >
                      Check the newest backup in {d.label}
                    </Button>
                  </div>
                </section>
              ))}
            </section>
          ) : null}
          <section aria-labelledby="backup-settings-title">
            <h2 id="backup-settings-title">Backup folders and schedule</h2>
            <BackupSettingsForm status={status} onSaved={setStatus} />
          </section>
          <section aria-labelledby="backup-history-title">
            <h2 id="backup-history-title">History</h2>
            <History status={status} />
          </section>
        </>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';

import type { BackupStatus } from '../../shared/backup/schema';
import type { ApiError } from '../../shared/result';
import { call } from '../api';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { BackupWarnings } from './BackupsPage';
import { lastGoodText } from './backup-text';

/** The dashboard's backup card: when the last good backup was made, and any warning in words. */
export function LastBackupCard() {
  const navigate = useLantern((s) => s.navigate);
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loads, setLoads] = useState(0);
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
  const warned = status !== null && status.warnings.length > 0;
  return (
    <section
      className={warned ? 'dashboard__panel dashboard__panel--warning' : 'dashboard__panel'}
      aria-labelledby="dashboard-backup"
    >
      <h2 id="dashboard-backup">Last good backup</h2>
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
            <strong>{lastGoodText(status.lastGoodAt)}</strong>
          </p>
          <BackupWarnings warnings={status.warnings} />
          <Button
            onClick={() => {
              navigate({ page: 'backups' });
            }}
          >
            Open backups
          </Button>
        </>
      )}
    </section>
  );
}

import { useState } from 'react';

import type { BackupStatus } from '../../shared/backup/schema';
import {
  BACKUP_INTERVAL_HOURS,
  BACKUP_KEEP,
  backupSettingsInput,
  MAX_BACKUP_DESTINATIONS,
} from '../../shared/backup/schema';
import { call } from '../api';
import { whole } from '../settings/whole-number';
import type { Notice } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { errorsFromApi, noErrors } from '../ui/form-errors';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';

type Draft = { id: string; label: string; path: string; offline: boolean };

/** Each form field's id, by the dot path main and the schema use for it. */
function fieldIdsFor(destinations: readonly Draft[]): Record<string, string> {
  const ids: Record<string, string> = {};
  destinations.forEach((_, i) => {
    ids[`destinations.${i}.label`] = `backup-label-${i}`;
    ids[`destinations.${i}.path`] = `backup-path-${i}`;
  });
  ids.destinations = 'backup-add';
  ids.intervalHours = 'backup-interval';
  ids.keep = 'backup-keep';
  return ids;
}

/**
 * Where backups go (up to three folders; one should be kept offline or off site), how often
 * they are made and how many are kept in each folder.
 */
export function BackupSettingsForm({
  status,
  onSaved,
}: {
  status: BackupStatus;
  onSaved: (status: BackupStatus) => void;
}) {
  const [destinations, setDestinations] = useState<Draft[]>(
    status.destinations.map(({ id, label, path, offline }) => ({ id, label, path, offline })),
  );
  const [interval, setIntervalHours] = useState(String(status.intervalHours));
  const [keep, setKeep] = useState(String(status.keep));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fieldIds = fieldIdsFor(destinations);

  const change = (i: number, patch: Partial<Draft>) => {
    setDestinations((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  };

  async function choose(i: number) {
    const result = await call('backup.chooseFolder', {});
    if (!result.ok) {
      setErrors(errorsFromApi(result.error));
      return;
    }
    if (result.value.path !== null) change(i, { path: result.value.path });
  }

  async function save() {
    setNotice(null);
    const parsed = backupSettingsInput.safeParse({
      destinations,
      intervalHours: whole(interval),
      keep: whole(keep),
    });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        fields[issue.path.map(String).join('.')] ??= issue.message;
      setErrors({ fields, general: null });
      return;
    }
    const result = await call('backup.saveSettings', parsed.data);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error));
      return;
    }
    setErrors(noErrors);
    setDestinations(
      result.value.destinations.map(({ id, label, path, offline }) => ({
        id,
        label,
        path,
        offline,
      })),
    );
    setNotice({ tone: 'success', text: 'Backup settings saved.' });
    onSaved(result.value);
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {destinations.length === 0 ? (
        <p>No backup folder is set up yet. Add one: an external drive or a network share.</p>
      ) : null}
      {destinations.map((d, i) => (
        <fieldset className="fieldset" key={d.id === '' ? `new-${i}` : d.id}>
          <legend className="fieldset__legend">Backup folder {i + 1}</legend>
          <TextField
            label="Name"
            hint="So you can tell them apart, such as “External drive” or “Office share”."
            width="medium"
            id={`backup-label-${i}`}
            value={d.label}
            error={errors.fields[`destinations.${i}.label`]}
            onChange={(label) => {
              change(i, { label });
            }}
          />
          <TextField
            label="Folder"
            hint="On another drive or a network share, never this computer’s own disk alone."
            id={`backup-path-${i}`}
            code
            value={d.path}
            error={errors.fields[`destinations.${i}.path`]}
            onChange={(path) => {
              change(i, { path });
            }}
          />
          <CheckboxField
            id={`backup-offline-${i}`}
            label="Kept offline or off site"
            hint="A removable drive taken home, or a share in another building: the copy that survives a fire, theft or ransomware."
            checked={d.offline}
            onChange={(offline) => {
              change(i, { offline });
            }}
          />
          <div className="button-row">
            <Button
              onClick={() => {
                void choose(i);
              }}
            >
              Choose folder for {d.label === '' ? `backup folder ${i + 1}` : d.label}
            </Button>
            <Button
              onClick={() => {
                setDestinations((ds) => ds.filter((_, j) => j !== i));
              }}
            >
              Remove {d.label === '' ? `backup folder ${i + 1}` : d.label}
            </Button>
          </div>
        </fieldset>
      ))}
      {destinations.length < MAX_BACKUP_DESTINATIONS ? (
        <div className="button-row">
          <Button
            id="backup-add"
            onClick={() => {
              setDestinations((ds) => [...ds, { id: '', label: '', path: '', offline: false }]);
            }}
          >
            Add a backup folder
          </Button>
        </div>
      ) : null}
      <TextField
        label="Back up every (hours)"
        hint={`${BACKUP_INTERVAL_HOURS.min} to ${BACKUP_INTERVAL_HOURS.max}. Daily (24) by default; Lantern backs up while it is unlocked, and as soon as someone unlocks when a backup is overdue.`}
        type="number"
        inputMode="numeric"
        min={BACKUP_INTERVAL_HOURS.min}
        max={BACKUP_INTERVAL_HOURS.max}
        width="short"
        id="backup-interval"
        value={interval}
        error={errors.fields.intervalHours}
        onChange={setIntervalHours}
      />
      <TextField
        label="Backups to keep in each folder"
        hint={`${BACKUP_KEEP.min} to ${BACKUP_KEEP.max}. Older backups are deleted after each new one is checked.`}
        type="number"
        inputMode="numeric"
        min={BACKUP_KEEP.min}
        max={BACKUP_KEEP.max}
        width="short"
        id="backup-keep"
        value={keep}
        error={errors.fields.keep}
        onChange={setKeep}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          Save backup settings
        </Button>
      </div>
      <StatusMessage notice={notice} />
    </form>
  );
}

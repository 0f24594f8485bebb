import { useEffect, useState } from 'react';

import { methods } from '../../shared/api';
import type { Settings } from '../../shared/settings/schema';
import { AUTO_LOCK_MINUTES } from '../../shared/settings/schema';
import { useCan } from '../app/use-can';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { LaFormsSection } from '../templates/LaFormsSection';
import { useForm } from '../ui/use-form';
import { ChangeKeySection } from './ChangeKeySection';
import { DataExportSection } from './DataExportSection';
import { DutySettingsSection } from './DutySettingsSection';
import { EscalationRulesSection } from './EscalationRulesSection';
import { SchoolCalendarSection } from './SchoolCalendarSection';

const fieldIds = { autoLockMinutes: 'auto-lock-minutes' };
const settingsInput = methods['settings.save'].input;
const range = `${AUTO_LOCK_MINUTES.min} to ${AUTO_LOCK_MINUTES.max}`;

function minutesText(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const saveSettings = useLantern((s) => s.saveSettings);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { field, formProps, errors } = useForm(
    { autoLockMinutes: String(settings.autoLockMinutes) },
    fieldIds,
    async ({ autoLockMinutes }) => {
      setNotice(null);
      const typed = autoLockMinutes.trim();
      if (!/^\d+$/.test(typed)) {
        return {
          fields: { autoLockMinutes: `Enter a whole number of minutes, from ${range}.` },
          general: null,
        };
      }
      const parsed = settingsInput.safeParse({ autoLockMinutes: Number(typed) });
      if (!parsed.success) {
        return { fields: errorsFromIssues(parsed.error.issues), general: null };
      }
      const result = await saveSettings(parsed.data);
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      setNotice({ tone: 'success', text: 'Settings saved.' });
      return null;
    },
  );

  return (
    <form {...formProps}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField
        label="Lock after inactivity (minutes)"
        hint={`${range}. Lantern locks itself when nobody has used the keyboard, mouse or screen for this long.`}
        type="number"
        inputMode="numeric"
        min={AUTO_LOCK_MINUTES.min}
        max={AUTO_LOCK_MINUTES.max}
        step={1}
        width="short"
        {...field('autoLockMinutes')}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          Save settings
        </Button>
      </div>
      <StatusMessage notice={notice} />
    </form>
  );
}

export function SettingsPage() {
  const canWrite = useCan('settings.write');
  const canManageSecurity = useCan('security.manage');
  const canExportData = useCan('data.export');
  const canManageDuties = useCan('duties.manage');
  const canManageCasework = useCan('casework.manage');
  const settings = useLantern((s) => s.settings);
  const status = useLantern((s) => s.settingsLoad);
  const error = useLantern((s) => s.settingsError);
  const loadSettings = useLantern((s) => s.loadSettings);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  let body;
  if (status === 'failed' && error) {
    body = (
      <LoadFailure
        title="The settings could not be loaded"
        error={error}
        onRetry={() => {
          void loadSettings();
        }}
      />
    );
  } else if (status !== 'ready' || !settings) {
    body = <Loading text="Loading settings…" />;
  } else if (canWrite) {
    body = <SettingsForm settings={settings} />;
  } else {
    body = (
      <>
        <DetailsList
          details={[
            {
              term: 'Lock after inactivity',
              description: minutesText(settings.autoLockMinutes),
            },
          ]}
        />
        <p>Your designated safeguarding lead or IT administrator can change these settings.</p>
      </>
    );
  }

  return (
    <>
      <PageHeading>Settings</PageHeading>
      <p>These settings apply to everyone who uses Lantern on this computer.</p>
      {body}
      {status === 'ready' && settings ? (
        <EscalationRulesSection rules={settings.escalationRules} canWrite={canWrite} />
      ) : null}
      {canManageDuties ? (
        <>
          <DutySettingsSection />
          <SchoolCalendarSection />
        </>
      ) : null}
      {canManageCasework ? <LaFormsSection /> : null}
      {canManageSecurity ? <ChangeKeySection /> : null}
      {canExportData ? <DataExportSection /> : null}
    </>
  );
}

import { useState } from 'react';

import { formatInstant } from '../../shared/dates/calendar-date';
import type { DutySettings, DutySettingsVersion } from '../../shared/duties/settings';
import {
  cpTransferUnitLabels,
  cpTransferUnits,
  dutySettingsInput,
  MRD_MAX_DELAY_DAYS,
  writtenConfirmationLabels,
  writtenConfirmationOptions,
} from '../../shared/duties/settings';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { LoadedSection } from './LoadedSection';
import { whole } from './whole-number';

const HEADING_ID = 'duty-settings-title';
const HISTORY_ID = 'duty-settings-history-title';

const fieldIds = {
  localAuthority: 'duty-local-authority',
  writtenConfirmation: 'duty-written-confirmation',
  ladoContactWorkingDays: 'duty-lado-days',
  cpTransferUnit: 'duty-cp-transfer-unit',
  csaCommencement: 'duty-csa-commencement',
  csaTargetHours: 'duty-csa-target-hours',
  csaMaxDelayDays: 'duty-csa-max-delay',
  schoolDayStartsAt: 'duty-school-day-starts',
} satisfies Record<keyof DutySettings, string>;

type Values = Record<keyof DutySettings, string>;

function toValues(settings: DutySettings): Values {
  return {
    ...settings,
    ladoContactWorkingDays: String(settings.ladoContactWorkingDays),
    csaTargetHours: String(settings.csaTargetHours),
    csaMaxDelayDays: String(settings.csaMaxDelayDays),
  };
}

/** The props of a whole-number field from `min` to `max`. */
function wholeNumberProps(min: number, max: number) {
  return { type: 'number', inputMode: 'numeric', min, max, step: 1, width: 'short' } as const;
}

const writtenOptions = writtenConfirmationOptions.map((value) => ({
  value,
  label: writtenConfirmationLabels[value],
}));
const transferOptions = cpTransferUnits.map((value) => ({
  value,
  label: cpTransferUnitLabels[value],
}));

function SettingsForm({ current }: { current: DutySettingsVersion }) {
  const save = useLantern((s) => s.saveDutySettings);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { field, formProps, errors, pending } = useForm(
    toValues(current.settings),
    fieldIds,
    async (values) => {
      setNotice(null);
      const parsed = dutySettingsInput.safeParse({
        ...values,
        ladoContactWorkingDays: whole(values.ladoContactWorkingDays),
        csaTargetHours: whole(values.csaTargetHours),
        csaMaxDelayDays: whole(values.csaMaxDelayDays),
        csaCommencement: values.csaCommencement.trim(),
        schoolDayStartsAt: values.schoolDayStartsAt.trim(),
      });
      if (!parsed.success) return { fields: errorsFromIssues(parsed.error.issues), general: null };
      const result = await save(parsed.data);
      if (!result) return null;
      if (!result.ok) return errorsFromApi(result.error);
      setNotice({
        tone: 'success',
        text: `Duty settings saved as version ${result.value.version}. Duties already started keep their deadlines.`,
      });
      return null;
    },
  );

  return (
    <form {...formProps}>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <TextField
        label="Local authority"
        hint="Named in the explanation of each deadline that follows its procedures."
        autoComplete="off"
        {...field('localAuthority')}
      />
      <SelectField
        label="Written confirmation of a referral to children’s social care"
        hint="The timescale your local authority’s procedures set for confirming a phone referral in writing."
        placeholder="Choose a timescale"
        options={writtenOptions}
        {...field('writtenConfirmation')}
      />
      <TextField
        label="Contacting the LADO (working days)"
        hint="1 to 5 working days, as your local authority’s allegations procedure sets."
        {...wholeNumberProps(1, 5)}
        {...field('ladoContactWorkingDays')}
      />
      <SelectField
        label="Transferring a child protection file: how the 5 days are counted"
        hint="Keeping children safe in education asks for the file to be transferred within 5 days for an in-year move, or within the first 5 days of a new term."
        placeholder="Choose how to count"
        options={transferOptions}
        {...field('cpTransferUnit')}
      />
      <DateField
        label="Mandatory reporting duty: commencement date"
        hint={
          <>
            Leave empty while the duty is not in force. The mandatory reporting duty in the Crime
            and Policing Act 2026 is not in force until regulations commence it: enter the date they
            set. From that date, Lantern starts a personal duty to report for each concern flagged
            as a possible child sex offence.
          </>
        }
        {...field('csaCommencement')}
      />
      <TextField
        label="Target for reporting (hours)"
        hint="Lantern’s target for reporting “as soon as practicable”: 1 to 72 hours."
        {...wholeNumberProps(1, 72)}
        {...field('csaTargetHours')}
      />
      <TextField
        label="Longest delay to a report (days)"
        hint={`The longest delay a person can record before reporting, 1 to ${MRD_MAX_DELAY_DAYS} days: the Act allows a delay of at most ${MRD_MAX_DELAY_DAYS} days.`}
        {...wholeNumberProps(1, MRD_MAX_DELAY_DAYS)}
        {...field('csaMaxDelayDays')}
      />
      <TextField
        label="The school day starts at"
        hint="A duty due at the start of the next school day falls due at this time, such as 08:30."
        type="time"
        width="short"
        {...field('schoolDayStartsAt')}
      />
      <p>
        <strong>
          Saving creates version {current.version + 1}; duties already started keep their deadlines.
        </strong>
      </p>
      <div className="button-row">
        <Button type="submit" variant="primary" disabled={pending}>
          Save duty settings
        </Button>
      </div>
      <StatusMessage notice={notice} />
    </form>
  );
}

function VersionHistory({ versions }: { versions: readonly DutySettingsVersion[] }) {
  return (
    <>
      <h3 id={HISTORY_ID}>Versions</h3>
      <table className="table table--compact" aria-labelledby={HISTORY_ID}>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Saved by</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{v.savedAt ? formatInstant(v.savedAt) : 'Lantern’s defaults'}</td>
              <td>{v.savedByName ?? 'Not applicable'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * The local settings that statutory-duty deadlines are computed with. Each save is a new
 * version; a duty keeps the version it started with.
 */
export function DutySettingsSection() {
  const loaded = useLantern((s) => s.dutySettings);
  const status = useLantern((s) => s.dutySettingsLoad);
  const error = useLantern((s) => s.dutySettingsError);
  const load = useLantern((s) => s.loadDutySettings);

  let versions: DutySettingsVersion[] = [];
  if (loaded) {
    const { current, history } = loaded;
    versions = [current, ...history.filter((v) => v.version !== current.version)].sort(
      (a, b) => b.version - a.version,
    );
  }

  return (
    <LoadedSection
      id={HEADING_ID}
      title="Statutory duties"
      intro={
        <p>
          The timescales your local authority sets, and the dates Lantern needs, to compute the
          deadline of each statutory duty.
        </p>
      }
      load={load}
      error={status === 'failed' ? error : null}
      failureTitle="The duty settings could not be loaded"
      loadingText="Loading duty settings…"
    >
      {loaded ? (
        <>
          <SettingsForm current={loaded.current} />
          <VersionHistory versions={versions} />
        </>
      ) : null}
    </LoadedSection>
  );
}

import { useEffect, useState } from 'react';

import { formatCalendarDate, formatInstant } from '../../shared/dates/calendar-date';
import { QUEUE_MONTHS_DEFAULT } from '../../shared/retention/schema';
import type { RetentionQueueItem } from '../../shared/retention/schema';
import { useCan } from '../app/use-can';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { DestroyForm } from './DestroyForm';
import { DestructionRegister } from './DestructionRegister';
import { HoldForm } from './HoldForm';
import { RetentionSettingsForm } from './RetentionSettingsForm';

type OpenForm =
  { kind: 'hold'; item: RetentionQueueItem } | { kind: 'destroy'; item: RetentionQueueItem };

const horizons = [0, QUEUE_MONTHS_DEFAULT, 12, 24].map((m) => ({
  value: String(m),
  label: m === 0 ? 'Due now' : `Due now or within ${m} months`,
}));

function holdText(item: RetentionQueueItem): string {
  if (!item.hold) return 'None';
  return `Held since ${formatCalendarDate(item.hold.placedAt.slice(0, 10))}: ${item.hold.reason}`;
}

/**
 * Retention (security G6): the files whose review date has come or is coming, legal holds, the
 * DSL's destruction of a file, the periods per record type and the destruction register. Nothing
 * is ever destroyed by Lantern itself.
 */
export function RetentionPage() {
  const queue = useLantern((s) => s.retentionQueue);
  const register = useLantern((s) => s.destructionRegister);
  const settings = useLantern((s) => s.retentionSettings);
  const loadQueue = useLantern((s) => s.loadRetentionQueue);
  const loadRegister = useLantern((s) => s.loadDestructionRegister);
  const loadSettings = useLantern((s) => s.loadRetentionSettings);
  const mayDestroy = useCan('retention.destroy');
  const [months, setMonths] = useState(QUEUE_MONTHS_DEFAULT);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    void loadQueue(months);
  }, [loadQueue, months]);
  useEffect(() => {
    void loadRegister();
    void loadSettings();
  }, [loadRegister, loadSettings]);

  function done(text: string): void {
    setForm(null);
    setNotice({ tone: 'success', text });
  }

  function open(next: OpenForm): void {
    setNotice(null);
    setForm(next);
  }

  const view = queue.value;
  return (
    <>
      <PageHeading>Retention</PageHeading>
      <StatusMessage notice={notice} />
      <p>
        A child protection file is kept until the child’s date of birth plus 25 years, then reviewed
        (IRMS toolkit for schools). Lantern never destroys a file by itself: when a review date
        comes, the file appears here for the DSL to decide. A file under a legal hold cannot be
        destroyed.
      </p>
      <section className="policies__section" aria-labelledby="retention-queue-heading">
        <h2 id="retention-queue-heading">Files due for review</h2>
        <SelectField
          id="retention-horizon"
          label="Show"
          options={horizons}
          placeholder="Choose a period"
          value={String(months)}
          onChange={(value) => {
            if (value !== '') setMonths(Number(value));
          }}
        />
        {queue.status === 'failed' && queue.error ? (
          <LoadFailure
            error={queue.error}
            onRetry={() => {
              void loadQueue(months);
            }}
          />
        ) : view === null ? (
          <Loading text="Loading the files due for review…" />
        ) : view.items.length === 0 ? (
          <p className="empty-state">No file is due for review in this period.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Files due for review</caption>
            <thead>
              <tr>
                <th scope="col">Child</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Left</th>
                <th scope="col">Review from</th>
                <th scope="col">Legal hold</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((item) => (
                <tr key={item.childId}>
                  <th scope="row">
                    {item.displayName}
                    {item.transferredTo.map((t) => (
                      <p key={`${t.urn}-${t.sentAt}`} className="table__note">
                        File transferred to {t.school} ({t.urn}) on {formatInstant(t.sentAt)}: that
                        school now holds it.
                      </p>
                    ))}
                  </th>
                  <td>{formatCalendarDate(item.dateOfBirth)}</td>
                  <td>
                    {item.leavingDate === '' ? 'On roll' : formatCalendarDate(item.leavingDate)}
                  </td>
                  <td>
                    {formatCalendarDate(item.reviewFrom)}
                    {item.due ? <p className="table__note">Due now</p> : null}
                  </td>
                  <td>{holdText(item)}</td>
                  <td className="table__actions">
                    <Button
                      aria-label={`${item.hold ? 'Lift the legal hold on' : 'Place a legal hold on'} ${item.displayName}’s file`}
                      onClick={() => {
                        open({ kind: 'hold', item });
                      }}
                    >
                      {item.hold ? 'Lift the legal hold' : 'Place a legal hold'}
                    </Button>
                    {mayDestroy && item.due ? (
                      <Button
                        aria-label={`Destroy ${item.displayName}’s file`}
                        onClick={() => {
                          open({ kind: 'destroy', item });
                        }}
                      >
                        Destroy
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {form?.kind === 'hold' ? (
        <HoldForm
          key={`hold-${form.item.childId}`}
          child={{ id: form.item.childId, name: form.item.displayName }}
          hold={form.item.hold}
          onDone={done}
          onCancel={() => {
            setForm(null);
          }}
        />
      ) : null}
      {form?.kind === 'destroy' ? (
        <DestroyForm
          key={`destroy-${form.item.childId}`}
          item={form.item}
          onDestroyed={done}
          onCancel={() => {
            setForm(null);
          }}
        />
      ) : null}
      <section className="policies__section" aria-labelledby="retention-settings-heading">
        <h2 id="retention-settings-heading">Retention periods</h2>
        {settings.status === 'failed' && settings.error ? (
          <LoadFailure error={settings.error} />
        ) : settings.value === null ? (
          <Loading text="Loading the retention periods…" />
        ) : (
          <RetentionSettingsForm
            key={settings.value.current.version}
            current={settings.value.current}
            onSaved={(text) => {
              setNotice({ tone: 'success', text });
            }}
          />
        )}
      </section>
      <section className="policies__section" aria-labelledby="destruction-register-heading">
        <h2 id="destruction-register-heading">Destruction register</h2>
        {register.status === 'failed' && register.error ? (
          <LoadFailure error={register.error} />
        ) : register.value === null ? (
          <Loading text="Loading the destruction register…" />
        ) : (
          <DestructionRegister records={register.value} />
        )}
      </section>
    </>
  );
}

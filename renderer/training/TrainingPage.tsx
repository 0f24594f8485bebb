import { useEffect, useState } from 'react';

import type { TrainingAudience } from '../../shared/governance/training';
import { trainingAudienceLabels, trainingAudiences } from '../../shared/governance/training';
import type { ApiError } from '../../shared/result';
import type { TrainingPerson, TrainingRegister } from '../../shared/training/schema';
import { call } from '../api';
import type { Notice } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { PageHeading } from '../ui/PageHeading';
import { SelectField } from '../ui/SelectField';
import { StatusMessage } from '../ui/StatusMessage';
import { IntervalsSection } from './IntervalsForm';
import { PersonForm } from './PersonForm';
import { PersonRecords } from './PersonRecords';
import { AttestForm, RecordTrainingForm } from './RecordTrainingForm';
import { StaffImport } from './StaffImport';
import { TrainingMatrix } from './TrainingMatrix';
import { peopleCount } from './training-text';

const groupOptions = trainingAudiences.map((a) => ({ value: a, label: trainingAudienceLabels[a] }));

function PersonPanel({
  person,
  today,
  onChanged,
  onNotice,
  onClose,
}: {
  person: TrainingPerson;
  today: string;
  onChanged: (p: TrainingPerson) => void;
  onNotice: (n: Notice) => void;
  onClose: () => void;
}) {
  return (
    <section aria-labelledby="training-person" className="training-person">
      <h2 id="training-person">{person.name}</h2>
      <Button onClick={onClose}>Close {person.name}</Button>
      <RecordTrainingForm
        person={person}
        today={today}
        onSaved={(p) => {
          onChanged(p);
          onNotice({ tone: 'success', text: `Training recorded for ${p.name}.` });
        }}
      />
      {person.standings.some((s) => s.kind === 'kcsie_part_one') ? (
        <AttestForm
          person={person}
          today={today}
          onSaved={(p) => {
            onChanged(p);
            onNotice({ tone: 'success', text: `KCSIE reading recorded for ${p.name}.` });
          }}
        />
      ) : null}
      <PersonRecords person={person} onChanged={onChanged} onNotice={onNotice} />
      <h3>Details</h3>
      <PersonForm
        key={person.id}
        person={person}
        onSaved={(p) => {
          onChanged(p);
          onNotice({ tone: 'success', text: `Saved ${p.name}’s details.` });
        }}
      />
    </section>
  );
}

/**
 * Safeguarding training across the school (governance.manage): who needs which training, where
 * each person stands, recording completions with evidence, KCSIE readings per edition, adding
 * and importing people, and the intervals the school sets.
 */
export function TrainingPage() {
  const [register, setRegister] = useState<TrainingRegister | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [group, setGroup] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // Bumped to load the register again (after an import, or to retry).
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let current = true;
    void call('training.people', {}).then((result) => {
      if (!current) return;
      if (result.ok) {
        setRegister(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [loads]);
  const load = () => {
    setLoads((n) => n + 1);
  };

  function replace(person: TrainingPerson) {
    // Standings depend on nothing but the person, so one answer updates their row.
    setRegister((r) =>
      r
        ? {
            ...r,
            people: r.people.some((p) => p.id === person.id)
              ? r.people.map((p) => (p.id === person.id ? person : p))
              : [...r.people, person].sort((a, b) => a.name.localeCompare(b.name)),
          }
        : r,
    );
  }

  if (!register)
    return (
      <>
        <PageHeading>Training</PageHeading>
        {error ? (
          <LoadFailure error={error} onRetry={load} />
        ) : (
          <Loading text="Loading training records…" />
        )}
      </>
    );

  const shown = register.people.filter(
    (p) =>
      (group === '' || p.groups.includes(group as TrainingAudience)) &&
      (!overdueOnly || p.standings.some((s) => s.status === 'overdue' || s.status === 'missing')),
  );
  const kinds = [...new Set(shown.flatMap((p) => p.standings.map((s) => s.kind)))];
  const open = register.people.find((p) => p.id === openId) ?? null;
  return (
    <>
      <PageHeading>Training</PageHeading>
      <StatusMessage notice={notice} />
      <p>
        Safeguarding training for staff, volunteers and governors, against Keeping children safe in
        education and the other sources each requirement names. The edition in force is{' '}
        {register.editionInForce}.
      </p>
      <form
        className="fieldset--inline"
        aria-label="Filter people"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <SelectField
          id="training-group"
          label="Group"
          placeholder="Everyone"
          options={groupOptions}
          value={group}
          onChange={setGroup}
        />
        <CheckboxField
          id="training-overdue"
          label="Only people with training overdue or not recorded"
          checked={overdueOnly}
          onChange={setOverdueOnly}
        />
      </form>
      <p>Showing {peopleCount(shown.length)}.</p>
      {shown.length === 0 ? (
        <p className="empty-state">
          {register.people.length === 0
            ? 'Nobody is on the training register yet. Add people or import them from a CSV file.'
            : 'Nobody matches the filter.'}
        </p>
      ) : (
        <TrainingMatrix
          people={shown}
          kinds={kinds}
          onOpen={(p) => {
            setOpenId(p.id);
          }}
        />
      )}
      {open ? (
        <PersonPanel
          key={open.id}
          person={open}
          today={register.today}
          onChanged={replace}
          onNotice={setNotice}
          onClose={() => {
            setOpenId(null);
          }}
        />
      ) : null}
      <section aria-labelledby="training-add">
        <h2 id="training-add">Add a person</h2>
        <PersonForm
          person={null}
          onSaved={(p) => {
            replace(p);
            setNotice({ tone: 'success', text: `Added ${p.name}.` });
          }}
        />
      </section>
      <StaffImport
        onImported={(n) => {
          setNotice({ tone: 'success', text: `Imported ${peopleCount(n)}.` });
          load();
        }}
      />
      <IntervalsSection
        intervals={register.intervals}
        onSaved={(intervals) => {
          setNotice({ tone: 'success', text: 'Interval saved.' });
          setRegister({ ...register, intervals });
          load();
        }}
      />
    </>
  );
}

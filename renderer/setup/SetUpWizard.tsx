import { useState } from 'react';

import type { SchoolInput } from '../../shared/school/schema';
import { LockButton } from '../app/LockButton';
import { PlainLayout } from '../app/PlainLayout';
import type { SchoolValues } from '../school/SchoolForm';
import { SchoolForm, blankSchool } from '../school/SchoolForm';
import { ExploreDemo } from '../demo/ExploreDemo';
import { useLantern } from '../store';
import type { FormErrors } from '../ui/form-errors';
import { noErrors } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';
import type { DslValues } from './DslAccountStep';
import { DslAccountStep, blankDsl } from './DslAccountStep';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { RestoreFromBackup } from './RestoreFromBackup';
import { StepHeading } from './StepHeading';

const STEP_ID = 'set-up-step';

type SchoolStep = { values: SchoolValues; input: SchoolInput | null; errors: FormErrors };

/**
 * First run: the school, then the DSL's own account (which creates the encrypted store), then
 * the recovery key. The first two steps live in this component; the key lives in the store
 * until the DSL confirms it, so the last step survives the session opening underneath it.
 */
export function SetUpWizard() {
  const recoveryKey = useLantern((s) => s.recoveryKey);
  const [step, setStep] = useState<'school' | 'dsl'>('school');
  // After the first step, focus goes to each new step's heading instead of the page's.
  const [moved, setMoved] = useState(false);
  const [school, setSchool] = useState<SchoolStep>({
    values: blankSchool,
    input: null,
    errors: noErrors,
  });
  const [dsl, setDsl] = useState<DslValues>(blankDsl);

  function goTo(next: 'school' | 'dsl'): void {
    setStep(next);
    setMoved(true);
  }

  const number = recoveryKey !== null ? 3 : step === 'school' ? 1 : 2;

  return (
    <PlainLayout actions={<LockButton />}>
      <PageHeading takeFocus={!moved}>Set up Lantern</PageHeading>
      <p className="step-indicator" id={STEP_ID}>
        Step {number} of 3
      </p>
      {recoveryKey !== null ? (
        <>
          {/* Keyed per step, so each step's heading mounts afresh and takes focus. */}
          <StepHeading key="recovery" takeFocus stepId={STEP_ID}>
            Your recovery key
          </StepHeading>
          <RecoveryKeyStep recoveryKey={recoveryKey} />
        </>
      ) : step === 'school' || school.input === null ? (
        <>
          <StepHeading key="school" takeFocus={moved} stepId={STEP_ID}>
            About your school
          </StepHeading>
          <p>
            Lantern keeps your school’s safeguarding records in an encrypted store on this computer.
            Start with the school’s details: Lantern uses them to name your school on its records.
          </p>
          <SchoolForm
            initial={school.values}
            initialErrors={school.errors}
            submitLabel="Continue"
            onSubmit={(input, values) => {
              setSchool({ values, input, errors: noErrors });
              goTo('dsl');
              return Promise.resolve(null);
            }}
          />
          <RestoreFromBackup />
          <ExploreDemo />
        </>
      ) : (
        <>
          <StepHeading key="dsl" takeFocus={moved} stepId={STEP_ID}>
            Your DSL account
          </StepHeading>
          <DslAccountStep
            initial={dsl}
            school={school.input}
            onBack={(values) => {
              setDsl(values);
              goTo('school');
            }}
            onSchoolErrors={(errors, values) => {
              setDsl(values);
              setSchool((current) => ({ ...current, errors }));
              goTo('school');
            }}
          />
        </>
      )}
    </PlainLayout>
  );
}

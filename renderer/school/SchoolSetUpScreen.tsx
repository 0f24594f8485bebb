import { LockButton } from '../app/LockButton';
import { PlainLayout } from '../app/PlainLayout';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { PageHeading } from '../ui/PageHeading';
import { SchoolForm, blankSchool } from './SchoolForm';

/**
 * A safety net: set-up saves the school in its first step, so this shows only if a store has no
 * school profile. Saving marks the school configured in the session, which swaps this screen
 * for the app.
 */
export function SchoolSetUpScreen() {
  const canWrite = useCan('school.write');
  const saveSchool = useLantern((s) => s.saveSchool);
  return (
    <PlainLayout actions={<LockButton />}>
      <PageHeading>About your school</PageHeading>
      {canWrite ? (
        <>
          <p>Lantern uses these details to name your school on its records.</p>
          <SchoolForm
            initial={blankSchool}
            submitLabel="Save school details"
            onSubmit={async (input) => {
              const result = await saveSchool(input);
              return result && !result.ok ? result.error : null;
            }}
          />
        </>
      ) : (
        <p>
          Your school’s details have not been set up yet. Ask your designated safeguarding lead to
          sign in to Lantern and add them.
        </p>
      )}
    </PlainLayout>
  );
}

import { LockButton } from '../app/LockButton';
import { PlainLayout } from '../app/PlainLayout';
import { useCan } from '../app/use-can';
import { PageHeading } from '../ui/PageHeading';
import { SchoolForm, blankSchool } from './SchoolForm';

/**
 * The last step of set-up. Saving marks set-up complete in the session slice, which swaps this
 * screen for the app, opened on the pupil register.
 */
export function SchoolSetUpScreen() {
  const canWrite = useCan('school.write');
  return (
    <PlainLayout actions={<LockButton />}>
      <PageHeading>About your school</PageHeading>
      {canWrite ? (
        <>
          <p>Lantern uses these details to name your school on its records.</p>
          <SchoolForm initial={blankSchool} />
        </>
      ) : (
        <p>
          Your school’s details have not been set up yet. Ask your designated safeguarding lead to
          open Lantern and add them.
        </p>
      )}
    </PlainLayout>
  );
}

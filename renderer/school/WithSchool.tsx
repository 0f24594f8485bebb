import type { ReactNode } from 'react';

import type { SchoolProfile } from '../../shared/school/schema';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';

type WithSchoolProps = {
  /** Rendered once the profile has loaded; null when none has been saved yet. */
  children: (school: SchoolProfile | null) => ReactNode;
};

/** The loading and failure states every school page shares (the shell loads the profile). */
export function WithSchool({ children }: WithSchoolProps) {
  const school = useLantern((s) => s.school);
  const status = useLantern((s) => s.schoolLoad);
  const error = useLantern((s) => s.schoolError);
  const loadSchool = useLantern((s) => s.loadSchool);

  if (status === 'failed' && error) {
    return (
      <LoadFailure
        title="The school profile could not be loaded"
        error={error}
        onRetry={() => {
          void loadSchool();
        }}
      />
    );
  }
  if (status !== 'ready') return <Loading text="Loading the school profile…" />;
  return children(school);
}

import { useLantern } from '../store';
import { PageHeading } from '../ui/PageHeading';
import { SchoolForm, blankSchool, schoolValues } from './SchoolForm';
import { WithSchool } from './WithSchool';

export function EditSchoolPage() {
  const navigate = useLantern((s) => s.navigate);
  return (
    <>
      <PageHeading>Edit school details</PageHeading>
      {/* The form copies its starting values once, so it waits for the saved profile. */}
      <WithSchool>
        {(school) => (
          <SchoolForm
            initial={school ? schoolValues(school) : blankSchool}
            onSaved={() => {
              navigate({ page: 'school' }, { tone: 'success', text: 'School details saved.' });
            }}
            onCancel={() => {
              navigate({ page: 'school' });
            }}
          />
        )}
      </WithSchool>
    </>
  );
}

import { useLantern } from '../store';
import { PageHeading } from '../ui/PageHeading';
import { SchoolForm, blankSchool, schoolValues } from './SchoolForm';
import { WithSchool } from './WithSchool';

export function EditSchoolPage() {
  const navigate = useLantern((s) => s.navigate);
  const saveSchool = useLantern((s) => s.saveSchool);
  return (
    <>
      <PageHeading>Edit school details</PageHeading>
      {/* The form copies its starting values once, so it waits for the saved profile. */}
      <WithSchool>
        {(school) => (
          <SchoolForm
            initial={school ? schoolValues(school) : blankSchool}
            submitLabel="Save school details"
            onSubmit={async (input) => {
              const result = await saveSchool(input);
              if (result && !result.ok) return result.error;
              if (result) {
                navigate({ page: 'school' }, { tone: 'success', text: 'School details saved.' });
              }
              return null;
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

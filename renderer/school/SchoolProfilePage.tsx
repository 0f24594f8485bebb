import { formatInstant } from '../../shared/dates/calendar-date';
import type { SchoolProfile } from '../../shared/school/schema';
import { phaseLabels } from '../../shared/school/schema';
import { useCan } from '../app/use-can';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { PageHeading } from '../ui/PageHeading';
import { WithSchool } from './WithSchool';

function SchoolDetails({ school }: { school: SchoolProfile }) {
  return (
    <DetailsList
      details={[
        { term: 'School name', description: school.name },
        { term: 'URN', description: school.urn },
        { term: 'Local authority', description: school.localAuthority },
        { term: 'LA number', description: school.laCode || 'Not recorded' },
        { term: 'Phase', description: phaseLabels[school.phase] },
        { term: 'Last updated', description: formatInstant(school.updatedAt) },
      ]}
    />
  );
}

export function SchoolProfilePage() {
  const navigate = useLantern((s) => s.navigate);
  const canWrite = useCan('school.write');
  return (
    <>
      <PageHeading>School profile</PageHeading>
      <WithSchool>
        {(school) => (
          <>
            {school ? (
              <SchoolDetails school={school} />
            ) : (
              <p>No school details have been recorded yet.</p>
            )}
            {canWrite ? (
              <Button
                variant="primary"
                onClick={() => {
                  navigate({ page: 'edit-school' });
                }}
              >
                Edit school details
              </Button>
            ) : null}
          </>
        )}
      </WithSchool>
    </>
  );
}

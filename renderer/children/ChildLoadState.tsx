import type { ChildRecord } from '../store/children-slice';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { PageHeading } from '../ui/PageHeading';

/** What a child's page shows until the record arrives, or when it cannot. */
export function ChildLoadState({ record }: { record: ChildRecord }) {
  const openChild = useLantern((s) => s.openChild);
  const { id, error } = record;
  if (record.status !== 'failed' || !error || id === null) {
    return <Loading text="Loading the child’s details…" />;
  }
  return (
    <>
      <PageHeading>
        {error.code === 'not_found' ? 'Child not found' : 'The child’s details could not be loaded'}
      </PageHeading>
      <LoadFailure
        error={error}
        onRetry={
          error.code === 'not_found'
            ? undefined
            : () => {
                void openChild(id);
              }
        }
      />
    </>
  );
}

import { useLantern } from '../store';
import { PageHeading } from '../ui/PageHeading';
import { ChildForm } from './ChildForm';
import { ChildLoadState } from './ChildLoadState';
import { childValues, legalName } from './child-values';
import { useChildRecord } from './use-child-record';

export function EditChildPage({ id }: { id: string }) {
  const record = useChildRecord(id, 'reuse');
  const updateChild = useLantern((s) => s.updateChild);
  const navigate = useLantern((s) => s.navigate);
  const { child } = record;
  if (!child) return <ChildLoadState record={record} />;
  return (
    <>
      <PageHeading>Edit details for {legalName(child)}</PageHeading>
      <ChildForm
        initial={childValues(child)}
        submitLabel="Save changes"
        askLeavingDate
        onSubmit={async (input) => {
          const result = await updateChild(id, input);
          if (result && !result.ok) return result.error;
          if (result) {
            navigate(
              { page: 'child', id },
              { tone: 'success', text: `Saved changes to ${legalName(result.value)}’s details.` },
            );
          }
          return null;
        }}
        onCancel={() => {
          navigate({ page: 'child', id });
        }}
      />
    </>
  );
}

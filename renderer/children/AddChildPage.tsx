import { useLantern } from '../store';
import { PageHeading } from '../ui/PageHeading';
import { ChildForm } from './ChildForm';
import { blankChild, legalName } from './child-values';

export function AddChildPage() {
  const addChild = useLantern((s) => s.addChild);
  const navigate = useLantern((s) => s.navigate);
  return (
    <>
      <PageHeading>Add a child</PageHeading>
      <ChildForm
        initial={blankChild}
        submitLabel="Add child"
        onSubmit={async (input) => {
          const result = await addChild(input);
          if (result && !result.ok) return result.error;
          if (result) {
            navigate(
              { page: 'child', id: result.value.id },
              { tone: 'success', text: `Added ${legalName(result.value)} to the register.` },
            );
          }
          return null;
        }}
        onCancel={() => {
          navigate({ page: 'pupils' });
        }}
      />
    </>
  );
}

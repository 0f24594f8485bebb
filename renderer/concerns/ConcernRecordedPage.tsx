import type { ChildRole } from '../../shared/concerns/schema';
import { useCan } from '../app/use-can';
import { DutyListSection } from '../duties/DutyListSection';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { PageHeading } from '../ui/PageHeading';
import { childWithRole } from './concern-text';

type ConcernRecordedPageProps = {
  id: string;
  /** The child the form was started from: the way back leads to their file. */
  child: { id: string; name: string };
  /** Everyone the concern names, with their part in it. */
  involved: { name: string; role: ChildRole }[];
};

const names = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** After a submit: the concern is saved, and what happens next. */
export function ConcernRecordedPage({ id, child, involved }: ConcernRecordedPageProps) {
  const navigate = useLantern((s) => s.navigate);
  const canOpenFile = useCan('children.read');
  const canSeeDuties = useCan('duties.own');
  return (
    <>
      <PageHeading>Concern recorded</PageHeading>
      <div className="panel">
        <p>
          Your concern about {names.format(involved.map(childWithRole))} is saved. It cannot be
          changed or deleted.
        </p>
      </div>
      {canSeeDuties ? (
        <DutyListSection
          of={{ concernId: id }}
          from={{ page: 'concern-recorded', id, child, children: involved }}
          empty={null}
        />
      ) : null}
      <h2>What happens next</h2>
      <ul className="list">
        <li>
          The designated safeguarding lead (DSL) or a deputy reads every concern and decides what to
          do, such as speaking to the child, involving the family or referring to children’s social
          care.
        </li>
        <li>
          If you have not yet told the DSL in person and you are worried a child is at risk of harm
          today, find them now. If a child is in immediate danger, call 999.
        </li>
        <li>
          If you remember something else, or find a mistake, open your concern and add a correction:
          the original stays as it was, with your correction and its reason beneath.
        </li>
        <li>Do not discuss the concern with others unless the DSL asks you to.</li>
      </ul>
      <div className="button-row">
        <Button
          variant="primary"
          onClick={() => {
            navigate({ page: 'concern', id, child: canOpenFile ? child : null });
          }}
        >
          Read your concern
        </Button>
        <Button
          onClick={() => {
            navigate(canOpenFile ? { page: 'child', id: child.id } : { page: 'pupils' });
          }}
        >
          {canOpenFile ? `Back to ${child.name}` : 'Back to pupils'}
        </Button>
      </div>
    </>
  );
}

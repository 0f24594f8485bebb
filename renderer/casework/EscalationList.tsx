import type { EscalationItem } from '../../shared/casework/escalation';
import { occurredText } from '../concerns/concern-text';
import { useLantern } from '../store';
import { Button } from '../ui/Button';

/**
 * Children whose recent concerns meet one of the school's escalation rules (the output of
 * casework.escalations), each linking to the child's file. A prompt to look again, not a
 * finding: the words say which rule was met, how many concerns and when the latest happened.
 */
export function EscalationList({ items }: { items: readonly EscalationItem[] }) {
  const navigate = useLantern((s) => s.navigate);
  if (items.length === 0)
    return <p className="empty-state">No child’s recent concerns meet an escalation rule.</p>;
  return (
    <ul className="list">
      {items.map((item) => (
        <li key={item.child.id}>
          <Button
            variant="link"
            onClick={() => {
              navigate({ page: 'child', id: item.child.id });
            }}
          >
            {item.child.name}
          </Button>
          <p>
            Meets “{item.rule}”: {item.concernIds.length}{' '}
            {item.concernIds.length === 1 ? 'concern' : 'concerns'}, the latest on{' '}
            {occurredText(item.latest, false)}.
          </p>
        </li>
      ))}
    </ul>
  );
}

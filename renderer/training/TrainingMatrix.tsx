import { formatCalendarDate } from '../../shared/dates/calendar-date';
import type { TrainingKind } from '../../shared/governance/training';
import { trainingRequirements } from '../../shared/governance/training';
import type { TrainingPerson } from '../../shared/training/schema';
import { Button } from '../ui/Button';
import { standingText } from './training-text';

type TrainingMatrixProps = {
  people: readonly TrainingPerson[];
  /** The requirements shown as columns (those that apply to someone listed). */
  kinds: readonly TrainingKind[];
  onOpen: (person: TrainingPerson) => void;
};

/**
 * People down, requirements across; each cell says where the person stands in words (and a
 * class for colour as well). A requirement that does not apply to someone says so.
 */
export function TrainingMatrix({ people, kinds, onOpen }: TrainingMatrixProps) {
  const columns = trainingRequirements.filter((r) => kinds.includes(r.kind));
  return (
    <div className="training-matrix">
      <table className="table table--compact">
        <caption className="visually-hidden">Training by person and requirement</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {columns.map((r) => (
              <th scope="col" key={r.kind}>
                {r.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <Button
                  variant="link"
                  onClick={() => {
                    onOpen(person);
                  }}
                >
                  {person.name}
                </Button>
                <span className="table__note">
                  {person.jobTitle}
                  {person.leavingDate !== ''
                    ? ` · left ${formatCalendarDate(person.leavingDate)}`
                    : ''}
                </span>
              </th>
              {columns.map((r) => {
                const standing = person.standings.find((s) => s.kind === r.kind);
                return (
                  <td
                    key={r.kind}
                    className={
                      standing ? `training-status training-status--${standing.status}` : ''
                    }
                  >
                    {standing ? standingText(standing.status, standing.nextDue) : 'Does not apply'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

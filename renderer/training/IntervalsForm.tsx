import { adjustableTrainingKinds } from '../../shared/training/schema';
import type { TrainingIntervalView } from '../../shared/training/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { call } from '../api';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { errorsFromApi } from '../ui/form-errors';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';

function IntervalForm({
  interval,
  onSaved,
}: {
  interval: TrainingIntervalView;
  onSaved: (all: TrainingIntervalView[]) => void;
}) {
  const ids = { months: `interval-${interval.kind}` };
  const form = useForm({ months: String(interval.months ?? '') }, ids, async (values) => {
    const months = Number(values.months);
    const result = await call('training.setInterval', {
      kind: interval.kind as (typeof adjustableTrainingKinds)[number],
      months: Number.isInteger(months) ? months : -1,
    });
    if (!result.ok) return errorsFromApi(result.error);
    onSaved(result.value);
    return null;
  });
  return (
    <form {...form.formProps} className="form">
      <ErrorSummary errors={form.errors} fieldIds={ids} />
      <TextField
        label={`${interval.title}: months between trainings`}
        hint={`${interval.frequencyText} Default ${interval.defaultMonths ?? '–'} months.${interval.setAt ? ` Set by ${interval.setByName ?? ''}, ${formatInstant(interval.setAt)}.` : ''}`}
        inputMode="numeric"
        width="short"
        {...form.field('months')}
      />
      <Button type="submit" disabled={form.pending}>
        Save interval
      </Button>
    </form>
  );
}

/** The requirements and how often each falls due; the school sets those the sources leave open. */
export function IntervalsSection({
  intervals,
  onSaved,
}: {
  intervals: readonly TrainingIntervalView[];
  onSaved: (all: TrainingIntervalView[]) => void;
}) {
  const adjustable = intervals.filter((i) =>
    (adjustableTrainingKinds as readonly string[]).includes(i.kind),
  );
  return (
    <section aria-labelledby="training-intervals">
      <h2 id="training-intervals">How often training falls due</h2>
      <table className="table table--compact">
        <caption className="visually-hidden">Training requirements</caption>
        <thead>
          <tr>
            <th scope="col">Requirement</th>
            <th scope="col">Every</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {intervals.map((i) => (
            <tr key={i.kind}>
              <th scope="row">{i.title}</th>
              <td>
                {i.kind === 'kcsie_part_one'
                  ? 'Each edition (in force every 1 September)'
                  : i.months === null
                    ? 'Once, at induction'
                    : `${i.months} months${i.confirmed ? '' : ' (set by the school; not fixed nationally)'}`}
              </td>
              <td>{i.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {adjustable.map((i) => (
        <IntervalForm key={`${i.kind}-${i.setAt ?? ''}`} interval={i} onSaved={onSaved} />
      ))}
    </section>
  );
}

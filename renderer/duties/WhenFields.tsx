import { DateField } from '../ui/DateField';
import { TextField } from '../ui/TextField';

type FieldProps = {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
};

/** A date and a London time under one question ("When you reported it"). */
export function WhenFields({
  legend,
  date,
  time,
}: {
  legend: string;
  date: FieldProps;
  time: FieldProps;
}) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend fieldset__legend--small">{legend}</legend>
      <DateField label="Date" {...date} />
      <TextField
        label="Time"
        hint="UK time, on the 24-hour clock, such as 14:30."
        type="time"
        width="short"
        {...time}
      />
    </fieldset>
  );
}

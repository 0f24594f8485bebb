import type { TextFieldProps } from './TextField';
import { TextField } from './TextField';

type DateFieldProps = Omit<TextFieldProps, 'type' | 'width'>;

/** A native date input: the browser gives a keyboard-friendly picker and sends YYYY-MM-DD. */
export function DateField(props: DateFieldProps) {
  return <TextField {...props} type="date" width="medium" />;
}

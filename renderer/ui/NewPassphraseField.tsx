import type { PassphraseStrength } from '../../shared/users/schema';
import {
  MIN_PASSPHRASE_LENGTH,
  passphraseStrength,
  passphraseStrengthLabels,
} from '../../shared/users/schema';
import type { TextFieldProps } from './TextField';
import { PassphraseField } from './CredentialFields';

type NewPassphraseFieldProps = Omit<
  TextFieldProps,
  'type' | 'autoComplete' | 'hint' | 'after' | 'afterId'
>;

const levels: Record<PassphraseStrength, number> = {
  too_short: 1,
  fair: 2,
  good: 3,
  strong: 4,
};

/**
 * A new passphrase with a live strength indicator: a bar for the eye and the same words in a
 * polite live region, so a screen reader hears the strength change as the person types. Nothing
 * shows before the first character: a warning on an empty field would only alarm.
 */
export function NewPassphraseField(props: NewPassphraseFieldProps) {
  const strengthId = `${props.id}-strength`;
  const strength = props.value === '' ? null : passphraseStrength(props.value);
  return (
    <PassphraseField
      {...props}
      purpose="new"
      hint={`Use at least ${MIN_PASSPHRASE_LENGTH} characters. Three or four random words work well; longer is stronger.`}
      afterId={strengthId}
      after={
        <div className="strength">
          {strength ? (
            // The words below carry the meaning; the bar only repeats it for the eye.
            <meter
              className="strength__meter"
              aria-hidden="true"
              min={0}
              max={4}
              low={2}
              high={3}
              optimum={4}
              value={levels[strength]}
            />
          ) : null}
          <p id={strengthId} className="strength__text" aria-live="polite">
            {strength ? (
              <>
                <span className="visually-hidden">Passphrase strength: </span>
                <span className={`strength__label strength__label--${strength}`}>
                  {passphraseStrengthLabels[strength]}
                </span>
              </>
            ) : null}
          </p>
        </div>
      }
    />
  );
}

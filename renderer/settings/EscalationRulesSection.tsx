import { useState } from 'react';

import type { EscalationRule } from '../../shared/casework/escalation';
import { describeRule, ESCALATION_LIMITS, escalationRules } from '../../shared/casework/escalation';
import { statutoryCategories } from '../../shared/concerns/taxonomy';
import type { Notice } from '../store';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorSummary } from '../ui/ErrorSummary';
import type { FormErrors } from '../ui/form-errors';
import { noErrors } from '../ui/form-errors';
import { StatusMessage } from '../ui/StatusMessage';
import { TextField } from '../ui/TextField';
import { whole } from './whole-number';

const HEADING_ID = 'escalation-rules-title';

/** A rule as typed: numbers stay text until saved, so a half-typed number is not lost. */
type RuleValue = { categories: string[]; count: string; windowDays: string; enabled: boolean };

const ruleId = (index: number, part: string): string => `escalation-rule-${index}-${part}`;

function toValue(rule: EscalationRule): RuleValue {
  return { ...rule, count: String(rule.count), windowDays: String(rule.windowDays) };
}

function Intro() {
  return (
    <p>
      Lantern prompts the DSL when a child’s recent concerns form a pattern, such as repeated signs
      of neglect. These thresholds are local practice, not law or statutory guidance: set them to
      match your safeguarding policy. Only concerns in which the child is the subject or a victim
      count, and a specific issue counts under its statutory category.
    </p>
  );
}

function RulesForm({ rules }: { rules: readonly EscalationRule[] }) {
  const save = useLantern((s) => s.saveEscalationRules);
  const [values, setValues] = useState<RuleValue[]>(() => rules.map(toValue));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState(false);

  const fieldIds = Object.fromEntries(
    values.flatMap((_, i) => [
      [`rules.${i}.categories`, ruleId(i, statutoryCategories[0]?.id ?? 'physical')],
      [`rules.${i}.count`, ruleId(i, 'count')],
      [`rules.${i}.windowDays`, ruleId(i, 'days')],
    ]),
  );

  function update(index: number, change: Partial<RuleValue>): void {
    setValues((current) => current.map((r, i) => (i === index ? { ...r, ...change } : r)));
  }

  async function submit(): Promise<void> {
    if (pending) return;
    setNotice(null);
    const input = values.map((r) => ({
      ...r,
      count: whole(r.count),
      windowDays: whole(r.windowDays),
    }));
    const parsed = escalationRules.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = ['rules', ...issue.path.slice(0, 2).map(String)].join('.');
        fields[path] ??= issue.message;
      }
      setErrors({ fields, general: null });
      return;
    }
    setPending(true);
    try {
      const result = await save({ rules: parsed.data });
      if (!result) return;
      if (!result.ok) {
        setErrors({ fields: result.error.fields ?? {}, general: result.error.message });
        return;
      }
      setErrors(noErrors);
      setNotice({ tone: 'success', text: 'Escalation rules saved.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {values.length === 0 ? <p>There are no rules: Lantern will not prompt.</p> : null}
      {values.map((rule, index) => {
        const chosen = new Set(rule.categories);
        const count = whole(rule.count);
        const windowDays = whole(rule.windowDays);
        const valid = Number.isInteger(count) && Number.isInteger(windowDays);
        return (
          // A rule has no identity beyond its place in the list, which is its priority.
          <fieldset className="fieldset" key={index}>
            <legend className="fieldset__legend">Rule {index + 1}</legend>
            <CheckboxField
              id={ruleId(index, 'enabled')}
              label="Prompt with this rule"
              checked={rule.enabled}
              onChange={(enabled) => {
                update(index, { enabled });
              }}
            />
            <TextField
              id={ruleId(index, 'count')}
              label="Number of concerns"
              hint={`${ESCALATION_LIMITS.count.min} to ${ESCALATION_LIMITS.count.max}.`}
              type="number"
              inputMode="numeric"
              width="short"
              value={rule.count}
              error={errors.fields[`rules.${index}.count`]}
              onChange={(text) => {
                update(index, { count: text });
              }}
            />
            <TextField
              id={ruleId(index, 'days')}
              label="Within this many days"
              hint={`${ESCALATION_LIMITS.windowDays.min} to ${ESCALATION_LIMITS.windowDays.max}; a concern on the first day of the period counts.`}
              type="number"
              inputMode="numeric"
              width="short"
              value={rule.windowDays}
              error={errors.fields[`rules.${index}.windowDays`]}
              onChange={(text) => {
                update(index, { windowDays: text });
              }}
            />
            <fieldset className="fieldset">
              <legend className="fieldset__legend fieldset__legend--small">
                Categories (none ticked: any category)
              </legend>
              {errors.fields[`rules.${index}.categories`] ? (
                <p className="field__error">{errors.fields[`rules.${index}.categories`]}</p>
              ) : null}
              {statutoryCategories.map((c) => (
                <CheckboxField
                  key={c.id}
                  id={ruleId(index, c.id)}
                  label={c.label}
                  checked={chosen.has(c.id)}
                  onChange={(checked) => {
                    update(index, {
                      categories: checked
                        ? [...rule.categories, c.id]
                        : rule.categories.filter((id) => id !== c.id),
                    });
                  }}
                />
              ))}
            </fieldset>
            {valid ? (
              <p className="field__hint">
                Prompts when a child has{' '}
                {describeRule({ categories: rule.categories, count, windowDays })}.
              </p>
            ) : null}
            <Button
              onClick={() => {
                setValues((current) => current.filter((_, i) => i !== index));
              }}
            >
              Remove rule {index + 1}
            </Button>
          </fieldset>
        );
      })}
      <div className="button-row">
        {values.length < ESCALATION_LIMITS.rules ? (
          <Button
            onClick={() => {
              setValues((current) => [
                ...current,
                { categories: [], count: '3', windowDays: '30', enabled: true },
              ]);
            }}
          >
            Add a rule
          </Button>
        ) : null}
        <Button type="submit" variant="primary" disabled={pending}>
          Save escalation rules
        </Button>
      </div>
      <StatusMessage notice={notice} />
    </form>
  );
}

/**
 * The escalation pattern prompt's rules (shared/casework/escalation.ts): edited by those who may
 * change settings, listed for the others.
 */
export function EscalationRulesSection({
  rules,
  canWrite,
}: {
  rules: readonly EscalationRule[];
  canWrite: boolean;
}) {
  return (
    <section className="page-section" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID}>Escalation prompts</h2>
      <Intro />
      {canWrite ? (
        <RulesForm rules={rules} />
      ) : (
        <ul className="list">
          {rules.map((rule, index) => (
            <li key={index}>
              {describeRule(rule)}
              {rule.enabled ? '' : ' (off)'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useEffect } from 'react';

import type { Concern } from '../../shared/concerns/schema';
import type { DecisionKind, TriageState } from '../../shared/casework/schema';
import {
  decideInput,
  decisionKinds,
  decisionLabels,
  reviewDateProblem,
  setLevelInput,
  triageStatusLabels,
} from '../../shared/casework/schema';
import type { ConcernLevel } from '../../shared/casework/levels';
import {
  concernLevels,
  isConcernLevel,
  levelChangeTitle,
  levelInfo,
  levelLabel,
} from '../../shared/casework/levels';
import { formatCalendarDate, formatInstant, londonDate } from '../../shared/dates/calendar-date';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DateField } from '../ui/DateField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useForm } from '../ui/use-form';
import { ActionsSection } from './ActionsSection';
import { openActionsText } from './casework-text';
import { ClosureSection } from './ClosureSection';
import { SavedMessage } from './SavedMessage';
import { sendChecked } from './send-checked';

const levelOptions = concernLevels.map((l) => ({ value: String(l), label: levelLabel(l) }));
const decisionOptions = decisionKinds.map((k) => ({ value: k, label: decisionLabels[k] }));

const levelFieldIds = { level: 'triage-level', rationale: 'triage-level-rationale' };

function LevelForm({ concernId }: { concernId: string }) {
  const setLevel = useLantern((s) => s.setLevel);
  const { field, formProps, errors, values, pending } = useForm(
    { level: '', rationale: '' },
    levelFieldIds,
    (values) =>
      sendChecked(
        setLevelInput,
        { concernId, level: Number(values.level) as ConcernLevel, rationale: values.rationale },
        setLevel,
      ),
    { resetOnSuccess: true },
  );
  const chosen = Number(values.level);
  return (
    <form {...formProps} aria-labelledby="triage-level-form-title">
      <h4 id="triage-level-form-title">Set the level</h4>
      <ErrorSummary errors={errors} fieldIds={levelFieldIds} />
      <SelectField
        label="Level"
        placeholder="Choose a level"
        options={levelOptions}
        hint={
          isConcernLevel(chosen)
            ? levelInfo[chosen].hint
            : 'The continuum of need: 1 Universal to 4 Child protection.'
        }
        {...field('level')}
      />
      <TextAreaField
        label="Rationale for the level"
        hint="Why this level: what you know, and what it means for the child."
        rows={3}
        {...field('rationale')}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        Save level
      </Button>
    </form>
  );
}

function LevelSection({ state }: { state: TriageState }) {
  return (
    <section className="triage__part" aria-labelledby="triage-level-title">
      <h3 id="triage-level-title">Level of concern</h3>
      <p>
        Current level: <strong>{state.level === null ? 'Not set' : levelLabel(state.level)}</strong>
      </p>
      {state.levels.length > 0 ? (
        <ol className="triage__history" aria-label="Level history">
          {state.levels.map((l) => (
            <li key={l.id}>
              <strong>{levelChangeTitle(l.previous, l.level)}</strong>
              <span className="table__note">
                {l.setByName}, {formatInstant(l.setAt)}
              </span>
              <p className="concern-text">{l.rationale}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {state.status !== 'closed' ? <LevelForm concernId={state.concernId} /> : null}
      <SavedMessage forms={['triage.setLevel']} />
    </section>
  );
}

const decisionFieldIds = {
  kind: 'triage-decision',
  description: 'triage-decision-description',
  reviewDate: 'triage-decision-review',
  rationale: 'triage-decision-rationale',
};

function DecisionForm({ concernId }: { concernId: string }) {
  const decide = useLantern((s) => s.decide);
  const { field, formProps, errors, values, pending } = useForm(
    { kind: '', description: '', reviewDate: '', rationale: '' },
    decisionFieldIds,
    (values) =>
      sendChecked(
        decideInput,
        {
          concernId,
          kind: values.kind as DecisionKind,
          description: values.kind === 'other' ? values.description : '',
          reviewDate: values.kind === 'monitor' ? values.reviewDate : '',
          rationale: values.rationale,
        },
        decide,
        (d): Record<string, string> => {
          const review = reviewDateProblem(d.reviewDate, londonDate(new Date()));
          return review ? { reviewDate: review } : {};
        },
      ),
    { resetOnSuccess: true },
  );
  return (
    <form {...formProps} aria-labelledby="triage-decision-form-title">
      <h4 id="triage-decision-form-title">Record a decision</h4>
      <ErrorSummary errors={errors} fieldIds={decisionFieldIds} />
      <SelectField
        label="Decision"
        placeholder="Choose a decision"
        options={decisionOptions}
        {...field('kind')}
      />
      {values.kind === 'other' ? (
        <TextField label="What was decided" {...field('description')} />
      ) : null}
      {values.kind === 'monitor' ? (
        <DateField
          label="Review date"
          hint="When you will look at this again. Monitoring needs an end: it must be after today."
          {...field('reviewDate')}
        />
      ) : null}
      <TextAreaField
        label="Rationale for the decision"
        hint="Why you decided this, including whether parents were told and why."
        rows={3}
        {...field('rationale')}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        Record decision
      </Button>
    </form>
  );
}

function DecisionsSection({ state }: { state: TriageState }) {
  return (
    <section className="triage__part" aria-labelledby="triage-decisions-title">
      <h3 id="triage-decisions-title">Decisions</h3>
      {state.decisions.length === 0 ? (
        <p>No decision has been recorded.</p>
      ) : (
        <ol className="triage__history" aria-label="Decisions">
          {state.decisions.map((d) => (
            <li key={d.id}>
              <strong>
                {d.kind === 'other' ? `Other: ${d.description}` : decisionLabels[d.kind]}
              </strong>
              {d.kind === 'monitor' ? ` (review ${formatCalendarDate(d.reviewDate)})` : null}
              <span className="table__note">
                {d.decidedByName}, {formatInstant(d.decidedAt)}
              </span>
              <p className="concern-text">{d.rationale}</p>
            </li>
          ))}
        </ol>
      )}
      {state.status !== 'closed' ? <DecisionForm concernId={state.concernId} /> : null}
      <SavedMessage forms={['triage.decide']} />
    </section>
  );
}

const TRIAGE_HEADING_ID = 'triage-title';

/**
 * Near the top of the concern page, under its heading: where the triage stands, and a way
 * straight to the triage section at the foot of a long page (focus moves to its heading).
 */
export function TriageStatusLine({ concernId }: { concernId: string }) {
  const opened = useLantern((s) => s.openedTriage);
  const state = opened.concernId === concernId ? opened.state : null;
  if (!state) return null;
  const open = state.actions.filter((a) => a.completedAt === null).length;
  return (
    <p className="triage-status">
      Triage: <strong>{triageStatusLabels[state.status]}</strong>
      {' · '}
      {state.level === null ? 'Level not set' : `Level ${levelLabel(state.level)}`}
      {' · '}
      {openActionsText(open)}{' '}
      <a
        href={`#${TRIAGE_HEADING_ID}`}
        onClick={(event) => {
          // Move focus, not only the view: Tab then continues from the triage section.
          event.preventDefault();
          document.getElementById(TRIAGE_HEADING_ID)?.focus();
        }}
      >
        Go to triage
      </a>
    </p>
  );
}

/**
 * The DSL's work on a concern, beneath the record itself: its level of need with the reasons
 * for every change, decisions, actions and closure. Nothing here edits the concern; every entry
 * is added to its history (and to each child's chronology).
 */
export function TriagePanel({ concern }: { concern: Concern }) {
  const opened = useLantern((s) => s.openedTriage);
  const load = useLantern((s) => s.loadTriage);
  useEffect(() => {
    void load(concern.id);
  }, [concern.id, load]);
  const state = opened.concernId === concern.id ? opened.state : null;
  return (
    <section className="page-section triage" aria-labelledby={TRIAGE_HEADING_ID}>
      <h2 id={TRIAGE_HEADING_ID} tabIndex={-1}>
        Triage
      </h2>
      {state ? (
        <>
          <p>
            Status: <strong>{triageStatusLabels[state.status]}</strong>
          </p>
          <LevelSection state={state} />
          <DecisionsSection state={state} />
          <ActionsSection state={state} />
          <ClosureSection state={state} />
        </>
      ) : opened.status === 'failed' && opened.error ? (
        <LoadFailure
          error={opened.error}
          onRetry={() => {
            void load(concern.id);
          }}
        />
      ) : (
        <Loading text="Loading the triage…" />
      )}
    </section>
  );
}

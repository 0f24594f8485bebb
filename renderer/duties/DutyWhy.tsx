import { formatInstant } from '../../shared/dates/calendar-date';
import type { DeadlineResult } from '../../shared/duties/deadline';
import {
  confidenceLabels,
  evidenceMethodLabels,
  exceptionLabels,
  legalForceLabels,
} from '../../shared/duties/rules';
import type { DutyDetail, DutyEvent, DutyEventKind } from '../../shared/duties/schema';
import { occurredText } from '../concerns/concern-text';
import { DetailsList } from '../ui/DetailsList';

function Steps({ result, title, id }: { result: DeadlineResult; title: string; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="panel__subheading">
        {title}
      </h3>
      {result.basis ? <p>Set by: {result.basis}</p> : null}
      <ol className="list duty-steps">
        {result.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Why the duty applies and how its deadline was worked out: the rule in plain words, its source
 * with edition and section, how binding and how certain it is, the words that set the deadline,
 * then each step of the arithmetic, so a DSL can check it against the source.
 */
export function DutyWhy({ detail }: { detail: DutyDetail }) {
  return (
    <section className="panel duty-why" aria-labelledby="duty-why-title">
      <h2 id="duty-why-title">Why this applies</h2>
      <p>{detail.summary}</p>
      {detail.confidence === 'unconfirmed' ? (
        <p className="status status--warning">
          <strong>Warning: </strong>
          {confidenceLabels.unconfirmed}.
        </p>
      ) : null}
      {detail.ruleStatus === 'prospective' ? (
        <p className="status status--warning">
          <strong>Prospective: </strong>
          Lantern applies this rule from the commencement date entered in the school’s duty
          settings. Check that date against the commencement regulations.
        </p>
      ) : null}
      <DetailsList
        details={[
          { term: 'Source', description: detail.sourceDocument },
          { term: 'Edition', description: detail.edition },
          { term: 'Section', description: detail.section },
          { term: 'How binding', description: legalForceLabels[detail.legalForce] },
          { term: 'Confidence', description: confidenceLabels[detail.confidence] },
          { term: 'Who it is owed by', description: detail.ownerNote },
          { term: 'To whom', description: detail.recipient },
          { term: 'What started it', description: detail.triggerNote },
          {
            term: 'Local settings',
            description: `Computed with version ${detail.settingsVersion} of the school’s duty settings`,
          },
        ]}
      />
      <h3 className="panel__subheading">What the source says about the deadline</h3>
      <blockquote className="concern-text">{detail.deadlineText}</blockquote>
      <Steps
        result={detail.deadline}
        title="How the deadline was worked out"
        id="duty-why-deadline"
      />
      {detail.target ? (
        <Steps result={detail.target} title="How the target was worked out" id="duty-why-target" />
      ) : null}
    </section>
  );
}

const eventLabels: Record<DutyEventKind, string> = {
  created: 'Started',
  discharged: 'Recorded as done',
  not_applicable: 'Marked not applicable',
  exception: 'Exception recorded',
  delayed: 'Delayed for the child’s safety',
  extended: 'Extended by two months',
};

function eventFacts(event: DutyEvent): { term: string; description: string }[] {
  const facts = [
    {
      term: 'Recorded by',
      description: `${event.recordedByName}, ${formatInstant(event.recordedAt)}`,
    },
  ];
  const add = (term: string, description: string) => {
    if (description !== '') facts.push({ term, description });
  };
  add(
    event.kind === 'delayed' ? 'Delayed until' : 'When',
    event.at ? occurredText(event.at, false) : '',
  );
  add('Made by', event.actedByName);
  add('To', event.recipient);
  add('How', event.method ? evidenceMethodLabels[event.method] : '');
  add('Reference', event.reference);
  add('Exception', event.exception ? exceptionLabels[event.exception] : '');
  add(event.kind === 'discharged' ? 'Notes' : 'Reason', event.text);
  return facts;
}

/** Everything recorded on the duty, oldest first: history, never edited. */
export function DutyHistory({ events }: { events: readonly DutyEvent[] }) {
  return (
    <section className="page-section" aria-labelledby="duty-history-title">
      <h2 id="duty-history-title">History</h2>
      <ol className="list duty-history">
        {events.map((event) => (
          <li key={event.id}>
            <h3 className="panel__subheading">{eventLabels[event.kind]}</h3>
            <DetailsList details={eventFacts(event)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

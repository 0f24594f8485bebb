import { useEffect } from 'react';

import type { Concern } from '../../shared/concerns/schema';
import { childRoleLabels, concernFlagLabels, concernFlagNames } from '../../shared/concerns/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import { TriagePanel, TriageStatusLine } from '../casework/TriagePanel';
import { DutyListSection } from '../duties/DutyListSection';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { PageHeading } from '../ui/PageHeading';
import { AddCorrectionForm } from './AddCorrectionForm';
import { BodyMapMarks } from './BodyMapMarks';
import { ConcernAttachments } from './ConcernAttachments';
import { CorrectionsSection } from './Corrections';
import { categoriesText, occurredText } from './concern-text';
import type { ConcernListPage } from '../store/navigation-slice';

function Narrative({
  title,
  text,
  empty,
  words = false,
}: {
  title: string;
  text: string;
  empty: string;
  words?: boolean;
}) {
  const id = `concern-section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section
      className={words ? 'concern-section concern-section--words' : 'concern-section'}
      aria-labelledby={id}
    >
      <h2 id={id}>{title}</h2>
      {text === '' ? (
        <p>{empty}</p>
      ) : words ? (
        <blockquote className="concern-text">{text}</blockquote>
      ) : (
        <p className="concern-text">{text}</p>
      )}
    </section>
  );
}

function ConcernRecord({ concern }: { concern: Concern }) {
  const flags = concernFlagNames.filter((f) => concern.flags[f]).map((f) => concernFlagLabels[f]);
  return (
    <>
      <DetailsList
        details={[
          {
            term: 'When it happened',
            description: occurredText(concern.occurredAt, concern.occurredAtApprox),
          },
          { term: 'Where', description: concern.location || 'Not recorded' },
          {
            term: 'Children involved',
            description: (
              <ul className="list">
                {concern.children.map((c) => (
                  <li key={c.childId}>
                    {c.name}: {childRoleLabels[c.role].toLowerCase()}
                  </li>
                ))}
              </ul>
            ),
          },
          { term: 'Categories', description: categoriesText(concern.categories) },
          { term: 'Flags', description: flags.length > 0 ? flags.join('; ') : 'None' },
          {
            term: 'Recorded by',
            description: `${concern.recordedByName}, ${formatInstant(concern.recordedAt)}`,
          },
          { term: 'Told the DSL in person', description: concern.dslToldInPerson ? 'Yes' : 'No' },
        ]}
      />
      <Narrative title="What happened (facts)" text={concern.summary} empty="Nothing recorded." />
      <Narrative
        title="The child’s own words"
        text={concern.childWords}
        empty="No words of the child were recorded."
        words
      />
      <Narrative
        title="Opinion of the person recording"
        text={concern.opinion}
        empty="No opinion was recorded."
      />
      <Narrative title="What they did" text={concern.actionsTaken} empty="Nothing recorded." />
      <Narrative title="Who else they told" text={concern.peopleTold} empty="Nobody recorded." />
      <section className="page-section" aria-labelledby="concern-body-map-title">
        <h2 id="concern-body-map-title">Body map</h2>
        {concern.bodyMap.length === 0 ? (
          <p>No marks were recorded on a body map.</p>
        ) : (
          <BodyMapMarks marks={concern.bodyMap} />
        )}
      </section>
      <section className="page-section" aria-labelledby="concern-attachments-title">
        <h2 id="concern-attachments-title">Photos and documents</h2>
        <ConcernAttachments attachments={concern.attachments} />
      </section>
      <CorrectionsSection idPrefix="concern" addenda={concern.addenda} />
    </>
  );
}

type ConcernPageProps = {
  id: string;
  child: { id: string; name: string } | null;
  /** Opened from the inbox, the dashboard or search, so the way back leads there. */
  from?: ConcernListPage;
};

const backLabels: Record<ConcernListPage, string> = {
  inbox: 'Back to triage',
  dashboard: 'Back to the dashboard',
  search: 'Back to search results',
};

/** One concern, read only: facts, the child's words and opinion apart, then corrections. */
export function ConcernPage({ id, child, from }: ConcernPageProps) {
  const opened = useLantern((s) => s.openedConcern);
  const openConcern = useLantern((s) => s.openConcern);
  const navigate = useLantern((s) => s.navigate);
  const canTriage = useCan('casework.manage');
  const canSeeDuties = useCan('duties.own');

  useEffect(() => {
    void openConcern(id);
  }, [id, openConcern]);

  const concern = opened.id === id ? opened.concern : null;
  return (
    <>
      <Button
        variant="link"
        className="back-link"
        onClick={() => {
          navigate(
            from ? { page: from } : child ? { page: 'child', id: child.id } : { page: 'pupils' },
          );
        }}
      >
        {from ? backLabels[from] : child ? `Back to ${child.name}` : 'Back to pupils'}
      </Button>
      {concern ? (
        <>
          <PageHeading>
            Concern of {occurredText(concern.occurredAt, concern.occurredAtApprox)}
          </PageHeading>
          {canTriage ? <TriageStatusLine concernId={concern.id} /> : null}
          {canSeeDuties ? (
            <DutyListSection
              of={{ concernId: concern.id }}
              from={{ page: 'concern', id, child, ...(from ? { from } : {}) }}
              empty="This concern started no statutory duty you can see."
            />
          ) : null}
          <ConcernRecord concern={concern} />
          {canTriage ? <TriagePanel concern={concern} /> : null}
          <AddCorrectionForm concernId={concern.id} />
        </>
      ) : opened.status === 'failed' && opened.error ? (
        <>
          <PageHeading>Concern</PageHeading>
          <LoadFailure
            error={opened.error}
            onRetry={() => {
              void openConcern(id);
            }}
          />
        </>
      ) : (
        <Loading text="Opening the concern…" />
      )}
    </>
  );
}

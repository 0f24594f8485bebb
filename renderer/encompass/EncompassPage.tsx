import { useEffect } from 'react';

import type { EncompassNotification } from '../../shared/encompass/schema';
import { childPresenceLabels, encompassAddendumInput } from '../../shared/encompass/schema';
import { formatInstant } from '../../shared/dates/calendar-date';
import { occurredText } from '../concerns/concern-text';
import { CorrectionForm, CorrectionsSection } from '../concerns/Corrections';
import { useLantern } from '../store';
import { LoadFailure, Loading } from '../ui/AsyncState';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { errorsFromApi, errorsFromIssues } from '../ui/form-errors';
import { PageHeading } from '../ui/PageHeading';

const correctionIds = {
  reason: 'encompass-correction-reason',
  text: 'encompass-correction-text',
  title: 'encompass-correction-title',
};

function AddCorrection({ notificationId }: { notificationId: string }) {
  const add = useLantern((s) => s.addEncompassAddendum);
  return (
    <CorrectionForm
      ids={correctionIds}
      hint="For example, the police gave a different time later."
      send={async (values) => {
        const input = { notificationId, ...values };
        const parsed = encompassAddendumInput.safeParse(input);
        if (!parsed.success)
          return { fields: errorsFromIssues(parsed.error.issues), general: null };
        const result = await add(input);
        if (!result || result.ok) return null;
        return errorsFromApi(result.error);
      }}
    />
  );
}

function NotificationRecord({ n }: { n: EncompassNotification }) {
  return (
    <>
      <DetailsList
        details={[
          {
            term: 'Children',
            description: (
              <ul className="list">
                {n.children.map((c) => (
                  <li key={c.childId}>
                    {c.name}: {childPresenceLabels[c.presence].toLowerCase()}
                  </li>
                ))}
              </ul>
            ),
          },
          { term: 'Incident', description: occurredText(n.incidentAt, false) },
          { term: 'Police notified the school', description: occurredText(n.notifiedAt, false) },
          { term: 'Police force', description: n.policeForce },
          {
            term: 'Police reference',
            description: <span className="upn">{n.policeReference}</span>,
          },
          { term: 'Notified by', description: n.notifiedBy },
          {
            term: 'Key adult told',
            description: `${n.keyAdultName}, ${occurredText(n.keyAdultInformedAt, false)}`,
          },
          {
            term: 'Recorded by',
            description: `${n.recordedByName}, ${formatInstant(n.recordedAt)}`,
          },
        ]}
      />
      <section className="concern-section" aria-labelledby="encompass-shared-title">
        <h2 id="encompass-shared-title">What the police shared</h2>
        <p className="concern-text">{n.summary}</p>
      </section>
      <section className="concern-section" aria-labelledby="encompass-support-title">
        <h2 id="encompass-support-title">Support planned or offered</h2>
        <p className="concern-text">{n.supportPlanned || 'None recorded yet.'}</p>
      </section>
      <CorrectionsSection idPrefix="encompass" addenda={n.addenda} />
    </>
  );
}

type Props = { id: string; child: { id: string; name: string } | null };

/** One notification, read only, with its corrections beneath. */
export function EncompassPage({ id, child }: Props) {
  const opened = useLantern((s) => s.openedEncompass);
  const open = useLantern((s) => s.openEncompass);
  const navigate = useLantern((s) => s.navigate);

  useEffect(() => {
    void open(id);
  }, [id, open]);

  const n = opened.id === id ? opened.notification : null;
  const back =
    child ?? (n?.children[0] ? { id: n.children[0].childId, name: n.children[0].name } : null);
  return (
    <>
      {back ? (
        <Button
          variant="link"
          className="back-link"
          onClick={() => {
            navigate({ page: 'child', id: back.id });
          }}
        >
          Back to {back.name}
        </Button>
      ) : null}
      {n ? (
        <>
          <PageHeading>Operation Encompass notification</PageHeading>
          <NotificationRecord n={n} />
          <AddCorrection notificationId={n.id} />
        </>
      ) : opened.status === 'failed' && opened.error ? (
        <>
          <PageHeading>Operation Encompass notification</PageHeading>
          <LoadFailure
            error={opened.error}
            onRetry={() => {
              void open(id);
            }}
          />
        </>
      ) : (
        <Loading text="Opening the notification…" />
      )}
    </>
  );
}

import type { Child } from '../../shared/children/schema';
import {
  displayName,
  genderLabels,
  rollStatus,
  yearGroupLabel,
} from '../../shared/children/schema';
import { isTemporaryUpn } from '../../shared/children/upn';
import {
  formatCalendarDate,
  formatInstant,
  londonDate,
  wholeYearsBetween,
} from '../../shared/dates/calendar-date';
import { useCan } from '../app/use-can';
import { LegalHoldPanel } from '../retention/LegalHoldPanel';
import { DutyListSection } from '../duties/DutyListSection';
import { ChildEncompass } from '../encompass/ChildEncompass';
import { ChildConcerns } from '../concerns/ChildConcerns';
import { ContinueDraftButtons } from '../concerns/ContinueDrafts';
import { useLantern } from '../store';
import { Button } from '../ui/Button';
import { DetailsList } from '../ui/DetailsList';
import { PageHeading } from '../ui/PageHeading';
import { BackToPupils } from './BackToPupils';
import { legalName } from './child-values';
import { ChildDesignations } from './ChildDesignations';
import { ChildFamily } from './ChildFamily';
import { ChildLoadState } from './ChildLoadState';
import { ChildViewers } from './ChildViewers';
import { useChildRecord } from './use-child-record';

function rollText(child: Child, today: string): string {
  switch (rollStatus(child, today)) {
    case 'on_roll':
      return 'On roll';
    case 'leaving':
      return `On roll, leaving on ${formatCalendarDate(child.leavingDate)}`;
    case 'left':
      return `Left on ${formatCalendarDate(child.leavingDate)}`;
  }
}

function ChildDetails({ child }: { child: Child }) {
  const preferred = [child.preferredForename, child.preferredSurname].filter(Boolean).join(' ');
  const today = londonDate(new Date());
  const age = wholeYearsBetween(child.dateOfBirth, today);
  return (
    <DetailsList
      details={[
        { term: 'Legal name', description: legalName(child) },
        { term: 'Preferred name', description: preferred || 'Same as legal name' },
        {
          term: 'Date of birth',
          description: `${formatCalendarDate(child.dateOfBirth)} (age ${age})`,
        },
        {
          term: 'UPN',
          description:
            child.upn === '' ? (
              'Not recorded'
            ) : (
              <>
                <span className="upn">{child.upn}</span>
                {isTemporaryUpn(child.upn) ? <span className="tag">Temporary</span> : null}
              </>
            ),
        },
        { term: 'Year group', description: yearGroupLabel(child.yearGroup) },
        { term: 'Gender', description: genderLabels[child.gender] },
        {
          term: 'Admission date',
          description: child.admissionDate
            ? formatCalendarDate(child.admissionDate)
            : 'Not recorded',
        },
        { term: 'Roll status', description: rollText(child, today) },
        { term: 'Last updated', description: formatInstant(child.updatedAt) },
      ]}
    />
  );
}

export function ChildPage({ id }: { id: string }) {
  const record = useChildRecord(id, 'refresh');
  const navigate = useLantern((s) => s.navigate);
  const canWrite = useCan('children.write');
  const canAudit = useCan('audit.read');
  const canRecord = useCan('concerns.create');
  const canReadConcerns = useCan('concerns.read.own');
  const canRead = useCan('children.read');
  const canReadChronology = useCan('chronology.read');
  const canManageCasework = useCan('casework.manage');
  const canReadDuties = useCan('duties.read');
  const canManageRetention = useCan('retention.manage');
  const canManageSars = useCan('sar.manage');
  const { child } = record;
  return (
    <>
      <BackToPupils />
      {child ? (
        <>
          <PageHeading>{displayName(child)}</PageHeading>
          <ChildDetails child={child} />
          <div className="button-row">
            {canRecord ? (
              <Button
                variant="primary"
                onClick={() => {
                  navigate({ page: 'record-concern', child: { id, name: displayName(child) } });
                }}
              >
                Record a concern
              </Button>
            ) : null}
            {canRecord ? <ContinueDraftButtons child={{ id, name: displayName(child) }} /> : null}
            {canReadChronology ? (
              <Button
                onClick={() => {
                  navigate({ page: 'chronology', child: { id, name: displayName(child) } });
                }}
              >
                Chronology
              </Button>
            ) : null}
            {canManageCasework ? (
              <Button
                onClick={() => {
                  navigate({ page: 'choose-form', child: { id, name: displayName(child) } });
                }}
              >
                Fill a form
              </Button>
            ) : null}
            {canManageCasework ? (
              <Button
                onClick={() => {
                  navigate({ page: 'fill-la-form', child: { id, name: displayName(child) } });
                }}
              >
                Fill your local authority’s form
              </Button>
            ) : null}
            {canManageCasework ? (
              <Button
                onClick={() => {
                  navigate({ page: 'pack', child: { id, name: displayName(child) } });
                }}
              >
                Prepare a referral pack
              </Button>
            ) : null}
            {canManageCasework && child.leavingDate !== '' ? (
              <Button
                onClick={() => {
                  navigate({ page: 'transfer-out', child: { id, name: displayName(child) } });
                }}
              >
                Transfer the child protection file
              </Button>
            ) : null}
            {canManageSars ? (
              <Button
                onClick={() => {
                  navigate({ page: 'sars', child: { id, name: displayName(child) } });
                }}
              >
                Log a subject access request
              </Button>
            ) : null}
            {canWrite ? (
              <Button
                onClick={() => {
                  navigate({ page: 'edit-child', id });
                }}
              >
                Edit details
              </Button>
            ) : null}
          </div>
          {canRead ? <ChildDesignations child={child} /> : null}
          {canRead ? <ChildFamily child={child} /> : null}
          {canReadConcerns ? <ChildConcerns child={child} /> : null}
          {canManageCasework ? <ChildEncompass child={child} /> : null}
          {canReadDuties ? (
            <DutyListSection
              of={{ childId: id }}
              from={{ page: 'child', id }}
              empty={`No statutory duty is recorded about ${displayName(child)}.`}
              showChild={false}
            />
          ) : null}
          {canManageRetention ? <LegalHoldPanel child={child} /> : null}
          {canAudit ? <ChildViewers child={child} /> : null}
        </>
      ) : (
        <ChildLoadState record={record} />
      )}
    </>
  );
}

import type { Permission } from '../../shared/auth/roles';
import { unreachable } from '../../shared/assert';
import { MyAccountPage } from '../account/MyAccountPage';
import { AuditPage } from '../audit/AuditPage';
import { BackupsPage } from '../backup/BackupsPage';
import { SafeguardingAuditPage } from '../audit-s175/SafeguardingAuditPage';
import { AddChildPage } from '../children/AddChildPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { DutiesPage } from '../duties/DutiesPage';
import { DutyPage } from '../duties/DutyPage';
import { TriageInboxPage } from '../casework/TriageInboxPage';
import { ChildPage } from '../children/ChildPage';
import { ChronologyPage } from '../chronology/ChronologyPage';
import { ChronologyPrintPage } from '../chronology/ChronologyPrintPage';
import { ConcernPage } from '../concerns/ConcernPage';
import { ConcernRecordedPage } from '../concerns/ConcernRecordedPage';
import { RecordConcernPage } from '../concerns/RecordConcernPage';
import { EditChildPage } from '../children/EditChildPage';
import { EncompassPage } from '../encompass/EncompassPage';
import { GovernancePage } from '../governance/GovernancePage';
import { RecordEncompassPage } from '../encompass/RecordEncompassPage';
import { ImportPupilsPage } from '../children/ImportPupilsPage';
import { ChooseFormPage } from '../forms/ChooseFormPage';
import { FillFormPage } from '../forms/FillFormPage';
import { PupilsPage } from '../children/PupilsPage';
import { PackPage } from '../exports/PackPage';
import { PoliciesPage } from '../policies/PoliciesPage';
import { RetentionPage } from '../retention/RetentionPage';
import { SarPage } from '../sar/SarPage';
import { SarsPage } from '../sar/SarsPage';
import { FillLaFormPage } from '../templates/FillLaFormPage';
import { TemplateMappingPage } from '../templates/TemplateMappingPage';
import { TransferOutPage } from '../transfer/TransferOutPage';
import { TransfersPage } from '../transfer/TransfersPage';
import { EditSchoolPage } from '../school/EditSchoolPage';
import { SchoolProfilePage } from '../school/SchoolProfilePage';
import { SearchPage } from '../search/SearchPage';
import { SettingsPage } from '../settings/SettingsPage';
import { TrainingPage } from '../training/TrainingPage';
import type { Route } from '../store';
import { useLantern } from '../store';
import { PageHeading } from '../ui/PageHeading';
import { UsersPage } from '../users/UsersPage';
import { useCan } from './use-can';

/** The permission each page needs: the same one main checks for the calls the page makes. */
export function pagePermission(route: Route): Permission {
  switch (route.page) {
    case 'pupils':
      return 'children.search';
    case 'dashboard':
    case 'inbox':
    case 'record-encompass':
    case 'encompass':
    case 'choose-form':
    case 'fill-form':
    case 'pack':
    case 'la-form-mapping':
    case 'fill-la-form':
    case 'transfer-out':
    case 'transfers':
      return 'casework.manage';
    case 'child':
      return 'children.read';
    case 'add-child':
    case 'edit-child':
    case 'import-pupils':
      return 'children.write';
    case 'record-concern':
    case 'concern-recorded':
      return 'concerns.create';
    case 'concern':
    case 'search':
      return 'concerns.read.own';
    case 'duties':
    case 'duty':
      return 'duties.own';
    case 'chronology':
      return 'chronology.read';
    case 'chronology-print':
      return route.what.kind === 'curated' ? 'casework.manage' : 'chronology.read';
    case 'school':
      return 'school.read';
    case 'edit-school':
      return 'school.write';
    case 'users':
      return 'users.manage';
    case 'audit':
      return 'audit.read';
    case 'safeguarding-audit':
      return 'governance.read';
    case 'policies':
      return 'governance.manage';
    case 'retention':
      return 'retention.manage';
    case 'sars':
    case 'sar':
      return 'sar.manage';
    case 'settings':
      return 'settings.read';
    case 'backups':
      return 'backup.manage';
    case 'governance':
      return 'governance.read';
    case 'training':
      return 'governance.manage';
    case 'account':
      return 'account.self';
    default:
      return unreachable(route);
  }
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'pupils':
      return <PupilsPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'inbox':
      return <TriageInboxPage />;
    case 'add-child':
      return <AddChildPage />;
    case 'import-pupils':
      return <ImportPupilsPage />;
    case 'child':
      return <ChildPage id={route.id} />;
    case 'edit-child':
      return <EditChildPage id={route.id} />;
    case 'record-concern':
      return <RecordConcernPage child={route.child} draftId={route.draftId ?? null} />;
    case 'concern-recorded':
      return <ConcernRecordedPage id={route.id} child={route.child} involved={route.children} />;
    case 'concern':
      return <ConcernPage id={route.id} child={route.child} from={route.from} />;
    case 'search':
      return <SearchPage />;
    case 'duties':
      return <DutiesPage />;
    case 'duty':
      return <DutyPage id={route.id} from={route.from ?? null} />;
    case 'record-encompass':
      return <RecordEncompassPage child={route.child} />;
    case 'encompass':
      return <EncompassPage id={route.id} child={route.child} />;
    case 'chronology':
      return <ChronologyPage child={route.child} />;
    case 'chronology-print':
      return <ChronologyPrintPage route={route} />;
    case 'choose-form':
      return <ChooseFormPage child={route.child} />;
    case 'pack':
      return <PackPage child={route.child} />;
    case 'la-form-mapping':
      return <TemplateMappingPage id={route.id} />;
    case 'fill-la-form':
      return <FillLaFormPage child={route.child} />;
    case 'fill-form':
      return <FillFormPage route={route} />;
    case 'transfer-out':
      return <TransferOutPage child={route.child} />;
    case 'transfers':
      return <TransfersPage />;
    case 'school':
      return <SchoolProfilePage />;
    case 'edit-school':
      return <EditSchoolPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage child={route.child ?? null} />;
    case 'safeguarding-audit':
      return <SafeguardingAuditPage />;
    case 'policies':
      return <PoliciesPage />;
    case 'retention':
      return <RetentionPage />;
    case 'sars':
      return <SarsPage child={route.child ?? null} />;
    case 'sar':
      return <SarPage id={route.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'backups':
      return <BackupsPage />;
    case 'governance':
      return <GovernancePage />;
    case 'training':
      return <TrainingPage />;
    case 'account':
      return <MyAccountPage />;
    default:
      return unreachable(route);
  }
}

export function CurrentPage() {
  const route = useLantern((s) => s.route);
  const allowed = useCan(pagePermission(route));
  if (allowed) return <Page route={route} />;
  return (
    <>
      <PageHeading>You cannot open this page</PageHeading>
      <p>
        Your role in Lantern does not include it. Ask your designated safeguarding lead if you need
        it.
      </p>
    </>
  );
}

import { create } from 'zustand';

import { createAlertsSlice } from './alerts-slice';
import { createAuditSlice } from './audit-slice';
import { createCaseworkSlice } from './casework-slice';
import { createChildrenSlice } from './children-slice';
import { createChronologySlice } from './chronology-slice';
import { createConcernsSlice } from './concerns-slice';
import { createDashboardSlice } from './dashboard-slice';
import { createDutiesSlice } from './duties-slice';
import { createDutySettingsSlice } from './duty-settings-slice';
import { createDesignationsSlice } from './designations-slice';
import { createEncompassSlice } from './encompass-slice';
import { createFamilySlice } from './family-slice';
import { createFormsSlice } from './forms-slice';
import { createGovernanceSlice } from './governance-slice';
import { createImportSlice } from './import-slice';
import { createNavigationSlice } from './navigation-slice';
import { createPacksSlice } from './packs-slice';
import { createPoliciesSlice } from './policies-slice';
import { createRetentionSlice } from './retention-slice';
import { createSarSlice } from './sar-slice';
import { createTemplatesSlice } from './templates-slice';
import { createSafeguardingAuditSlice } from './safeguarding-audit-slice';
import { createSchoolSlice } from './school-slice';
import { createSearchSlice } from './search-slice';
import { createSecuritySlice } from './security-slice';
import { createSessionSlice } from './session-slice';
import { createSettingsSlice } from './settings-slice';
import { createTransferSlice } from './transfer-slice';
import { createSetupSlice } from './setup-slice';
import { createUsersSlice } from './users-slice';
import type { LanternState } from './types';

export type { Notice, Route } from './navigation-slice';

export const useLantern = create<LanternState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createSetupSlice(...args),
  ...createNavigationSlice(...args),
  ...createSchoolSlice(...args),
  ...createChildrenSlice(...args),
  ...createConcernsSlice(...args),
  ...createCaseworkSlice(...args),
  ...createDashboardSlice(...args),
  ...createDutiesSlice(...args),
  ...createDutySettingsSlice(...args),
  ...createSearchSlice(...args),
  ...createDesignationsSlice(...args),
  ...createEncompassSlice(...args),
  ...createChronologySlice(...args),
  ...createFamilySlice(...args),
  ...createFormsSlice(...args),
  ...createGovernanceSlice(...args),
  ...createPacksSlice(...args),
  ...createPoliciesSlice(...args),
  ...createRetentionSlice(...args),
  ...createSarSlice(...args),
  ...createTemplatesSlice(...args),
  ...createImportSlice(...args),
  ...createUsersSlice(...args),
  ...createAuditSlice(...args),
  ...createSafeguardingAuditSlice(...args),
  ...createSettingsSlice(...args),
  ...createTransferSlice(...args),
  ...createAlertsSlice(...args),
  ...createSecuritySlice(...args),
}));

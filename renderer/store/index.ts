import { create } from 'zustand';

import { createAlertsSlice } from './alerts-slice';
import { createAuditSlice } from './audit-slice';
import { createChildrenSlice } from './children-slice';
import { createConcernsSlice } from './concerns-slice';
import { createDesignationsSlice } from './designations-slice';
import { createImportSlice } from './import-slice';
import { createNavigationSlice } from './navigation-slice';
import { createSchoolSlice } from './school-slice';
import { createSecuritySlice } from './security-slice';
import { createSessionSlice } from './session-slice';
import { createSettingsSlice } from './settings-slice';
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
  ...createDesignationsSlice(...args),
  ...createImportSlice(...args),
  ...createUsersSlice(...args),
  ...createAuditSlice(...args),
  ...createSettingsSlice(...args),
  ...createAlertsSlice(...args),
  ...createSecuritySlice(...args),
}));

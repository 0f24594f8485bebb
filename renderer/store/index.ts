import { create } from 'zustand';

import { createChildrenSlice } from './children-slice';
import { createNavigationSlice } from './navigation-slice';
import { createSchoolSlice } from './school-slice';
import { createSessionSlice } from './session-slice';
import type { LanternState } from './types';

export type { Notice, Route } from './navigation-slice';

export const useLantern = create<LanternState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createNavigationSlice(...args),
  ...createSchoolSlice(...args),
  ...createChildrenSlice(...args),
}));

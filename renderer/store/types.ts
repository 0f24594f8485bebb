import type { StateCreator } from 'zustand';

import type { AlertsSlice } from './alerts-slice';
import type { AuditSlice } from './audit-slice';
import type { CaseworkSlice } from './casework-slice';
import type { ChildrenSlice } from './children-slice';
import type { ChronologySlice } from './chronology-slice';
import type { ConcernsSlice } from './concerns-slice';
import type { DashboardSlice } from './dashboard-slice';
import type { DesignationsSlice } from './designations-slice';
import type { DutiesSlice } from './duties-slice';
import type { DutySettingsSlice } from './duty-settings-slice';
import type { EncompassSlice } from './encompass-slice';
import type { FamilySlice } from './family-slice';
import type { FormsSlice } from './forms-slice';
import type { GovernanceSlice } from './governance-slice';
import type { ImportSlice } from './import-slice';
import type { NavigationSlice } from './navigation-slice';
import type { PacksSlice } from './packs-slice';
import type { PoliciesSlice } from './policies-slice';
import type { RetentionSlice } from './retention-slice';
import type { SarSlice } from './sar-slice';
import type { TemplatesSlice } from './templates-slice';
import type { SafeguardingAuditSlice } from './safeguarding-audit-slice';
import type { SchoolSlice } from './school-slice';
import type { SearchSlice } from './search-slice';
import type { SecuritySlice } from './security-slice';
import type { SessionSlice } from './session-slice';
import type { SettingsSlice } from './settings-slice';
import type { TransferSlice } from './transfer-slice';
import type { SetupSlice } from './setup-slice';
import type { UsersSlice } from './users-slice';

export type LanternState = SessionSlice &
  SetupSlice &
  NavigationSlice &
  SchoolSlice &
  ChildrenSlice &
  ConcernsSlice &
  CaseworkSlice &
  DashboardSlice &
  DutiesSlice &
  DutySettingsSlice &
  SearchSlice &
  DesignationsSlice &
  EncompassSlice &
  ChronologySlice &
  FamilySlice &
  FormsSlice &
  GovernanceSlice &
  PacksSlice &
  PoliciesSlice &
  RetentionSlice &
  SarSlice &
  TemplatesSlice &
  ImportSlice &
  UsersSlice &
  AuditSlice &
  SafeguardingAuditSlice &
  SettingsSlice &
  TransferSlice &
  AlertsSlice &
  SecuritySlice;

export type SliceCreator<Slice> = StateCreator<LanternState, [], [], Slice>;

/** The life of one request a screen waits on. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

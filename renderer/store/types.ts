import type { StateCreator } from 'zustand';

import type { ChildrenSlice } from './children-slice';
import type { NavigationSlice } from './navigation-slice';
import type { SchoolSlice } from './school-slice';
import type { SessionSlice } from './session-slice';

export type LanternState = SessionSlice & NavigationSlice & SchoolSlice & ChildrenSlice;

export type SliceCreator<Slice> = StateCreator<LanternState, [], [], Slice>;

/** The life of one request a screen waits on. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

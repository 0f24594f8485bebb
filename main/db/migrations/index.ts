import type { Db } from '../open';
import { m0001Initial } from './0001-initial';
import { m0002Accounts } from './0002-accounts';
import { m0003Leavers } from './0003-leavers';
import { m0004Concerns } from './0004-concerns';
import { m0005Designations } from './0005-designations';

export type Migration = { name: string; up(db: Db): void };

/** In order; never edit or reorder a shipped migration: add a new one. */
export const migrations: readonly Migration[] = [
  m0001Initial,
  m0002Accounts,
  m0003Leavers,
  m0004Concerns,
  m0005Designations,
];

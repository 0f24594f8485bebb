import type { Db } from '../open';
import { m0001Initial } from './0001-initial';
import { m0002Accounts } from './0002-accounts';
import { m0003Leavers } from './0003-leavers';
import { m0004Concerns } from './0004-concerns';
import { m0005Designations } from './0005-designations';
import { m0006Chronology } from './0006-chronology';
import { m0007Search } from './0007-search';
import { m0008Families } from './0008-families';
import { m0009ConcernExtras } from './0009-concern-extras';
import { m0010Triage } from './0010-triage';
import { m0011Encompass } from './0011-encompass';
import { m0012CuratedChronologies } from './0012-curated-chronologies';
import { m0013Duties } from './0013-duties';
import { m0014Exports } from './0014-exports';
import { m0015Transfers } from './0015-transfers';
import { m0016Training } from './0016-training';
import { m0017Policies } from './0017-policies';
import { m0018Audit } from './0018-audit';
import { m0019Backups } from './0019-backups';
import { m0020Retention } from './0020-retention';
import { m0021Sar } from './0021-sar';

export type Migration = { name: string; up(db: Db): void };

/** In order; never edit or reorder a shipped migration: add a new one. */
export const migrations: readonly Migration[] = [
  m0001Initial,
  m0002Accounts,
  m0003Leavers,
  m0004Concerns,
  m0005Designations,
  m0006Chronology,
  m0007Search,
  m0008Families,
  m0009ConcernExtras,
  m0010Triage,
  m0011Encompass,
  m0012CuratedChronologies,
  m0013Duties,
  m0014Exports,
  m0015Transfers,
  m0016Training,
  m0017Policies,
  m0018Audit,
  m0019Backups,
  m0020Retention,
  m0021Sar,
];

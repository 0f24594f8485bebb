import type { SchoolProfile } from '../../shared/school/schema';
import type { Phase } from '../../shared/school/schema';
import type { Db } from '../db/open';

type SchoolRow = {
  name: string;
  urn: string;
  local_authority: string;
  la_code: string;
  phase: string;
  updated_at: string;
};

export function schoolRepo(db: Db) {
  const get = db.prepare<[], SchoolRow>(
    'SELECT name, urn, local_authority, la_code, phase, updated_at FROM school WHERE id = 1',
  );
  const upsert = db.prepare(`
    INSERT INTO school (id, name, urn, local_authority, la_code, phase, updated_at)
    VALUES (1, :name, :urn, :localAuthority, :laCode, :phase, :updatedAt)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, urn = excluded.urn,
      local_authority = excluded.local_authority, la_code = excluded.la_code,
      phase = excluded.phase, updated_at = excluded.updated_at
  `);
  return {
    get(): SchoolProfile | null {
      const row = get.get();
      if (!row) return null;
      return {
        name: row.name,
        urn: row.urn,
        localAuthority: row.local_authority,
        laCode: row.la_code,
        phase: row.phase as Phase,
        updatedAt: row.updated_at,
      };
    },
    save(profile: SchoolProfile): void {
      upsert.run(profile);
    },
  };
}
export type SchoolRepo = ReturnType<typeof schoolRepo>;

import type { ImportMapping, SavedImportMapping } from '../../shared/children/import';
import { blankMapping, importFields } from '../../shared/children/import';
import type { Db } from '../db/open';

type MappingRow = { name: string; mapping: string; updated_at: string };

/**
 * The stored JSON read back field by field: anything unknown or missing reads as "not in this
 * file", so a damaged row can only make a mapping less complete, never inject a value.
 */
function parseMapping(json: string): ImportMapping {
  const mapping = { ...blankMapping };
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return mapping;
  }
  if (typeof stored !== 'object' || stored === null) return mapping;
  for (const field of importFields) {
    const value: unknown = Reflect.get(stored, field);
    if (typeof value === 'string') mapping[field] = value;
  }
  return mapping;
}

/** Column mappings for MIS imports, saved by name. */
export function importMappingsRepo(db: Db) {
  const all = db.prepare<[], MappingRow>(
    'SELECT name, mapping, updated_at FROM import_mappings ORDER BY name COLLATE NOCASE, name',
  );
  const byName = db.prepare<[string], MappingRow>(
    'SELECT name, mapping, updated_at FROM import_mappings WHERE name = ?',
  );
  const put = db.prepare(`
    INSERT INTO import_mappings (name, mapping, updated_at) VALUES (:name, :mapping, :now)
    ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at
  `);

  function toSaved(row: MappingRow): SavedImportMapping {
    return { name: row.name, mapping: parseMapping(row.mapping), updatedAt: row.updated_at };
  }

  return {
    list(): SavedImportMapping[] {
      return all.all().map(toSaved);
    },
    get(name: string): SavedImportMapping | null {
      const row = byName.get(name);
      return row ? toSaved(row) : null;
    },
    save(name: string, mapping: ImportMapping, now: string): void {
      const ordered = Object.fromEntries(importFields.map((f) => [f, mapping[f]]));
      put.run({ name, mapping: JSON.stringify(ordered), now });
    },
  };
}
export type ImportMappingsRepo = ReturnType<typeof importMappingsRepo>;

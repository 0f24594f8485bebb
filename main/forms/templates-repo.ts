import type {
  MappingEntry,
  MappingTarget,
  TemplateDetail,
  TemplateField,
  TemplateFormat,
  TemplateSummary,
} from '../../shared/forms/templates';
import type { Db } from '../db/open';

type SummaryRow = {
  id: string;
  name: string;
  format: TemplateFormat;
  fieldCount: number;
  mappedCount: number;
  updatedAt: string;
  updatedByName: string | null;
};

type DetailRow = SummaryRow & { sha256: string; bytes: number; fields: string; mapping: string };

const SUMMARY = `
  SELECT t.id, t.name, t.format, json_array_length(t.fields) AS fieldCount,
    (SELECT count(*) FROM json_each(t.mapping)) AS mappedCount, t.updated_at AS updatedAt,
    u.display_name AS updatedByName
  FROM form_templates t LEFT JOIN users u ON u.id = t.updated_by
`;

function toSummary(row: SummaryRow): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    fieldCount: row.fieldCount,
    mappedCount: row.mappedCount,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName ?? 'Unknown user',
  };
}

/** The stored mapping is a JSON object (field → target); the API carries it as entries. */
function mappingJson(mapping: readonly MappingEntry[]): string {
  return JSON.stringify(Object.fromEntries(mapping.map((e) => [e.field, e.target])));
}

/** The local authority's own form templates: the file, its fields and their mapping. */
export function formTemplatesRepo(db: Db) {
  const insert = db.prepare(`
    INSERT INTO form_templates (id, name, format, file, sha256, fields, mapping, created_at,
      created_by, updated_at, updated_by)
    VALUES (:id, :name, :format, :file, :sha256, :fields, :mapping, :at, :by, :at, :by)
  `);
  const list = db.prepare<[], SummaryRow>(`${SUMMARY} ORDER BY t.name COLLATE NOCASE, t.id`);
  const byId = db.prepare<[string], DetailRow>(`
    SELECT s.*, t.sha256, length(t.file) AS bytes, t.fields, t.mapping
    FROM (${SUMMARY} WHERE t.id = ?) s JOIN form_templates t ON t.id = s.id
  `);
  const fileOf = db.prepare<[string], { file: Buffer }>(
    'SELECT file FROM form_templates WHERE id = ?',
  );
  const setMapping = db.prepare(`
    UPDATE form_templates SET mapping = :mapping, updated_at = :at, updated_by = :by
    WHERE id = :id
  `);
  const remove = db.prepare('DELETE FROM form_templates WHERE id = ?');
  return {
    add(
      template: {
        id: string;
        name: string;
        format: TemplateFormat;
        file: Buffer;
        sha256: string;
        fields: readonly TemplateField[];
        mapping: readonly MappingEntry[];
      },
      meta: { by: string; at: string },
    ): void {
      insert.run({
        ...template,
        fields: JSON.stringify(template.fields),
        mapping: mappingJson(template.mapping),
        ...meta,
      });
    },
    /** By name. */
    list(): TemplateSummary[] {
      return list.all().map(toSummary);
    },
    get(id: string): TemplateDetail | null {
      const row = byId.get(id);
      if (!row) return null;
      const mapping = JSON.parse(row.mapping) as Record<string, MappingTarget>;
      return {
        ...toSummary(row),
        sha256: row.sha256,
        bytes: row.bytes,
        fields: JSON.parse(row.fields) as TemplateField[],
        mapping: Object.entries(mapping).map(([field, target]) => ({ field, target })),
      };
    },
    file(id: string): Buffer | null {
      return fileOf.get(id)?.file ?? null;
    },
    setMapping(id: string, mapping: readonly MappingEntry[], meta: { by: string; at: string }) {
      setMapping.run({ id, mapping: mappingJson(mapping), ...meta });
    },
    remove(id: string): void {
      remove.run(id);
    },
  };
}

import { quoted } from '../db/copy';
import type { Db } from '../db/open';
import type { Store } from '../store';
import type { PortableTable } from './tables';
import { BLOB_KEY, portableTables } from './tables';

export const PORTABLE_FORMAT = 'lantern-school-export';
export const PORTABLE_VERSION = 1;

export type PortableValue = string | number | null | { [BLOB_KEY]: string };
export type PortableRow = Record<string, PortableValue>;

/**
 * The open data export (README, "The open data export format"): every row of every real table,
 * column by column, as plain JSON. Not encrypted.
 */
export type PortableSchool = {
  format: typeof PORTABLE_FORMAT;
  version: typeof PORTABLE_VERSION;
  exportedAt: string;
  schemaVersion: number;
  school: { name: string; urn: string; localAuthority: string; laCode: string; phase: string };
  tables: Record<string, PortableRow[]>;
};

function portableValue(table: string, column: string, value: unknown): PortableValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Error(`${table}.${column} holds an integer too large for JSON.`);
    }
    return Number(value);
  }
  if (typeof value === 'number') return value;
  if (Buffer.isBuffer(value)) return { [BLOB_KEY]: value.toString('base64') };
  throw new Error(`${table}.${column} holds a value of an unexpected type.`);
}

/** A table's rows in storage order, integers read exactly (never rounded through a double). */
export function* tableRows(db: Db, table: PortableTable): Generator<PortableRow> {
  const columns = table.columns.map((c) => quoted(c.name)).join(', ');
  const order = table.withoutRowid ? '' : ' ORDER BY rowid';
  const stmt = db
    .prepare(`SELECT ${columns} FROM ${quoted(table.name)}${order}`)
    .raw()
    .safeIntegers(true);
  for (const raw of stmt.iterate()) {
    const values = raw as unknown[];
    const row: PortableRow = {};
    table.columns.forEach((c, i) => {
      row[c.name] = portableValue(table.name, c.name, values[i]);
    });
    yield row;
  }
}

type PortableHead = Omit<PortableSchool, 'tables'>;

function headOf(store: Store, now: Date): PortableHead {
  const profile = store.school.get();
  if (!profile) throw new Error('The school profile is missing, so there is nothing to export.');
  return {
    format: PORTABLE_FORMAT,
    version: PORTABLE_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: Number(store.db.pragma('user_version', { simple: true })),
    school: {
      name: profile.name,
      urn: profile.urn,
      localAuthority: profile.localAuthority,
      laCode: profile.laCode,
      phase: profile.phase,
    },
  };
}

/**
 * Everything the school holds, as the open export. Call it inside one read transaction so the
 * tables are read at a single moment (the router's handlers are).
 */
export function exportSchool(store: Store, now: Date): PortableSchool {
  const tables: Record<string, PortableRow[]> = {};
  for (const table of portableTables(store.db))
    tables[table.name] = [...tableRows(store.db, table)];
  return { ...headOf(store, now), tables };
}

/**
 * The export as UTF-8 JSON, one row to a line (readable, and easy to compare line by line),
 * built in pieces as the rows arrive, so no single string has to hold the whole school.
 */
function encode(head: PortableHead, tables: Iterable<[string, Iterable<PortableRow>]>): Buffer {
  const chunks: Buffer[] = [];
  const put = (text: string) => chunks.push(Buffer.from(text, 'utf8'));
  const headJson = JSON.stringify(head, null, 2);
  put(`${headJson.slice(0, -2)},\n  "tables": {`);
  let t = 0;
  for (const [name, rows] of tables) {
    put(`${t === 0 ? '' : ','}\n    ${JSON.stringify(name)}: [`);
    let i = 0;
    for (const row of rows) {
      put(`${i === 0 ? '' : ','}\n      ${JSON.stringify(row)}`);
      i += 1;
    }
    put(i === 0 ? ']' : '\n    ]');
    t += 1;
  }
  put('\n  }\n}\n');
  return Buffer.concat(chunks);
}

export function encodePortable(school: PortableSchool): Buffer {
  const { tables, ...head } = school;
  return encode(head, Object.entries(tables));
}

/**
 * The export file straight from the database, row by row, without first building the whole
 * school as objects (for the full synthetic school that saves about 400 MB). Read in one
 * transaction, so every table is taken at the same moment.
 */
export function exportBytes(store: Store, now: Date): Buffer {
  return store.db
    .transaction(() =>
      encode(
        headOf(store, now),
        portableTables(store.db).map((t): [string, Iterable<PortableRow>] => [
          t.name,
          tableRows(store.db, t),
        ]),
      ),
    )
    .deferred();
}

/** The file name an export is saved under: lantern-export-<urn>-<date>.json. */
export function exportFileName(urn: string, today: string): string {
  return `lantern-export-${urn.replace(/[^0-9A-Za-z]/g, '') || 'school'}-${today}.json`;
}

import type { Role } from '../../shared/auth/roles';
import type { User, UserStatus } from '../../shared/users/schema';
import type { Db } from '../db/open';

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  status: string;
  must_change_passphrase: number;
  created_at: string;
  last_sign_in_at: string | null;
};

const COLUMNS =
  'id, username, display_name, role, status, must_change_passphrase, created_at, last_sign_in_at';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    status: row.status as UserStatus,
    mustChangePassphrase: row.must_change_passphrase === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

export function usersRepo(db: Db) {
  const byId = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byUsername = db.prepare<[string], UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE username = ?`,
  );
  const all = db.prepare<[], UserRow>(
    `SELECT ${COLUMNS} FROM users ORDER BY status, display_name COLLATE NOCASE, username`,
  );
  const insert = db.prepare(`
    INSERT INTO users (id, username, display_name, role, status, must_change_passphrase,
      created_at, updated_at)
    VALUES (:id, :username, :displayName, :role, 'active', :mustChange, :now, :now)
  `);
  const setStatus = db.prepare(
    'UPDATE users SET status = :status, updated_at = :now WHERE id = :id',
  );
  const setMustChange = db.prepare(
    'UPDATE users SET must_change_passphrase = :mustChange, updated_at = :now WHERE id = :id',
  );
  const touch = db.prepare('UPDATE users SET last_sign_in_at = :now WHERE id = :id');

  return {
    get: (id: string): User | null => {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    byUsername: (username: string): User | null => {
      const row = byUsername.get(username);
      return row ? toUser(row) : null;
    },
    list: (): User[] => all.all().map(toUser),
    add(
      user: { id: string; username: string; displayName: string; role: Role; mustChange: boolean },
      now: string,
    ): void {
      insert.run({ ...user, mustChange: user.mustChange ? 1 : 0, now });
    },
    setStatus(id: string, status: UserStatus, now: string): void {
      setStatus.run({ id, status, now });
    },
    setMustChange(id: string, mustChange: boolean, now: string): void {
      setMustChange.run({ id, mustChange: mustChange ? 1 : 0, now });
    },
    recordSignIn(id: string, now: string): void {
      touch.run({ id, now });
    },
  };
}
export type UsersRepo = ReturnType<typeof usersRepo>;

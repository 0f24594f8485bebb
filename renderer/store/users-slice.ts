import type { IssuedPassphrase, MethodInput } from '../../shared/api';
import type { ApiError, Result } from '../../shared/result';
import type { User, UserStatus } from '../../shared/users/schema';
import { sessionCall } from './request';
import type { LoadStatus, SliceCreator } from './types';

export type UserList = {
  items: User[];
  status: LoadStatus;
  error: ApiError | null;
};

export type UsersSlice = {
  userList: UserList;
  /**
   * A one-time passphrase just issued, shown once so the DSL can hand it over. Held only until
   * they press Done, navigate away or Lantern locks.
   */
  issuedPassphrase: IssuedPassphrase | null;
  loadUsers: () => Promise<void>;
  /** Each resolves to null when the session ended before main answered. */
  addUser: (input: MethodInput<'users.add'>) => Promise<Result<IssuedPassphrase> | null>;
  setUserStatus: (id: string, status: UserStatus) => Promise<Result<User> | null>;
  resetUserPassphrase: (id: string) => Promise<Result<IssuedPassphrase> | null>;
  clearIssuedPassphrase: () => void;
};

export const initialUsers: Pick<UsersSlice, 'userList' | 'issuedPassphrase'> = {
  userList: { items: [], status: 'idle', error: null },
  issuedPassphrase: null,
};

/** The list with `user` replaced where it already appears, or added at the end. */
function withUser(items: readonly User[], user: User): User[] {
  return items.some((u) => u.id === user.id)
    ? items.map((u) => (u.id === user.id ? user : u))
    : [...items, user];
}

export const createUsersSlice: SliceCreator<UsersSlice> = (set, get) => ({
  ...initialUsers,

  async loadUsers() {
    set((s) => ({ userList: { ...s.userList, status: 'loading', error: null } }));
    const result = await sessionCall(get, 'users.list', {});
    if (!result) return;
    set((s) => ({
      userList: result.ok
        ? { items: result.value, status: 'ready', error: null }
        : { ...s.userList, status: 'failed', error: result.error },
    }));
  },

  async addUser(input) {
    const result = await sessionCall(get, 'users.add', input);
    if (result?.ok) {
      const issued = result.value;
      set((s) => ({
        issuedPassphrase: issued,
        userList: { ...s.userList, items: withUser(s.userList.items, issued.user) },
      }));
    }
    return result;
  },

  async setUserStatus(id, status) {
    const result = await sessionCall(get, 'users.setStatus', { id, status });
    if (result?.ok) {
      const user = result.value;
      set((s) => ({ userList: { ...s.userList, items: withUser(s.userList.items, user) } }));
    }
    return result;
  },

  async resetUserPassphrase(id) {
    const result = await sessionCall(get, 'users.resetPassphrase', { id });
    if (result?.ok) {
      const issued = result.value;
      set((s) => ({
        issuedPassphrase: issued,
        userList: { ...s.userList, items: withUser(s.userList.items, issued.user) },
      }));
    }
    return result;
  },

  clearIssuedPassphrase() {
    set({ issuedPassphrase: null });
  },
});

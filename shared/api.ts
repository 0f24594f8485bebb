/**
 * The API contract between the renderer and main. Every method names its input schema
 * (strict, bounded), its output type and the permission it needs. main/router.ts enforces it;
 * renderer/api.ts is typed from it. Nothing else crosses the boundary.
 */
import { z } from 'zod';

import type { Permission, Role } from './auth/roles';
import type { Child, ChildSummary } from './children/schema';
import { childInput } from './children/schema';
import type { SchoolProfile } from './school/schema';
import { schoolInput } from './school/schema';

/** `public` methods run before sign-in (unlock, status); everything else needs a permission. */
export type Access = Permission | 'public';

type MethodDef<S extends z.ZodType, O> = {
  input: S;
  access: Access;
  /** True when the method changes stored data (it then runs in a write transaction). */
  writes: boolean;
  summary: string;
  /** Phantom: carries the output type, never a value. */
  output?: O;
};

function method<O>() {
  return <S extends z.ZodType>(def: Omit<MethodDef<S, O>, 'output'>): MethodDef<S, O> => def;
}

const id = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'Not a record id.',
  );
const passphrase = z.string().max(1024, 'Passphrase must be 1,024 characters or fewer.');

export type SessionStatus = {
  /** The school's encrypted store exists in the data directory. */
  storeExists: boolean;
  unlocked: boolean;
  role: Role | null;
  /** The school profile has been saved (set-up is complete). */
  schoolConfigured: boolean;
};

export type ChildList = { items: ChildSummary[]; total: number };

export const MIN_PASSPHRASE_LENGTH = 12;

export const methods = {
  'session.status': method<SessionStatus>()({
    input: z.strictObject({}),
    access: 'public',
    writes: false,
    summary: 'Whether the store exists and this session is unlocked',
  }),
  'vault.create': method<SessionStatus>()({
    input: z.strictObject({
      passphrase: passphrase.min(
        MIN_PASSPHRASE_LENGTH,
        `Use at least ${MIN_PASSPHRASE_LENGTH} characters: three or four random words work well.`,
      ),
      confirmation: passphrase,
    }),
    access: 'public',
    writes: true,
    summary: 'Create the encrypted store for this school',
  }),
  'vault.unlock': method<SessionStatus>()({
    input: z.strictObject({ passphrase: passphrase.min(1, 'Enter the passphrase.') }),
    access: 'public',
    writes: false,
    summary: 'Unlock the store with the passphrase',
  }),
  'vault.lock': method<SessionStatus>()({
    input: z.strictObject({}),
    access: 'session.lock',
    writes: false,
    summary: 'Lock the store and forget the key',
  }),
  'school.get': method<SchoolProfile | null>()({
    input: z.strictObject({}),
    access: 'school.read',
    writes: false,
    summary: 'The school profile',
  }),
  'school.save': method<SchoolProfile>()({
    input: schoolInput,
    access: 'school.write',
    writes: true,
    summary: 'Create or update the school profile',
  }),
  'children.list': method<ChildList>()({
    input: z.strictObject({
      query: z.string().max(100, 'Search text must be 100 characters or fewer.'),
      limit: z.int().min(1).max(500),
      offset: z.int().min(0).max(1_000_000),
    }),
    access: 'children.read',
    writes: false,
    summary: 'Find children by name or UPN',
  }),
  'children.get': method<Child>()({
    input: z.strictObject({ id }),
    access: 'children.read',
    writes: false,
    summary: 'One child’s register details',
  }),
  'children.add': method<Child>()({
    input: childInput,
    access: 'children.write',
    writes: true,
    summary: 'Add a child to the register',
  }),
  'children.update': method<Child>()({
    input: z.strictObject({ id, child: childInput }),
    access: 'children.write',
    writes: true,
    summary: 'Correct a child’s register details',
  }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> =
  Methods[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/**
 * Roles and what each may do. Deny by default: a permission not listed for a role is refused.
 * This table is the single source both the router (which enforces it) and the UI (which hides
 * what a role cannot use) read.
 */
export const roles = ['dsl', 'deputy_dsl', 'headteacher', 'staff', 'governor', 'it_admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  dsl: 'Designated safeguarding lead',
  deputy_dsl: 'Deputy DSL',
  headteacher: 'Headteacher',
  staff: 'Staff',
  governor: 'Governor',
  it_admin: 'IT administrator',
};

export const permissions = [
  'session.lock',
  'school.read',
  'school.write',
  'children.read',
  'children.write',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  dsl: ['session.lock', 'school.read', 'school.write', 'children.read', 'children.write'],
  deputy_dsl: ['session.lock', 'school.read', 'children.read', 'children.write'],
  headteacher: ['session.lock', 'school.read', 'school.write', 'children.read'],
  // Staff find a pupil to record a concern about; they never see safeguarding records here.
  staff: ['session.lock', 'school.read', 'children.read'],
  // Governors see aggregates only: no pupil register.
  governor: ['session.lock', 'school.read'],
  // IT manages settings and the installation, never a child's record.
  it_admin: ['session.lock', 'school.read', 'school.write'],
};

export function can(role: Role | null, permission: Permission): boolean {
  return role !== null && rolePermissions[role].includes(permission);
}

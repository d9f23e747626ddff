/**
 * Who may do what (issue 5), as data: the server enforces it in one place (http/route.ts and
 * services/access.ts), the web app reads it to show only what a user can use, and the
 * authorization-matrix test checks every route against it.
 */

export const roles = ['admin', 'coordinator', 'partner_editor', 'analyst', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * What a route needs. 'public': anyone, signed in or not. 'signed_in': any user (reads are then
 * narrowed by each record's sensitivity). 'hub': admins and coordinators, who see across
 * organizations (the changes feed names every record). The others are permissions some roles hold.
 */
export const accessRules = [
  'public',
  'signed_in',
  'hub',
  'registry.write',
  'records.write',
  'evidence.write',
  'claims.verify',
  'claims.propose',
  'admin',
] as const;
export type AccessRule = (typeof accessRules)[number];

export type Permission = Exclude<AccessRule, 'public' | 'signed_in' | 'hub'>;

/**
 * - admin: everything, across organizations.
 * - coordinator: reads all shared data, edits the registry and the coordination record of every
 *   organization, records sources and claims, verifies claims.
 * - partner_editor: creates and edits the records of their own organization.
 * - analyst: adds sources and claims, proposes verifications (a coordinator decides).
 * - viewer: reads.
 */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['admin', 'registry.write', 'records.write', 'evidence.write', 'claims.verify', 'claims.propose'],
  coordinator: ['registry.write', 'records.write', 'evidence.write', 'claims.verify', 'claims.propose'],
  partner_editor: ['records.write'],
  analyst: ['evidence.write', 'claims.propose'],
  viewer: [],
};

/** Roles whose writes are not limited to their own organization's records. */
export const crossOrganizationRoles: readonly Role[] = ['admin', 'coordinator'];

export function hasPermission(userRoles: readonly string[], permission: Permission): boolean {
  return userRoles.some((role) => rolePermissions[role as Role]?.includes(permission));
}

export function isCrossOrganization(userRoles: readonly string[]): boolean {
  return userRoles.some((role) => crossOrganizationRoles.includes(role as Role));
}

/** A signed-in user may call a route with this rule (organization scope is checked on the record). */
export function allows(rule: AccessRule, userRoles: readonly string[] | null): boolean {
  if (rule === 'public') return true;
  if (userRoles === null) return false;
  if (rule === 'signed_in') return true;
  if (rule === 'hub') return isCrossOrganization(userRoles);
  return hasPermission(userRoles, rule);
}

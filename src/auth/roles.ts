/** Who uses the system (DOMAIN.md "Users"), and what each may do. */
export const ROLES = ['admin', 'clerk', 'mediator', 'bureau'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission a route can declare. A route declares exactly one (or is @Public); the access
 * test derives all routes from Nest's metadata and fails for a route that declares none.
 */
export const PERMISSIONS = [
  'reference:read',
  'station:read',
  'station:manage',
  'user:manage',
  'audit:read',
  'audit:verify',
  'case:register',
  'case:read',
  'case:update',
  'case:transition',
  'case:attach',
  'mediator:read',
  'mediator:manage',
  'panel:assign',
  'panel:recuse',
  'session:read',
  'session:write',
  'agreement:read',
  'agreement:write',
  'agreement:sign',
  'followup:write',
  'document:render',
  'statistics:read',
  'statistics:export',
  'dashboard:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: Permission[] = ['reference:read', 'station:read', 'dashboard:read'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  clerk: new Set<Permission>([
    ...EVERYONE,
    'case:register',
    'case:read',
    'case:update',
    'case:transition',
    'case:attach',
    'mediator:read',
    'mediator:manage',
    'panel:assign',
    'panel:recuse',
    'session:read',
    'session:write',
    'agreement:read',
    // Committee clerks type up agreements for the mediators and record signatures and seals.
    'agreement:write',
    'agreement:sign',
    'document:render',
    'statistics:read',
    'statistics:export',
  ]),
  mediator: new Set<Permission>([
    ...EVERYONE,
    'case:read',
    'case:transition',
    'case:attach',
    'mediator:read',
    'panel:recuse',
    'session:read',
    'session:write',
    'agreement:read',
    'agreement:write',
    'agreement:sign',
    'followup:write',
    'document:render',
  ]),
  // The bureau supervises: it reads and exports, and never writes case data.
  bureau: new Set<Permission>([
    ...EVERYONE,
    'case:read',
    'mediator:read',
    'statistics:read',
    'statistics:export',
  ]),
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

import { ROLE_HOME, userHasPermission, type Permission, type PermissionSubject } from "../domain/permissions.ts";

export interface NavItem {
  to: string;
  label: string;
  permission: Permission;
}

// Only pages that exist appear here; each is shown to the roles that may use it.
const NAV_ITEMS: NavItem[] = [
  { to: "/audit", label: "Audit log", permission: "read:audit" },
  { to: "/admin/users", label: "Users", permission: "admin:users" },
  { to: "/admin/teams", label: "Teams", permission: "admin:teams" },
  { to: "/admin/products", label: "Products", permission: "admin:products" },
];

export function navItemsFor(user: PermissionSubject): NavItem[] {
  const home: NavItem = { to: ROLE_HOME[user.role], label: "Home", permission: "read:matrix" };
  return [home, ...NAV_ITEMS.filter((item) => userHasPermission(user, item.permission))];
}

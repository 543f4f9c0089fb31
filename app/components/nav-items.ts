import { ROLE_HOME, userHasPermission, type Permission, type PermissionSubject } from "../domain/permissions.ts";

export interface NavItem {
  to: string;
  label: string;
  /** Shown when the role holds any of these. */
  anyOf: Permission[];
  /** Things waiting for the reader there, shown beside the label. */
  count?: number;
  /** What the count counts, for screen readers ("3 unread"); "open" when not said. */
  countLabel?: string;
}

// Only pages that exist appear here; each is shown to the roles that may use it.
const NAV_ITEMS: NavItem[] = [
  { to: "/inbox", label: "Inbox", anyOf: ["read:notification"] },
  { to: "/capabilities", label: "Capability matrix", anyOf: ["read:matrix"] },
  { to: "/dashboard/scorecard", label: "Scorecard", anyOf: ["read:dashboard"] },
  { to: "/claims", label: "Claims", anyOf: ["read:claim"] },
  { to: "/claims/new", label: "Log a claim", anyOf: ["log:claim"] },
  { to: "/verify", label: "Verify", anyOf: ["verify:claim"] },
  { to: "/disputes", label: "Disputes", anyOf: ["resolve:dispute"] },
  { to: "/conversations", label: "Conversations", anyOf: ["read:conversation"] },
  { to: "/conversations/import", label: "Import a conversation", anyOf: ["import:conversation"] },
  { to: "/ask", label: "Ask an engineer", anyOf: ["ask:question", "answer:question", "read:question"] },
  { to: "/quizzes", label: "Quizzes", anyOf: ["take:quiz"] },
  { to: "/question-bank", label: "Question bank", anyOf: ["write:quiz"] },
  { to: "/deals", label: "Deals", anyOf: ["import:deals"] },
  { to: "/surveys", label: "Surveys", anyOf: ["read:survey:team"] },
  { to: "/customer-comments", label: "Customer comments", anyOf: ["edit:capability"] },
  { to: "/comp", label: "Compensation", anyOf: ["read:statement"] },
  { to: "/audit", label: "Audit log", anyOf: ["read:audit"] },
  { to: "/admin/users", label: "Users", anyOf: ["admin:users"] },
  { to: "/admin/teams", label: "Teams", anyOf: ["admin:teams"] },
  { to: "/admin/products", label: "Products", anyOf: ["admin:products"] },
  { to: "/admin/plan", label: "Comp plan", anyOf: ["edit:plan"] },
  { to: "/admin/api-tokens", label: "API tokens", anyOf: ["admin:api-tokens"] },
  { to: "/admin/settings", label: "Company settings", anyOf: ["admin:settings"] },
];

/** Counts the layout looked up for the reader; an item without one shows no count. */
export interface NavCounts {
  openDisputes?: number | null;
  /** The reader's unread notifications (PRODUCT.md §8). */
  unreadNotifications?: number | null;
}

export function navItemsFor(user: PermissionSubject, counts: NavCounts = {}): NavItem[] {
  const home: NavItem = { to: ROLE_HOME[user.role], label: "Home", anyOf: [] };
  const shown = NAV_ITEMS.filter((item) => item.anyOf.some((permission) => userHasPermission(user, permission)));
  return [
    home,
    ...shown.map((item) => {
      if (item.to === "/disputes" && typeof counts.openDisputes === "number")
        return { ...item, count: counts.openDisputes };
      if (item.to === "/inbox" && typeof counts.unreadNotifications === "number")
        return { ...item, count: counts.unreadNotifications, countLabel: "unread" };
      return item;
    }),
  ];
}

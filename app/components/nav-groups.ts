// How the main navigation is laid out: the pages used every day stay in the bar, the less-used
// ones are grouped under a few disclosure menus, so the bar stays one row at 1440 px for every
// role (an admin may see twenty-odd pages). Which pages a role sees is nav-items.ts's business;
// this file only arranges what it is given. Pure, so it is unit-tested.
import type { NavItem } from "./nav-items.ts";

export interface NavMenuGroup {
  id: string;
  label: string;
  items: NavItem[];
}

export type NavEntry = { kind: "link"; item: NavItem } | { kind: "menu"; menu: NavMenuGroup };

// The menus. A page not named here stays in the bar, so a page added to nav-items.ts is never
// lost, only perhaps not grouped yet. "inline" menus stand where their first page would have
// stood (quizzes are used daily); the others follow the bar's links, in this order.
const MENUS: ReadonlyArray<{ id: string; label: string; paths: readonly string[]; inline?: boolean }> = [
  { id: "quizzes", label: "Quizzes", paths: ["/quizzes", "/question-bank"], inline: true },
  {
    id: "customers",
    label: "Customers",
    paths: ["/conversations", "/conversations/import", "/deals", "/surveys", "/customer-comments"],
  },
  { id: "reports", label: "Reports", paths: ["/dashboard/scorecard", "/comp", "/audit"] },
  {
    id: "admin",
    label: "Admin",
    paths: ["/admin/users", "/admin/teams", "/admin/products", "/admin/plan", "/admin/api-tokens", "/admin/settings"],
  },
];

/**
 * The bar's entries for the pages `items` gives, in their order. A group of pages with more
 * than one page for this reader becomes a menu; a group of one stays a plain link where it
 * stood (a menu to open for a single choice is a wasted click: a salesperson's "Compensation").
 */
export function arrangeNav(items: readonly NavItem[]): NavEntry[] {
  const menuOf = (item: NavItem) => MENUS.find((candidate) => candidate.paths.includes(item.to));
  const members = new Map<string, NavItem[]>();
  for (const item of items) {
    const menu = menuOf(item);
    if (menu) members.set(menu.id, [...(members.get(menu.id) ?? []), item]);
  }
  const asMenu = (id: string): NavEntry | null => {
    const menu = MENUS.find((candidate) => candidate.id === id);
    const pages = members.get(id) ?? [];
    return menu && pages.length > 1 ? { kind: "menu", menu: { id: menu.id, label: menu.label, items: pages } } : null;
  };
  const entries: NavEntry[] = [];
  for (const item of items) {
    const menu = menuOf(item);
    const grouped = menu ? asMenu(menu.id) : null;
    if (!menu || !grouped) entries.push({ kind: "link", item });
    else if (menu.inline && members.get(menu.id)?.[0] === item) entries.push(grouped);
  }
  for (const menu of MENUS) {
    const grouped = menu.inline ? null : asMenu(menu.id);
    if (grouped) entries.push(grouped);
  }
  return entries;
}

/**
 * The address of the page being read among `items` (as the bar marks it), or null: the item whose
 * address is the longest match, so `/claims/new` marks "Log a claim", not "Claims", while a claim's
 * own page `/claims/<id>` still marks "Claims".
 */
export function currentNavTarget(pathname: string, items: readonly NavItem[]): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  let best: string | null = null;
  for (const { to } of items) {
    const matches = path === to || path.startsWith(to === "/" ? "/" : `${to}/`);
    if (matches && (best === null || to.length > best.length)) best = to;
  }
  return best;
}

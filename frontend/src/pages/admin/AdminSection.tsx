/** Admin: end-of-day runs. */
import type { NavItem } from "../../nav/menu";
import { ComingSoonPage } from "../ComingSoonPage";

export function AdminSection({ item }: { item: NavItem }) {
  return <ComingSoonPage item={item} />;
}

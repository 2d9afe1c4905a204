/** Collections queue. */
import type { NavItem } from "../../nav/menu";
import { ComingSoonPage } from "../ComingSoonPage";

export function CollectionsSection({ item }: { item: NavItem }) {
  return <ComingSoonPage item={item} />;
}

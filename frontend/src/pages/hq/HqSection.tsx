/** HQ pages (dashboard, warnings, limits, consolidation runs, reports, onboarding), one per nav item. */
import type { NavItem } from "../../nav/menu";
import { ComingSoonPage } from "../ComingSoonPage";

export function HqSection({ item }: { item: NavItem }) {
  return <ComingSoonPage item={item} />;
}

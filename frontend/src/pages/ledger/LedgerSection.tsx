/** Ledger: trial balance and account statements. */
import type { NavItem } from "../../nav/menu";
import { ComingSoonPage } from "../ComingSoonPage";

export function LedgerSection({ item }: { item: NavItem }) {
  return <ComingSoonPage item={item} />;
}

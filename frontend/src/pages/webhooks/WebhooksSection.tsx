/** Webhooks: subscriptions, delivery log, redelivery. */
import type { NavItem } from "../../nav/menu";
import { ComingSoonPage } from "../ComingSoonPage";

export function WebhooksSection({ item }: { item: NavItem }) {
  return <ComingSoonPage item={item} />;
}

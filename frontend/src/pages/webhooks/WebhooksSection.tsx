/** Webhooks: subscriptions, delivery log, redelivery. */
import { Route, Routes } from "react-router";

import type { NavItem } from "../../nav/menu";
import "../../system/system.css";
import { NotFoundPage } from "../StatusPages";
import { WebhooksPage } from "./WebhooksPage";

export function WebhooksSection({ item: _item }: { item: NavItem }) {
  return (
    <Routes>
      <Route index element={<WebhooksPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

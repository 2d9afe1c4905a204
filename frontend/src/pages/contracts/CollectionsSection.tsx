/** Collections: the overdue work queue by bucket (`/collections`). */
import { Route, Routes } from "react-router";

import type { NavItem } from "../../nav/menu";
import { NotFoundPage } from "../StatusPages";
import { CollectionsQueuePage } from "./CollectionsQueuePage";

export function CollectionsSection(_: { item: NavItem }) {
  return (
    <Routes>
      <Route index element={<CollectionsQueuePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Admin: end-of-day runs. */
import { Route, Routes } from "react-router";

import type { NavItem } from "../../nav/menu";
import "../../system/system.css";
import { NotFoundPage } from "../StatusPages";
import { EndOfDayPage } from "./EndOfDayPage";

export function AdminSection({ item: _item }: { item: NavItem }) {
  return (
    <Routes>
      <Route index element={<EndOfDayPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

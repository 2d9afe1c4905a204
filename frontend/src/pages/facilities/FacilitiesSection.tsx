/** Credit facilities: the list (`/facilities`) and one facility (`/facilities/:id`). */
import { Route, Routes } from "react-router";

import { NotFoundPage } from "../StatusPages";
import { FacilityDetailPage } from "./FacilityDetailPage";
import { FacilityListPage } from "./FacilityListPage";

export function FacilitiesSection() {
  return (
    <Routes>
      <Route index element={<FacilityListPage />} />
      <Route path=":id" element={<FacilityDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

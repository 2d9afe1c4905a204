/** Applications: the work list, a new application (loan officers) and one application. */
import { Route, Routes } from "react-router";

import { canOpen } from "../applications/permissions";
import { useAuth } from "../auth/AuthProvider";
import { ApplicationDetailPage } from "./ApplicationDetailPage";
import { ApplicationListPage } from "./ApplicationListPage";
import { ApplicationNewPage } from "./ApplicationNewPage";
import { ForbiddenPage, NotFoundPage } from "./StatusPages";

export function ApplicationsSection() {
  const { me } = useAuth();
  return (
    <Routes>
      <Route index element={<ApplicationListPage />} />
      <Route path="new" element={canOpen(me?.roles ?? []) ? <ApplicationNewPage /> : <ForbiddenPage />} />
      <Route path=":id" element={<ApplicationDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

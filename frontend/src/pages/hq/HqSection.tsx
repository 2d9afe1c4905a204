/** HQ pages (dashboard, warnings, limits, consolidation runs, reports, onboarding), one per nav item. */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";

import { LoadingState } from "../../components/States";

import type { NavItem } from "../../nav/menu";
import { NotFoundPage } from "../StatusPages";
import "../../hq/hq.css";
import { GroupFacilitiesPage } from "./GroupFacilitiesPage";
import { LimitsPage } from "./LimitsPage";
import { OnboardingPage } from "./OnboardingPage";
import { ReportsPage } from "./ReportsPage";
import { RunDetailPage } from "./RunDetailPage";
import { RunsPage } from "./RunsPage";
import { WarningsPage } from "./WarningsPage";

// The charted pages load ECharts: fetched when first opened, not with the console.
const DashboardPage = lazy(() => import("./DashboardPage").then((m) => ({ default: m.DashboardPage })));
const CustomerPage = lazy(() => import("./CustomerPage").then((m) => ({ default: m.CustomerPage })));

function Single({ page }: { page: React.ReactNode }) {
  return (
    <Routes>
      <Route index element={page} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function HqSection({ item }: { item: NavItem }) {
  switch (item.key) {
    case "hq-dashboard":
      return (
        <Suspense fallback={<LoadingState />}>
          <Routes>
            <Route index element={<DashboardPage />} />
            <Route path="customers/:key" element={<CustomerPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      );
    case "warnings":
      return <Single page={<WarningsPage />} />;
    case "limits":
      return <Single page={<LimitsPage />} />;
    case "consolidation":
      return (
        <Routes>
          <Route index element={<RunsPage />} />
          <Route path=":runId" element={<RunDetailPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      );
    case "reports":
      return (
        <Routes>
          <Route index element={<ReportsPage />} />
          <Route path=":runId" element={<ReportsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      );
    case "onboarding":
      return <Single page={<OnboardingPage />} />;
    case "group-facilities":
      return <Single page={<GroupFacilitiesPage />} />;
    default:
      return <NotFoundPage />;
  }
}

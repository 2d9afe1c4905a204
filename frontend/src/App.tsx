/** Providers (language, Ant Design locale and theme, auth, business date) and the routes, guarded by role. */
import { App as AntApp, ConfigProvider } from "antd";
import enUSAntd from "antd/locale/en_US";
import zhCNAntd from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useEffect, useMemo, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";

import { AuthProvider, useAuth } from "./auth/AuthProvider";
import { LoadingState } from "./components/States";
import { useI18n } from "./i18n";
import { AppShell } from "./layout/AppShell";
import { useMediaQuery } from "./layout/useMediaQuery";
import { allows, homePath, NAV, type NavItem, type PageKind } from "./nav/menu";
import { ApplicationsSection } from "./pages/ApplicationsSection";
import { CalculatorPage } from "./pages/CalculatorPage";
import { AdminSection } from "./pages/admin/AdminSection";
import { UsersPage } from "./pages/admin/UsersPage";
import { CollectionsSection } from "./pages/contracts/CollectionsSection";
import { ContractsSection } from "./pages/ContractsSection";
import { CustomersSection } from "./pages/CustomersSection";
import { FacilitiesSection } from "./pages/facilities/FacilitiesSection";
import { HqSection } from "./pages/hq/HqSection";
import { LedgerSection } from "./pages/ledger/LedgerSection";
import { InvoicesPage } from "./pages/InvoicesPage";
import { LoginPage } from "./pages/LoginPage";
import { ProductsSection } from "./pages/ProductsSection";
import { ForbiddenPage, NotFoundPage } from "./pages/StatusPages";
import { TenantsPage } from "./pages/TenantsPage";
import { BusinessDateProvider, useBusinessDate } from "./system/BusinessDateProvider";
import { WebhooksSection } from "./pages/webhooks/WebhooksSection";
import { PartnersPage } from "./pages/partners/PartnersPage";
import { theme } from "./theme";
import { CampaignsSection } from "./pages/customers360/CampaignsSection";
import { CustomerGradesPage } from "./pages/customers360/CustomerGradesPage";
import { WhitelistsPage } from "./pages/WhitelistsPage";
import { GroupCustomersPage } from "./pages/customers360/GroupCustomersPage";

function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === "loading") return <LoadingState />;
  if (status === "anonymous") return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** The page each kind of navigation item opens (a missing kind fails the build). */
const PAGES: Record<PageKind, (item: NavItem) => ReactNode> = {
  calculator: () => <CalculatorPage />,
  tenants: () => <TenantsPage />,
  products: () => <ProductsSection />,
  customers: () => <CustomersSection />,
  applications: () => <ApplicationsSection />,
  contracts: (item) => <ContractsSection item={item} />,
  collections: (item) => <CollectionsSection item={item} />,
  invoices: () => <InvoicesPage />,
  hq: (item) => <HqSection item={item} />,
  ledger: (item) => <LedgerSection item={item} />,
  webhooks: (item) => <WebhooksSection item={item} />,
  admin: (item) => <AdminSection item={item} />,
  facilities: () => <FacilitiesSection />,
  users: () => <UsersPage />,
  partners: () => <PartnersPage />,
  customerGrades: () => <CustomerGradesPage />,
  campaigns: () => <CampaignsSection />,
  whitelists: () => <WhitelistsPage />,
  groupCustomers: () => <GroupCustomersPage />,
};

function Guarded({ item }: { item: NavItem }) {
  const { me } = useAuth();
  // A page opens once the business date is known (or could not be read), so it defaults to it
  // rather than fetching or pre-filling a day the browser's clock made up.
  const { settled } = useBusinessDate();
  if (!allows(item, me?.roles ?? [])) return <ForbiddenPage />;
  if (!settled) return <LoadingState />;
  return PAGES[item.page](item);
}

function Home() {
  const { me } = useAuth();
  return <Navigate to={homePath(me?.roles ?? [])} replace />;
}

function Localized({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  // People who ask their system for less motion get none (and so do the browser tests).
  const reducedMotion = useMediaQuery("(prefers-reduced-motion: reduce)");
  const themed = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  useEffect(() => {
    dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  }, [locale]);
  return (
    <ConfigProvider locale={locale === "zh-CN" ? zhCNAntd : enUSAntd} theme={themed}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App({ apiBaseUrl }: { apiBaseUrl: string }) {
  return (
    <Localized>
      <AuthProvider apiBaseUrl={apiBaseUrl}>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route
              element={
                <RequireAuth>
                  <BusinessDateProvider>
                    <AppShell />
                  </BusinessDateProvider>
                </RequireAuth>
              }
            >
              <Route index element={<Home />} />
              {NAV.map((item) => (
                <Route key={item.key} path={item.nested ? `${item.path}/*` : item.path} element={<Guarded item={item} />} />
              ))}
              <Route path="/forbidden" element={<ForbiddenPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </Localized>
  );
}

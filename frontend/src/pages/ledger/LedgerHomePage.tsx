/** The ledger's front page: tabs for the trial balance, manual journals and (finance, admin) clearing. */
import { Card, Tabs } from "antd";
import { useSearchParams } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { useI18n } from "../../i18n";
import { canSeeClearing } from "../../ledger/permissions";
import { ClearingTab } from "./ClearingTab";
import { JournalTab } from "./JournalTab";
import { TrialBalanceTab } from "./TrialBalanceTab";

export function LedgerHomePage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const clearing = canSeeClearing(me?.roles ?? []);
  const tabs = ["trial", "journal", ...(clearing ? ["clearing"] : [])];
  const requested = params.get("tab") ?? "trial";
  const tab = tabs.includes(requested) ? requested : "trial";

  const select = (key: string) => {
    const next = new URLSearchParams(params);
    next.set("tab", key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t("nav.ledger")} subtitle={t("ledger.subtitle")} />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={select}
          destroyOnHidden
          items={[
            { key: "trial", label: <span data-testid="ledger-tab-trial">{t("ledger.tab.trial")}</span>, children: <TrialBalanceTab /> },
            { key: "journal", label: <span data-testid="ledger-tab-journal">{t("ledger.tab.journal")}</span>, children: <JournalTab /> },
            ...(clearing
              ? [{ key: "clearing", label: <span data-testid="ledger-tab-clearing">{t("ledger.tab.clearing")}</span>, children: <ClearingTab /> }]
              : []),
          ]}
        />
      </Card>
    </>
  );
}

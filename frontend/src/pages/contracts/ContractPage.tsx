/**
 * One contract in force: terms and arrears, the schedule marked paid / due / overdue, what came in,
 * and only the money and collection actions the user's role may take.
 */
import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Row, Space, Tabs, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { canSeePayments, contractActions } from "../../contracts/permissions";
import { nextPayable } from "../../contracts/schedule";
import type { ContractDetail, ContractPayments } from "../../contracts/types";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { ApprovalRequestsCard } from "./ApprovalRequestsCard";
import { CollectionsCard } from "./CollectionActions";
import { BucketTag, ContractStatusTag } from "./labels";
import { OfflineConfirmCard, OfflineRepaymentForm } from "./OfflineRepayment";
import { PaymentLinkPanel } from "./PaymentLinkPanel";
import { PaymentsCard } from "./PaymentsCard";
import { PrepaymentPanel } from "./PrepaymentPanel";
import { RepaymentForm } from "./RepaymentForm";
import { ScheduleCard } from "./ScheduleCard";
import { WriteOffCard } from "./WriteOffCard";

export function ContractPage() {
  const { id = "" } = useParams();
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const roles = me?.roles ?? [];
  const path = `/v1/contracts/${encodeURIComponent(id)}`;
  const contract = useResource<ContractDetail>(path);
  const payments = useResource<ContractPayments>(canSeePayments(roles) ? `${path}/payments` : null);
  const paymentsOrNull = canSeePayments(roles) ? payments : null;

  const { reload: reloadContract } = contract;
  const { reload: reloadPayments } = payments;
  const [offlineRecorded, setOfflineRecorded] = useState(0);
  const [requested, setRequested] = useState(0);
  const refresh = useCallback(() => {
    reloadContract();
    reloadPayments();
  }, [reloadContract, reloadPayments]);
  const afterRequest = useCallback(() => {
    setRequested((n) => n + 1);
    refresh();
  }, [refresh]);

  if (contract.error !== null) return <ErrorState error={contract.error} onRetry={contract.reload} />;
  const c = contract.data?.id === id ? contract.data : null;
  if (!c) return <LoadingState />;

  const can = contractActions(roles, c.status);
  const next = nextPayable(c.schedule);
  const moneyTabs = [
    ...(can.has("repay") ? [{ key: "repay", label: <span data-testid="tab-repay">{t("svc.tab.repay")}</span>,
      children: <RepaymentForm contract={c} suggested={next?.outstanding ?? null} onDone={refresh} /> }] : []),
    ...(can.has("payLink") ? [{ key: "link", label: <span data-testid="tab-link">{t("svc.tab.link")}</span>,
      children: <PaymentLinkPanel contract={c} next={next} onPaid={refresh} /> }] : []),
    ...(can.has("offline") ? [{ key: "offline", label: <span data-testid="tab-offline">{t("svc.tab.offline")}</span>,
      children: <OfflineRepaymentForm contract={c} onRecorded={() => setOfflineRecorded((n) => n + 1)} /> }] : []),
    ...(can.has("quote") ? [{ key: "prepay", label: <span data-testid="tab-prepay">{t("svc.tab.prepay")}</span>,
      children: <PrepaymentPanel contract={c} canPrepay={can.has("prepay")} onDone={refresh} /> }] : []),
  ];

  return (
    <>
      <PageHeader
        title={`${t("contract.title")} ${c.id}`}
        subtitle={`${c.product_code} v${c.product_version}`}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={refresh} aria-label={t("state.retry")} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/contracts")}>{t("svc.list.title")}</Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card variant="borderless" data-testid="contract-detail">
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2, xxl: 3 }}
                items={[
                  { key: "status", label: t("contract.status"), children: <ContractStatusTag status={c.status} /> },
                  { key: "bucket", label: t("contract.bucket"), children: <BucketTag bucket={c.bucket} days={c.days_past_due} /> },
                  { key: "principal", label: t("contract.principal"), children: <span className="num" data-testid="contract-principal">{formatMoney(c.principal, c.currency)}</span> },
                  { key: "outstanding", label: t("contract.outstanding"), children: <span className="num" data-testid="contract-outstanding">{formatMoney(c.outstanding, c.currency)}</span> },
                  { key: "op", label: t("contract.outstandingPrincipal"), children: <span className="num">{formatMoney(c.outstanding_principal, c.currency)}</span> },
                  { key: "suspense", label: t("svc.suspense"), children: <span className="num">{formatMoney(c.suspense, c.currency)}</span> },
                  { key: "disbursed", label: t("contract.disbursedOn"), children: c.disbursed_on },
                  { key: "eod", label: t("svc.lastEod"), children: c.last_eod_on ?? "—" },
                  { key: "customer", label: t("svc.customer"), children: (
                    <Link to={`/customers/${encodeURIComponent(c.customer_id)}`}>{c.customer_label ?? c.customer_id}</Link>
                  ) },
                  { key: "application", label: t("contract.application"), children: (
                    <Link to={`/applications/${encodeURIComponent(c.application_id)}`}>{c.application_id}</Link>
                  ) },
                  ...(c.non_accrual ? [{ key: "na", label: t("svc.nonAccrual"), children: t("svc.yes") }] : []),
                ]}
              />
            </Card>
            <ScheduleCard contract={c} />
            <PaymentsCard contract={c} payments={paymentsOrNull} canReverse={can.has("reverse")} onReversed={afterRequest} />
            <HistoryCard contract={c} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            {moneyTabs.length > 0 && (
              <Card variant="borderless" title={t("svc.actions")} data-testid="contract-actions">
                <Tabs items={moneyTabs} size="small" destroyOnHidden={false} />
              </Card>
            )}
            {can.has("offline") || roles.includes("finance") ? (
              <OfflineConfirmCard contract={c} canConfirm={roles.includes("finance")} onConfirmed={refresh}
                refreshKey={offlineRecorded} />
            ) : null}
            <ApprovalRequestsCard contract={c} refreshKey={requested} onDecided={refresh} />
            <CollectionsCard contractId={c.id} currency={c.currency} canLog={can.has("collect")} />
            <WriteOffCard contract={c} canWriteOff={can.has("writeOff")} canRecover={can.has("recover")} onDone={afterRequest} />
          </Space>
        </Col>
      </Row>
    </>
  );
}

function HistoryCard({ contract }: { contract: ContractDetail }) {
  const { t, locale } = useI18n();
  const entries = [...contract.history].reverse().slice(0, 30);
  return (
    <Card variant="borderless" title={t("svc.history")} data-testid="contract-history">
      <Timeline
        items={entries.map((h, i) => ({
          key: `${h.at}-${i}`,
          content: (
            <div>
              <Typography.Text strong>{lookup(locale, `svc.event.${h.action}`) ?? h.action}</Typography.Text>
              {typeof h.details.amount === "string" && (
                <Typography.Text className="num"> · {formatMoney(h.details.amount, contract.currency)}</Typography.Text>
              )}
              {typeof h.details.reason === "string" && <div>{h.details.reason}</div>}
              <div className="muted">{h.actor} · {dayjs(h.at).format("YYYY-MM-DD HH:mm")}</div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

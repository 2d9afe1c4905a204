/** One facility: the utilization bar, balances, sub-limits, the group allocation, drawdowns, history, and
 * the workflow's buttons (the API decides who may press them: roles and segregation of duties). */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Input, Progress, Space, Statistic, Table, Timeline } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { FacilityStatusTag } from "./FacilityListPage";
import { buttonActions, usedPercent, type Facility } from "./types";

export function FacilityDetailPage() {
  const { id = "" } = useParams();
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const facility = useResource<Facility>(`/v1/facilities/${encodeURIComponent(id)}`);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);

  async function act(action: string) {
    setFailure(null);
    try {
      const after = await api.post<Facility>(`/v1/facilities/${encodeURIComponent(id)}/transitions`,
        { action, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      message.success(t("fac.done"));
      setReason("");
      facility.reload();
      facility.setData({ ...after, drawdowns: facility.data?.drawdowns });
    } catch (error) {
      setFailure(errorMessage(error, locale));
    }
  }

  if (facility.error) return <ErrorState error={facility.error} onRetry={facility.reload} />;
  const f = facility.data;
  if (!f) return <LoadingState />;
  const money = (v: string | null | undefined) => (v == null ? "—" : formatMoney(v, f.currency));
  return (
    <>
      <PageHeader title={f.customer_name} subtitle={f.facility_id}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/facilities")}>{t("fac.back")}</Button>} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Card variant="borderless">
          <Space size="large" wrap>
            <Statistic title={t("fac.amount")} value={money(f.amount)} />
            <Statistic title={t("fac.available")} value={money(f.available)} valueStyle={{ color: "#389e0d" }}
              data-testid="facility-available" />
            <Statistic title={t("fac.utilized")} value={money(f.utilized)} />
            <Statistic title={t("fac.blocked")} value={money(f.blocked)} />
            {f.allocation && (
              <Statistic title={t("fac.allocation")} value={money(f.allocation.limit)} data-testid="facility-allocation" />
            )}
          </Space>
          <Progress percent={usedPercent(f)} status={f.drawable ? "active" : "exception"} data-testid="facility-bar" />
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t("fac.status")}><FacilityStatusTag status={f.status} /></Descriptions.Item>
            <Descriptions.Item label={t("fac.validity")}>{f.valid_from} → {f.valid_to}</Descriptions.Item>
            <Descriptions.Item label={t("fac.type")}>{f.revolving ? t("fac.revolving") : t("fac.oneOff")}</Descriptions.Item>
          </Descriptions>
        </Card>
        {f.allowed_actions.length > 0 && (
          <Card variant="borderless" title={t("fac.actions")}>
            {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
            <Space wrap>
              <Input placeholder={t("fac.reason")} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 260 }} />
              {buttonActions(f.allowed_actions).map((a) => (
                <Button key={a} onClick={() => void act(a)} danger={a === "reject" || a === "freeze" || a === "close"}
                  data-testid={`facility-action-${a}`}>
                  {lookup(locale, `fac.action.${a}`) ?? a}
                </Button>
              ))}
            </Space>
          </Card>
        )}
        {(f.sub_limits.length > 0 || f.allocation) && (
          <Card variant="borderless" title={t("fac.subLimits")}>
            <Table rowKey="key" size="small" pagination={false}
              dataSource={[...f.sub_limits, ...(f.allocation ? [{ key: t("fac.allocation"), ...f.allocation }] : [])]}
              columns={[
                { title: "", dataIndex: "key" },
                { title: t("fac.amount"), dataIndex: "limit", align: "right", render: money },
                { title: t("fac.utilized"), dataIndex: "utilized", align: "right", render: money },
                { title: t("fac.blocked"), dataIndex: "blocked", align: "right", render: money },
                { title: t("fac.available"), dataIndex: "available", align: "right", render: money },
              ]} />
          </Card>
        )}
        <Card variant="borderless" title={t("fac.drawdowns")}>
          <Table rowKey="application_id" size="small" pagination={false} dataSource={f.drawdowns ?? []}
            columns={[
              { title: t("fac.application"), dataIndex: "application_id",
                render: (v: string) => <a onClick={() => navigate(`/applications/${encodeURIComponent(v)}`)}>{v}</a> },
              { title: t("fac.status"), dataIndex: "status", render: (v: string) => lookup(locale, `fac.dd.${v}`) ?? v },
              { title: t("fac.blocked"), dataIndex: "amount", align: "right", render: money },
              { title: t("fac.utilized"), dataIndex: "utilized", align: "right", render: money },
              { title: "", dataIndex: "on", className: "num" },
            ]} />
        </Card>
        <Card variant="borderless" title={t("fac.history")}>
          <Timeline items={f.history.map((h) => ({
            children: `${h.on} · ${h.by} · ${h.from_status ? lookup(locale, `fac.state.${h.from_status}`) ?? h.from_status : "—"} → ${lookup(locale, `fac.state.${h.to_status}`) ?? h.to_status}${h.reason ? ` · ${h.reason}` : ""}`,
          }))} />
        </Card>
      </Space>
    </>
  );
}

/** HQ's group facilities: per group customer granted, allocated, utilized, available and a warning over the
 * policy's ratio; allocations per subsidiary; reallocations proposed by one HQ user, decided by another. */
import { ReloadOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Input, Progress, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState } from "../../components/States";
import { useI18n } from "../../i18n";
import { formatMoney } from "../../money/decimal";
import { usedPercent } from "../facilities/types";

interface AllocationView { subsidiary_id: string; allocated: string; utilized: string; blocked: string; available: string }
interface Reallocation { reallocation_id: string; from_subsidiary: string | null; to_subsidiary: string | null; amount: string; status: string; proposed_by: string }
interface GroupFacility {
  group_facility_id: string; label: string; currency: string; granted: string; allocated: string; unallocated: string;
  utilized: string; blocked: string; available: string; utilization: string; warning: boolean; warning_ratio: string;
  allocations: AllocationView[]; reallocations: Reallocation[];
}

const POOL = "__pool__";

function Reallocate({ g, onDone }: { g: GroupFacility; onDone: () => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [from, setFrom] = useState<string>(POOL);
  const [to, setTo] = useState<string>(g.allocations[0]?.subsidiary_id ?? POOL);
  const [amount, setAmount] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const holders = [{ value: POOL, label: t("gfac.pool") }, ...g.allocations.map((a) => ({ value: a.subsidiary_id, label: a.subsidiary_id }))];
  const base = `/v1/group/facilities/${encodeURIComponent(g.group_facility_id)}/reallocations`;

  async function propose() {
    setFailure(null);
    try {
      await api.post(base, { from_subsidiary: from === POOL ? null : from, to_subsidiary: to === POOL ? null : to, amount: amount.trim() });
      message.success(t("gfac.proposed"));
      setAmount("");
      onDone();
    } catch (error) {
      setFailure(errorMessage(error, locale));
    }
  }

  async function decide(id: string, decision: string) {
    setFailure(null);
    try {
      await api.post(`${base}/${encodeURIComponent(id)}/decision`, { decision });
      onDone();
    } catch (error) {
      setFailure(errorMessage(error, locale));
    }
  }

  const pending = g.reallocations.filter((r) => r.status === "pending");
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {failure && <Alert type="error" showIcon message={failure} />}
      <Space wrap>
        <Typography.Text>{t("gfac.from")}</Typography.Text>
        <Select id={`realloc-from-${g.group_facility_id}`} value={from} onChange={setFrom} options={holders} style={{ minWidth: 160 }} />
        <Typography.Text>{t("gfac.to")}</Typography.Text>
        <Select id={`realloc-to-${g.group_facility_id}`} value={to} onChange={setTo} options={holders} style={{ minWidth: 160 }} />
        <Input value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="1000000.00" style={{ width: 160 }} data-testid="realloc-amount" />
        <Button type="primary" onClick={() => void propose()} disabled={!amount.trim()} data-testid="realloc-propose">{t("gfac.reallocate")}</Button>
      </Space>
      {pending.length > 0 && (
        <Table<Reallocation> rowKey="reallocation_id" size="small" pagination={false} dataSource={pending}
          title={() => t("gfac.pending")}
          columns={[
            { title: t("gfac.from"), dataIndex: "from_subsidiary", render: (v: string | null) => v ?? t("gfac.pool") },
            { title: t("gfac.to"), dataIndex: "to_subsidiary", render: (v: string | null) => v ?? t("gfac.pool") },
            { title: t("fac.amount"), dataIndex: "amount", align: "right", render: (v: string) => formatMoney(v, g.currency) },
            { title: "", dataIndex: "proposed_by" },
            { title: "", key: "decide", render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => void decide(r.reallocation_id, "approve")} data-testid="realloc-approve">{t("gfac.approve")}</Button>
                <Button size="small" danger onClick={() => void decide(r.reallocation_id, "reject")}>{t("gfac.reject")}</Button>
              </Space>
            ) },
          ]} />
      )}
    </Space>
  );
}

export function GroupFacilitiesPage() {
  const { t } = useI18n();
  const list = useResource<{ items: GroupFacility[]; warning_ratio: string }>("/v1/group/facilities");
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  const money = (g: GroupFacility) => (v: string) => formatMoney(v, g.currency);
  return (
    <>
      <PageHeader title={t("nav.groupFacilities")} subtitle={t("gfac.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />} />
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        {(list.data?.items ?? []).length === 0 && !list.loading && <Card variant="borderless">{t("gfac.empty")}</Card>}
        {(list.data?.items ?? []).map((g) => (
          <Card key={g.group_facility_id} variant="borderless" title={g.label} data-testid={`group-facility-${g.group_facility_id}`}
            extra={g.warning ? <Tag color="red" icon={<WarningOutlined />}>{t("gfac.warning", { ratio: g.warning_ratio })}</Tag> : null}>
            <Space size="large" wrap>
              <span>{t("gfac.granted")}: {money(g)(g.granted)}</span>
              <span>{t("gfac.allocated")}: {money(g)(g.allocated)}</span>
              <span>{t("gfac.unallocated")}: {money(g)(g.unallocated)}</span>
              <span>{t("fac.utilized")}: {money(g)(g.utilized)}</span>
              <span>{t("fac.blocked")}: {money(g)(g.blocked)}</span>
              <span>{t("fac.available")}: {money(g)(g.available)}</span>
            </Space>
            <Progress percent={usedPercent(g)} status={g.warning ? "exception" : "normal"} />
            <Table<AllocationView> rowKey="subsidiary_id" size="small" pagination={false} dataSource={g.allocations}
              columns={[
                { title: t("gfac.subsidiary"), dataIndex: "subsidiary_id" },
                { title: t("gfac.allocated"), dataIndex: "allocated", align: "right", render: money(g) },
                { title: t("fac.utilized"), dataIndex: "utilized", align: "right", render: money(g) },
                { title: t("fac.blocked"), dataIndex: "blocked", align: "right", render: money(g) },
                { title: t("fac.available"), dataIndex: "available", align: "right", render: money(g) },
              ]} />
            <div style={{ marginTop: 12 }}><Reallocate g={g} onDone={list.reload} /></div>
          </Card>
        ))}
      </Space>
    </>
  );
}

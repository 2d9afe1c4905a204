/**
 * Merchant webhooks for the tenant admin: subscriptions (the signing secret shown once, on creation),
 * the delivery log with each delivery's attempts in a drawer, and redelivery.
 */
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Popconfirm, Tabs, Tag, Typography, App } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";

import { errorMessage } from "../../api/errors";
import { useCursorPages } from "../../api/useCursorPages";
import { useAuth } from "../../auth/AuthProvider";
import { CursorTable } from "../../components/CursorTable";
import { PageHeader } from "../../components/PageHeader";
import { lookup, useI18n } from "../../i18n";
import { formatInstant } from "../../products/format";
import { DELIVERY_COLORS, succeeded, type Delivery, type Subscription } from "../../system/webhooks";
import { DeliveryDrawer } from "./DeliveryDrawer";
import { SecretDialog, SubscriptionDialog } from "./SubscriptionDialog";

export function WebhooksPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "deliveries" ? "deliveries" : "subscriptions";
  const select = (key: string) => {
    const next = new URLSearchParams(params);
    next.set("tab", key);
    next.delete("delivery");
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t("nav.webhooks")} subtitle={t("wh.subtitle")} />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={select}
          destroyOnHidden
          items={[
            { key: "subscriptions", label: <span data-testid="wh-tab-subscriptions">{t("wh.tab.subscriptions")}</span>, children: <SubscriptionsTab /> },
            { key: "deliveries", label: <span data-testid="wh-tab-deliveries">{t("wh.tab.deliveries")}</span>, children: <DeliveriesTab /> },
          ]}
        />
      </Card>
    </>
  );
}

function EventTags({ types }: { types: string[] }) {
  const { locale } = useI18n();
  return (
    <span className="tag-list">
      {types.map((e) => (
        <Tag key={e} variant="outlined">
          {lookup(locale, `wh.event.${e}`) ?? e}
        </Tag>
      ))}
    </span>
  );
}

function SubscriptionsTab() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const list = useCursorPages<Subscription>("/v1/webhook-subscriptions?limit=50");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Subscription | null>(null);

  async function remove(sub: Subscription) {
    try {
      await api.request<void>("DELETE", `/v1/webhook-subscriptions/${encodeURIComponent(sub.id)}`);
      message.success(t("wh.deleted"));
      list.reload();
    } catch (error) {
      message.error(errorMessage(error, locale));
    }
  }

  const columns: TableColumnsType<Subscription> = [
    {
      title: t("wh.col.url"),
      dataIndex: "url",
      render: (url: string, s) => (
        <div>
          <div className="sys-code" data-testid={`sub-url-${s.id}`}>{url}</div>
          {s.description && <Typography.Text type="secondary">{s.description}</Typography.Text>}
        </div>
      ),
    },
    { title: t("wh.col.events"), dataIndex: "event_types", responsive: ["md"], render: (types: string[]) => <EventTags types={types} /> },
    {
      title: t("wh.col.status"),
      dataIndex: "status",
      width: 90,
      render: (s: string) => <Tag color={s === "active" ? "green" : "default"}>{lookup(locale, `wh.status.${s}`) ?? s}</Tag>,
    },
    { title: t("wh.col.created"), dataIndex: "created_at", width: 150, responsive: ["lg"], render: (at: string) => formatInstant(at) },
    {
      title: t("wh.col.actions"),
      key: "actions",
      width: 90,
      render: (_, s) => (
        <Popconfirm title={t("wh.deleteConfirm")} okText={t("wh.delete")} okButtonProps={{ danger: true }} cancelText={t("sys.cancel")} onConfirm={() => remove(s)}>
          <Button size="small" danger data-testid={`sub-delete-${s.id}`}>
            {t("wh.delete")}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <div className="sys-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sub-new">
          {t("wh.new")}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("sys.refresh")} />
      </div>
      <CursorTable<Subscription>
        list={list}
        empty={t("wh.subsEmpty")}
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 560 }}
        data-testid="subs-table"
      />
      {creating && (
        <SubscriptionDialog
          onClose={() => setCreating(false)}
          onCreated={(sub) => {
            setCreating(false);
            setCreated(sub);
            list.reload();
          }}
        />
      )}
      {created && <SecretDialog subscription={created} onClose={() => setCreated(null)} />}
    </>
  );
}

function DeliveriesTab() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const open = params.get("delivery");
  const list = useCursorPages<Delivery>("/v1/webhook-deliveries?limit=50");
  const show = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("delivery", id);
    else next.delete("delivery");
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Delivery> = [
    {
      title: t("wh.dcol.event"),
      key: "event",
      render: (_, d) => (
        <div>
          <div>{lookup(locale, `wh.event.${d.event_type}`) ?? d.event_type}</div>
          <Typography.Text type="secondary" className="sys-code">{d.url}</Typography.Text>
        </div>
      ),
    },
    {
      title: t("wh.dcol.status"),
      dataIndex: "status",
      width: 100,
      render: (s: string, d) => (
        <Tag color={DELIVERY_COLORS[s] ?? "default"} data-testid={`delivery-status-${d.id}`} data-status={s}>
          {lookup(locale, `wh.dstatus.${s}`) ?? s}
        </Tag>
      ),
    },
    { title: t("wh.dcol.attempts"), dataIndex: "attempts", width: 80, className: "num", render: (n: number, d) => <span data-testid={`delivery-attempts-${d.id}`}>{n}</span> },
    {
      title: t("wh.dcol.code"),
      dataIndex: "last_status",
      width: 90,
      className: "num",
      responsive: ["sm"],
      render: (code: number | null | undefined) =>
        code === null || code === undefined ? "—" : <Tag color={succeeded(code) ? "green" : "red"}>{code}</Tag>,
    },
    { title: t("wh.dcol.created"), dataIndex: "created_at", width: 150, responsive: ["lg"], render: (at: string) => formatInstant(at) },
    {
      title: t("wh.col.actions"),
      key: "actions",
      width: 90,
      render: (_, d) => (
        <Button size="small" onClick={() => show(d.id)} data-testid={`delivery-open-${d.id}`}>
          {t("wh.details")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="sys-toolbar">
        <Button icon={<ReloadOutlined />} onClick={list.reload} data-testid="deliveries-refresh">
          {t("sys.refresh")}
        </Button>
      </div>
      <CursorTable<Delivery>
        list={list}
        empty={t("wh.deliveriesEmpty")}
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 560 }}
        data-testid="deliveries-table"
        onRow={(d) => ({ "data-testid": `delivery-row-${d.id}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {open && <DeliveryDrawer deliveryId={open} onClose={() => show(null)} onChanged={list.reload} />}
    </>
  );
}

/**
 * One delivery with each attempt (status, latency, error), and redelivery. The payload is shown as
 * sent, not re-parsed, so no amount in it passes through a JavaScript number.
 */
import { App, Button, Descriptions, Drawer, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";

import { errorMessage } from "../../api/errors";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthProvider";
import { useMediaQuery } from "../../layout/useMediaQuery";
import { ErrorState, LoadingState } from "../../components/States";
import { lookup, useI18n } from "../../i18n";
import { formatInstant } from "../../products/format";
import { DELIVERY_COLORS, succeeded, type DeliveryAttempt, type DeliveryDetail } from "../../system/webhooks";

export function DeliveryDrawer({ deliveryId, onClose, onChanged }: { deliveryId: string; onClose: () => void; onChanged: () => void }) {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const phone = useMediaQuery("(max-width: 575px)");
  const detail = useResource<DeliveryDetail>(`/v1/webhook-deliveries/${encodeURIComponent(deliveryId)}`);
  const [busy, setBusy] = useState(false);

  async function redeliver() {
    setBusy(true);
    try {
      await api.post(`/v1/webhook-deliveries/${encodeURIComponent(deliveryId)}/redeliver`, {});
      message.success(t("wh.redelivered"));
      detail.reload();
      onChanged();
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableColumnsType<DeliveryAttempt> = [
    { title: "#", dataIndex: "attempt", width: 48, className: "num" },
    {
      title: t("wh.dcol.code"),
      dataIndex: "status",
      width: 80,
      render: (code: number | null) => (code === null ? "—" : <Tag color={succeeded(code) ? "green" : "red"}>{code}</Tag>),
    },
    { title: t("wh.drawer.latency"), dataIndex: "latency_ms", width: 100, className: "num", render: (ms: number) => t("wh.drawer.latencyValue", { ms }) },
    { title: t("wh.drawer.error"), dataIndex: "error", render: (e: string | null) => e ?? "—" },
    { title: t("wh.drawer.at"), dataIndex: "at", width: 140, responsive: ["sm"], render: (at: string) => formatInstant(at) },
  ];

  const d = detail.data;
  return (
    <Drawer
      open
      title={t("wh.drawer.title")}
      size={phone ? "100%" : 560}
      onClose={onClose}
      extra={
        <Button type="primary" loading={busy} disabled={!d} onClick={redeliver} data-testid="delivery-redeliver">
          {t("wh.redeliver")}
        </Button>
      }
      data-testid="delivery-drawer"
    >
      {detail.error !== null ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : detail.loading || !d ? (
        <LoadingState />
      ) : (
        <>
          <Descriptions size="small" column={1} data-testid="delivery-summary">
            <Descriptions.Item label={t("wh.drawer.id")}><span className="sys-code">{d.id}</span></Descriptions.Item>
            <Descriptions.Item label={t("wh.dcol.event")}>{lookup(locale, `wh.event.${d.event_type}`) ?? d.event_type}</Descriptions.Item>
            <Descriptions.Item label={t("wh.drawer.eventId")}><span className="sys-code">{d.event_id}</span></Descriptions.Item>
            <Descriptions.Item label={t("wh.drawer.url")}><span className="sys-code">{d.url}</span></Descriptions.Item>
            <Descriptions.Item label={t("wh.dcol.status")}>
              <Tag color={DELIVERY_COLORS[d.status] ?? "default"} data-testid="delivery-drawer-status" data-status={d.status}>
                {lookup(locale, `wh.dstatus.${d.status}`) ?? d.status}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("wh.dcol.attempts")}><span data-testid="delivery-drawer-attempts">{d.attempts}</span></Descriptions.Item>
            {d.retry_in_s ? <Descriptions.Item label={t("wh.drawer.retryIn")}>{t("wh.drawer.retryInValue", { seconds: d.retry_in_s })}</Descriptions.Item> : null}
            {d.redelivery_requested_by && <Descriptions.Item label={t("wh.drawer.requestedBy")}>{d.redelivery_requested_by}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t("wh.drawer.attempts")}</Typography.Title>
          <Table<DeliveryAttempt>
            rowKey="attempt"
            size="small"
            columns={columns}
            dataSource={[...d.attempt_log].sort((a, b) => a.attempt - b.attempt)}
            pagination={false}
            locale={{ emptyText: t("wh.drawer.noAttempts") }}
            data-testid="delivery-attempts"
          />
          {d.payload && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t("wh.drawer.payload")}</Typography.Title>
              <pre className="sys-payload">{d.payload}</pre>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}


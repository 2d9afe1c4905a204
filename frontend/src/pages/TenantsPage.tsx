/** The tenant registry as a platform or group admin sees it: `GET /v1/tenants`, paged by cursor. */
import { LeftOutlined, ReloadOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Card, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useCallback, useEffect, useState } from "react";

import type { Page, Tenant } from "../api/types";
import { useAuth } from "../auth/AuthProvider";
import { PageHeader } from "../components/PageHeader";
import { EmptyState, ErrorState } from "../components/States";
import { localizedName, useI18n, type MessageKey } from "../i18n";

export function TenantsPage() {
  const { api } = useAuth();
  const { t, locale } = useI18n();
  // cursors[i] fetches page i; page 0 has none.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  const [page, setPage] = useState<Page<Tenant> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const cursor = cursors[pageIndex];
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get<Page<Tenant>>(`/v1/tenants${cursor ? `?next=${encodeURIComponent(cursor)}` : ""}`, controller.signal)
      .then((result) => {
        setPage(result);
        setCursors((known) => {
          const next = known.slice(0, pageIndex + 1);
          next[pageIndex + 1] = result.next;
          return next;
        });
      })
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [api, cursor, pageIndex, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const columns: TableColumnsType<Tenant> = [
    { title: t("tenants.col.id"), dataIndex: "id", width: 160, render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
    { title: t("tenants.col.name"), key: "name", width: 240, render: (_, row) => localizedName(row.name, locale) },
    {
      title: t("tenants.col.kind"),
      dataIndex: "kind",
      width: 120,
      render: (kind: string) => <Tag>{t(`tenantKind.${kind}` as MessageKey)}</Tag>,
    },
    { title: t("tenants.col.group"), dataIndex: "group", width: 140, render: (g: string | null) => g ?? "—" },
    {
      title: t("tenants.col.isolation"),
      dataIndex: "isolation",
      width: 150,
      responsive: ["lg"],
      render: (v: string) => t(`tenants.isolation.${v}` as MessageKey),
    },
    { title: t("tenants.col.currency"), dataIndex: "currency", width: 90, responsive: ["md"] },
    { title: t("tenants.col.timezone"), dataIndex: "timezone", width: 140, responsive: ["xl"] },
    {
      title: t("tenants.col.status"),
      dataIndex: "status",
      width: 100,
      render: (s: string) => (
        <Tag color={s === "active" ? "success" : "default"}>
          {s === "active" || s === "suspended" ? t(`tenants.status.${s}` as MessageKey) : s}
        </Tag>
      ),
    },
  ];

  const hasNext = Boolean(cursors[pageIndex + 1]);
  return (
    <>
      <PageHeader
        title={t("tenants.title")}
        subtitle={t("tenants.subtitle")}
        extra={<Button icon={<ReloadOutlined />} onClick={retry} aria-label={t("state.retry")} />}
      />
      <Card variant="borderless" className="table-card">
        {error !== null ? (
          <ErrorState error={error} onRetry={retry} />
        ) : (
          <>
            <Table<Tenant>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={page?.items ?? []}
              loading={loading}
              pagination={false}
              locale={{ emptyText: <EmptyState /> }}
              scroll={{ x: 900 }}
              data-testid="tenants-table"
            />
            <div className="cursor-pager">
              <Typography.Text type="secondary">{t("tenants.page", { page: pageIndex + 1 })}</Typography.Text>
              <Space>
                <Button icon={<LeftOutlined />} disabled={pageIndex === 0 || loading} onClick={() => setPageIndex((i) => i - 1)}>
                  {t("tenants.prev")}
                </Button>
                <Button disabled={!hasNext || loading} onClick={() => setPageIndex((i) => i + 1)}>
                  {t("tenants.next")} <RightOutlined />
                </Button>
              </Space>
            </div>
          </>
        )}
      </Card>
    </>
  );
}

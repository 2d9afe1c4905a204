/** The work list: applications per status (tabs), optionally only those assigned to me. */
import { FileAddOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Segmented, Space, Table, Tabs, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";
import { Link, useNavigate, useSearchParams } from "react-router";

import { ApplicationStatusTag } from "../applications/labels";
import { canOpen } from "../applications/permissions";
import { APPLICATION_STATUSES, type ApplicationStatus, type ApplicationSummary } from "../applications/types";
import { useCursorPages } from "../api/useCursorPages";
import { useAuth } from "../auth/AuthProvider";
import { CursorPager } from "../components/CursorPager";
import { PageHeader } from "../components/PageHeader";
import { EmptyState, ErrorState } from "../components/States";
import { useI18n } from "../i18n";
import { formatMoney } from "../money/decimal";

type Assignee = "anyone" | "me";

export function ApplicationListPage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") as ApplicationStatus | null;
  const assignee: Assignee = params.get("assignee") === "me" ? "me" : "anyone";

  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (assignee === "me") query.set("assignee", "me");
  const qs = query.toString();
  const list = useCursorPages<ApplicationSummary>(`/v1/applications${qs ? `?${qs}` : ""}`);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      title: t("appl.col.id"),
      key: "id",
      render: (_, row) => (
        <Link to={`/applications/${encodeURIComponent(row.id)}`} data-testid={`application-link-${row.id}`}>
          <Typography.Text className="code-text">{row.id}</Typography.Text>
        </Link>
      ),
    },
    { title: t("appl.col.customer"), key: "customer", render: (_, row) => row.customer.name },
    { title: t("appl.col.product"), dataIndex: "product_code", width: 190, responsive: ["md"] },
    {
      title: t("appl.col.amount"),
      dataIndex: "amount",
      align: "right",
      className: "num",
      width: 150,
      render: (v: string | null, row) => (v ? formatMoney(v, row.currency) : "—"),
    },
    {
      title: t("appl.col.status"),
      dataIndex: "status",
      width: 130,
      render: (v: ApplicationStatus) => <ApplicationStatusTag status={v} />,
    },
    { title: t("appl.col.assignee"), dataIndex: "assignee", width: 200, responsive: ["lg"], render: (v: string | null) => v ?? "—" },
    {
      title: t("appl.col.created"),
      dataIndex: "created_at",
      width: 150,
      responsive: ["xl"],
      render: (v: string) => dayjs(v).format("YYYY-MM-DD HH:mm"),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("appl.title")}
        subtitle={t("appl.subtitle")}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />
            {canOpen(me?.roles ?? []) && (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate("/applications/new")} data-testid="application-new">
                {t("appl.new")}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless" className="table-card list-card">
        <div className="list-toolbar list-toolbar-padded">
          <Tabs
            activeKey={status ?? "all"}
            onChange={(key) => setFilter("status", key === "all" ? null : key)}
            items={[
              { key: "all", label: <span data-testid="status-tab-all">{t("appl.filter.all")}</span> },
              ...APPLICATION_STATUSES.map((s) => ({
                key: s,
                label: <span data-testid={`status-tab-${s}`}>{t(`appl.status.${s}` as const)}</span>,
              })),
            ]}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Segmented<Assignee>
            value={assignee}
            onChange={(v) => setFilter("assignee", v === "me" ? "me" : null)}
            options={[
              { value: "anyone", label: t("appl.filter.anyone") },
              { value: "me", label: <span data-testid="assignee-me">{t("appl.filter.me")}</span> },
            ]}
            aria-label={t("appl.filter.assignee")}
          />
        </div>
        {list.error !== null ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <>
            <Table<ApplicationSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={list.items}
              loading={list.loading}
              pagination={false}
              locale={{
                emptyText: <EmptyState description={status || assignee === "me" ? t("appl.emptyFiltered") : t("appl.empty")} />,
              }}
              scroll={{ x: 720 }}
              data-testid="applications-table"
            />
            <CursorPager
              pageIndex={list.pageIndex}
              hasNext={list.hasNext}
              loading={list.loading}
              onPrev={list.prev}
              onNext={list.next}
            />
          </>
        )}
      </Card>
    </>
  );
}

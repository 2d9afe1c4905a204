/** The product factory's shelf: every product by status, filtered by kind and channel. */
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Tabs, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router";

import { useCursorPages } from "../api/useCursorPages";
import { useAuth } from "../auth/AuthProvider";
import { CursorTable } from "../components/CursorTable";
import { PageHeader } from "../components/PageHeader";
import { localizedName, useI18n, type MessageKey } from "../i18n";
import { formatInstant } from "../products/format";
import { KindTag, StatusTag } from "../products/labels";
import { canAuthor } from "../products/permissions";
import {
  CHANNELS,
  PRODUCT_KINDS,
  VERSION_STATUSES,
  type ProductKind,
  type ProductSummary,
  type VersionStatus,
} from "../products/types";

export function ProductListPage() {
  const { me } = useAuth();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const kind = params.get("kind") ?? undefined;
  const channel = params.get("channel") ?? undefined;

  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (kind) query.set("kind", kind);
  if (channel) query.set("channel", channel);
  const qs = query.toString();
  const list = useCursorPages<ProductSummary>(`/v1/products${qs ? `?${qs}` : ""}`);

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<ProductSummary> = [
    {
      title: t("pf.col.product"),
      key: "name",
      render: (_, row) => (
        <div className="product-cell">
          <Link to={`/products/${encodeURIComponent(row.code)}`} data-testid={`product-link-${row.code}`}>
            {localizedName(row.name, locale)}
          </Link>
          <Typography.Text type="secondary" className="code-text">
            {row.code}
          </Typography.Text>
        </div>
      ),
    },
    { title: t("pf.col.kind"), dataIndex: "kind", width: 100, render: (k: ProductKind) => <KindTag kind={k} /> },
    {
      title: t("pf.col.segment"),
      dataIndex: "segment",
      width: 90,
      responsive: ["md"],
      render: (s: string) => t(`pf.opt.segment.${s}` as MessageKey),
    },
    {
      title: t("pf.col.channels"),
      dataIndex: "channels",
      responsive: ["lg"],
      render: (list: string[]) => (
        <span className="tag-list">
          {list.map((c) => (
            <Tag key={c} variant="outlined">
              {t(`pf.opt.channel.${c}` as MessageKey)}
            </Tag>
          ))}
        </span>
      ),
    },
    {
      title: t("pf.col.status"),
      dataIndex: "status",
      width: 100,
      render: (s: VersionStatus, row) => <StatusTag status={s} testId={`product-status-${row.code}`} />,
    },
    {
      title: t("pf.col.versions"),
      key: "versions",
      width: 190,
      render: (_, row) => {
        const waiting = Object.entries(row.version_statuses).filter(([, s]) => s === "submitted" || s === "draft");
        return (
          <div className="version-cell">
            <span>
              {row.active_version
                ? t("pf.versionsActive", { active: row.active_version, latest: row.latest_version })
                : t("pf.versionsLatest", { latest: row.latest_version })}
            </span>
            {waiting.map(([v, s]) => (
              <Tag key={v} color={s === "submitted" ? "gold" : "default"} className="mini-tag">
                v{v} {t(`pf.status.${s}` as MessageKey)}
              </Tag>
            ))}
          </div>
        );
      },
    },
    {
      title: t("pf.col.updated"),
      dataIndex: "updated_at",
      width: 150,
      responsive: ["xl"],
      className: "num",
      render: (at: string) => formatInstant(at),
    },
  ];

  const filtered = Boolean(status || kind || channel);
  return (
    <>
      <PageHeader
        title={t("pf.title")}
        subtitle={t("pf.subtitle")}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t("state.retry")} />
            {canAuthor(me?.roles ?? []) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/products/new")} data-testid="product-new">
                {t("pf.new")}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless" className="table-card list-card">
        <div className="list-toolbar">
          <Tabs
            activeKey={status || "all"}
            onChange={(key) => setFilter("status", key === "all" ? undefined : key)}
            items={[
              { key: "all", label: <span data-testid="status-tab-all">{t("pf.tab.all")}</span> },
              ...VERSION_STATUSES.map((s) => ({
                key: s,
                label: <span data-testid={`status-tab-${s}`}>{t(`pf.tab.${s}` as MessageKey)}</span>,
              })),
            ]}
            className="status-tabs"
          />
          <Space wrap className="list-filters">
            <Select
              allowClear
              placeholder={t("pf.filter.kind")}
              value={kind}
              onChange={(v: string | undefined) => setFilter("kind", v)}
              options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`calc.kind.${k}`) }))}
              style={{ width: 140 }}
              data-testid="filter-kind"
              aria-label={t("pf.filter.kind")}
            />
            <Select
              allowClear
              placeholder={t("pf.filter.channel")}
              value={channel}
              onChange={(v: string | undefined) => setFilter("channel", v)}
              options={CHANNELS.map((c) => ({ value: c, label: t(`pf.opt.channel.${c}` as MessageKey) }))}
              style={{ width: 160 }}
              data-testid="filter-channel"
              aria-label={t("pf.filter.channel")}
            />
          </Space>
        </div>
        <CursorTable<ProductSummary>
          list={list}
          empty={filtered ? t("pf.emptyFiltered") : t("pf.empty")}
          rowKey="code"
          size="middle"
          columns={columns}
          scroll={{ x: 760 }}
          data-testid="products-table"
        />
      </Card>
    </>
  );
}

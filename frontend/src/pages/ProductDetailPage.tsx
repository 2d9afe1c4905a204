/**
 * One product: its versions, the selected version's changes (what an approver judges), parameters
 * and the buttons that move it on, every transition, and a quote on the version on the shelf.
 */
import { ArrowLeftOutlined, BranchesOutlined, EditOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Tabs, Tag } from "antd";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";

import { errorMessage } from "../api/errors";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthProvider";
import { PageHeader } from "../components/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { localizedName, useI18n, type MessageKey } from "../i18n";
import { formatInstant } from "../products/format";
import { KindTag, StatusTag } from "../products/labels";
import { canAuthor, canEdit } from "../products/permissions";
import { ProductQuotePanel } from "../products/ProductQuotePanel";
import { TransitionTimeline } from "../products/TransitionTimeline";
import type { ProductDetails, VersionDetails, VersionSummary } from "../products/types";
import { VersionActions } from "../products/VersionActions";
import { VersionDiffView } from "../products/VersionDiffView";
import { VersionParameters } from "../products/VersionParameters";

const TAB_KEYS = ["diff", "parameters", "history"] as const;
type TabKey = (typeof TAB_KEYS)[number];

/** The version to open with: the one awaiting a decision, else a draft, else the one on the shelf. */
function defaultVersion(p: ProductDetails): number {
  const newest = [...p.versions].reverse();
  return (
    newest.find((v) => v.status === "submitted")?.version ??
    newest.find((v) => v.status === "draft")?.version ??
    p.active_version ??
    p.latest_version
  );
}

export function ProductDetailPage() {
  const { code = "" } = useParams();
  const { api, me } = useAuth();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [branching, setBranching] = useState(false);
  const base = `/v1/products/${encodeURIComponent(code)}`;
  const product = useResource<ProductDetails>(base);

  const p = product.data?.code === code ? product.data : null;
  const asked = Number.parseInt(params.get("v") ?? "", 10);
  const number = p ? (p.versions.some((v) => v.version === asked) ? asked : defaultVersion(p)) : null;
  const selected: VersionSummary | undefined = p?.versions.find((v) => v.version === number);
  const tabParam = TAB_KEYS.find((k) => k === params.get("tab")) ?? null;
  const hasPredecessor = selected ? selected.based_on !== null || selected.version > 1 : false;
  const tab: TabKey =
    tabParam ?? (selected && hasPredecessor && (selected.status === "submitted" || selected.status === "draft") ? "diff" : "parameters");

  const details = useResource<VersionDetails>(number !== null && tab === "parameters" ? `${base}/versions/${number}` : null);
  const active = useResource<VersionDetails>(p?.active_version ? `${base}/versions/${p.active_version}` : null);

  if (product.error !== null && !p) return <ErrorState error={product.error} onRetry={product.reload} />;
  if (!p || !selected) return <LoadingState />;

  const roles = me?.roles ?? [];
  const choose = (next: Record<string, string | null>) => {
    const q = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    setParams(q, { replace: true });
  };

  async function newVersion() {
    setBranching(true);
    try {
      const created = await api.post<VersionDetails>(`${base}/versions`, { from_version: selected?.version });
      message.success(t("pf.done.newVersion", { version: created.version }));
      navigate(`/products/${encodeURIComponent(code)}/versions/${created.version}/edit`);
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setBranching(false);
    }
  }

  const stamp = (s: { by: { username: string }; at: string } | null) =>
    s ? `${s.by.username} · ${formatInstant(s.at)}` : "—";

  const tabs = [
    {
      key: "diff",
      label: <span data-testid="tab-diff">{t("pf.tab.diff")}</span>,
      children: <VersionDiffView code={p.code} version={selected} versions={p.versions} currency={p.currency} />,
    },
    {
      key: "parameters",
      label: <span data-testid="tab-parameters">{t("pf.tab.parameters")}</span>,
      children: details.error !== null ? (
        <ErrorState error={details.error} onRetry={details.reload} />
      ) : details.data?.code === p.code && details.data.version === selected.version ? (
        <VersionParameters definition={details.data.definition} />
      ) : (
        <LoadingState />
      ),
    },
    {
      key: "history",
      label: <span data-testid="tab-history">{t("pf.tab.history")}</span>,
      children: <TransitionTimeline history={p.history} highlight={selected.version} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={localizedName(p.name, locale)}
        subtitle={`${p.code} · ${t(`calc.kind.${p.kind}`)}`}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/products")}>
              {t("pf.backToList")}
            </Button>
            {canAuthor(roles) && (
              <Button icon={<BranchesOutlined />} loading={branching} onClick={newVersion} data-testid="version-new">
                {t("pf.newVersionFrom", { version: selected.version })}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless" className="summary-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "kind", label: t("pf.col.kind"), children: <KindTag kind={p.kind} /> },
            { key: "segment", label: t("pf.col.segment"), children: t(`pf.opt.segment.${p.segment}` as MessageKey) },
            { key: "currency", label: t("pf.f.currency"), children: p.currency },
            {
              key: "status",
              label: t("pf.col.status"),
              children: <StatusTag status={p.status} testId="product-status" />,
            },
            {
              key: "active",
              label: t("pf.activeVersion"),
              children: p.active_version ? `v${p.active_version}` : t("pf.noneActive"),
            },
            {
              key: "channels",
              label: t("pf.col.channels"),
              children: p.channels.map((c) => (
                <Tag key={c} variant="outlined">
                  {t(`pf.opt.channel.${c}` as MessageKey)}
                </Tag>
              )),
            },
            { key: "created", label: t("pf.createdBy"), children: stamp(p.created) },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={7}>
          <Card variant="borderless" title={t("pf.versions")} className="versions-card">
            <ul className="version-list" data-testid="version-list">
              {[...p.versions].reverse().map((v) => (
                <li key={v.version}>
                  <button
                    type="button"
                    className={`version-item${v.version === selected.version ? " is-selected" : ""}`}
                    onClick={() => choose({ v: String(v.version) })}
                    data-testid={`version-${v.version}`}
                    aria-current={v.version === selected.version}
                  >
                    <span className="version-item-head">
                      <span className="version-number">v{v.version}</span>
                      <StatusTag status={v.status} />
                    </span>
                    <span className="version-item-meta">
                      {v.created.by.username} · {formatInstant(v.created.at)}
                    </span>
                    {v.based_on !== null && (
                      <span className="version-item-meta">{t("pf.basedOn", { version: v.based_on })}</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} xl={17}>
          <Card
            variant="borderless"
            className="version-card"
            title={
              <Space>
                <span data-testid="selected-version">{t("pf.versionTitle", { version: selected.version })}</span>
                <StatusTag status={selected.status} testId="selected-version-status" />
              </Space>
            }
            extra={
              canEdit(selected, roles) && (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => navigate(`/products/${encodeURIComponent(code)}/versions/${selected.version}/edit`)}
                  data-testid="version-edit"
                >
                  {t("pf.edit")}
                </Button>
              )
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              className="version-meta"
              items={[
                { key: "created", label: t("pf.meta.created"), children: stamp(selected.created) },
                { key: "authors", label: t("pf.meta.authors"), children: selected.authors.map((a) => a.username).join("、") },
                { key: "submitted", label: t("pf.meta.submitted"), children: stamp(selected.submitted) },
                { key: "approved", label: t("pf.meta.approved"), children: stamp(selected.approved) },
              ]}
            />
            {selected.last_rejection && selected.status === "draft" && (
              <Alert
                type="warning"
                showIcon
                className="rejection-alert"
                title={t("pf.rejectedBy", {
                  user: selected.last_rejection.by.username,
                  at: formatInstant(selected.last_rejection.at),
                })}
                description={selected.last_rejection.reason}
                data-testid="rejection"
              />
            )}
            <VersionActions
              code={p.code}
              version={selected}
              activeVersion={p.active_version}
              onChanged={() => {
                product.reload();
                details.reload();
                active.reload();
              }}
            />
            <Tabs activeKey={tab} onChange={(key) => choose({ tab: key })} items={tabs} className="version-tabs" />
          </Card>
        </Col>
      </Row>
      <Card
        variant="borderless"
        className="quote-card"
        title={p.active_version ? t("pf.quote.title", { version: p.active_version }) : t("pf.tab.quote")}
        data-testid="product-quote"
      >
        {!p.active_version ? (
          <EmptyState description={t("pf.quote.noActive")} />
        ) : active.error !== null ? (
          <ErrorState error={active.error} onRetry={active.reload} />
        ) : active.data?.code === p.code && active.data.version === p.active_version ? (
          <ProductQuotePanel version={active.data} />
        ) : (
          <LoadingState />
        )}
      </Card>
    </>
  );
}

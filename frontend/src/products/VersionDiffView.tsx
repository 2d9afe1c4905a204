/** What changed in a version, parameter by parameter — what the approver judges. */
import { Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";

import { useResource } from "../api/useResource";
import { EmptyState, ErrorState } from "../components/States";
import { useI18n } from "../i18n";
import { fieldLabel, formatParameter } from "./format";
import { StatusTag } from "./labels";
import type { Change, VersionDiff, VersionSummary } from "./types";

export function VersionDiffView({
  code,
  version,
  versions,
  currency,
}: {
  code: string;
  version: VersionSummary;
  versions: VersionSummary[];
  currency: string;
}) {
  const { t, locale } = useI18n();
  const others = versions.filter((v) => v.version !== version.version);
  const natural = version.based_on ?? (version.version > 1 ? version.version - 1 : null);
  const [chosen, setChosen] = useState<number | null>(null);
  const from = chosen !== null && others.some((v) => v.version === chosen) ? chosen : natural;
  const path = from !== null ? `/v1/products/${encodeURIComponent(code)}/diff?from=${from}&to=${version.version}` : null;
  const diff = useResource<VersionDiff>(path);

  if (from === null || others.length === 0) {
    return <EmptyState description={t("pf.diff.first")} />;
  }

  const columns: TableColumnsType<Change> = [
    {
      title: t("pf.diff.field"),
      dataIndex: "field",
      width: "38%",
      render: (field: string) => (
        <div className="diff-field">
          <span>{fieldLabel(field, locale)}</span>
          <Typography.Text type="secondary" className="code-text">
            {field}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("pf.diff.before", { version: from }),
      dataIndex: "from",
      render: (value: unknown, row) => (
        <span className="diff-before num" data-testid="diff-before">
          {formatParameter(row.field, value, locale, currency)}
        </span>
      ),
    },
    {
      title: t("pf.diff.after", { version: version.version }),
      dataIndex: "to",
      render: (value: unknown, row) => (
        <span className="diff-after num" data-testid="diff-after">
          {formatParameter(row.field, value, locale, currency)}
        </span>
      ),
    },
  ];

  return (
    <div className="diff-view">
      <div className="diff-toolbar">
        <Space wrap>
          <span>{t("pf.diff.compare")}</span>
          <Select
            value={from}
            onChange={(v: number) => setChosen(v)}
            options={others.map((v) => ({ value: v.version, label: `v${v.version} · ${t(`pf.status.${v.status}`)}` }))}
            style={{ width: 160 }}
            data-testid="diff-from"
            aria-label={t("pf.diff.compare")}
          />
          <span className="muted">→ v{version.version}</span>
          <StatusTag status={version.status} />
        </Space>
        {diff.data && (
          <Typography.Text type="secondary" data-testid="diff-count">
            {t("pf.diff.count", { count: diff.data.changes.length })}
          </Typography.Text>
        )}
      </div>
      {diff.error !== null ? (
        <ErrorState error={diff.error} onRetry={diff.reload} />
      ) : (
        <Table<Change>
          rowKey="field"
          size="small"
          columns={columns}
          dataSource={diff.data?.changes ?? []}
          loading={diff.loading}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t("pf.diff.none")} /> }}
          scroll={{ x: 560 }}
          data-testid="diff-table"
        />
      )}
    </div>
  );
}

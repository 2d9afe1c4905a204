/**
 * The trial balance as of a date: GL codes grouped by account type with subtotals, the per-currency
 * debit = credit check in plain sight, and a chart of the types' balances. A code opens its statement.
 */
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Col, DatePicker, Row, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link } from "react-router";

import { useResource } from "../../api/useResource";
import { EChart, type EChartOption } from "../../components/EChart";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { localizedName, useI18n } from "../../i18n";
import { Amount, typeLabel } from "../../ledger/labels";
import { balanceChecks, groupByType, isBalanced, type TypeGroup } from "../../ledger/trialBalance";
import type { TrialBalance, TrialBalanceRow } from "../../ledger/types";
import { formatAmount } from "../../money/decimal";
import { useDateParam } from "../../system/useDateParam";

type Line =
  | { key: string; kind: "group"; group: TypeGroup }
  | { key: string; kind: "row"; row: TrialBalanceRow };

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function TrialBalanceTab() {
  const { t } = useI18n();
  const [date, setDate] = useDateParam("date");
  const tb = useResource<TrialBalance>(`/v1/ledger/trial-balance?date=${date}`);

  return (
    <div className="sys-stack">
      <div className="sys-toolbar">
        <label className="sys-toolbar-label" htmlFor="tb-date">{t("ledger.asOf")}</label>
        <DatePicker
          id="tb-date"
          value={dayjs(date)}
          allowClear={false}
          onChange={(d) => setDate(d ? d.format("YYYY-MM-DD") : null)}
          data-testid="tb-date"
        />
        <Button icon={<ReloadOutlined />} onClick={tb.reload} aria-label={t("sys.refresh")} />
      </div>
      {tb.error !== null ? (
        <ErrorState error={tb.error} onRetry={tb.reload} />
      ) : tb.loading || !tb.data ? (
        <LoadingState />
      ) : (
        <TrialBalanceView tb={tb.data} />
      )}
    </div>
  );
}

function TrialBalanceView({ tb }: { tb: TrialBalance }) {
  const { t, locale } = useI18n();
  const groups = useMemo(() => groupByType(tb.rows), [tb.rows]);
  const checks = useMemo(() => balanceChecks(tb), [tb]);
  const balanced = isBalanced(tb);
  const multiCurrency = new Set(tb.rows.map((r) => r.currency)).size > 1;

  const lines: Line[] = groups.flatMap((g) => [
    { key: `g-${g.currency}-${g.type}`, kind: "group" as const, group: g },
    ...g.rows.map((row) => ({ key: `r-${row.currency}-${row.code}`, kind: "row" as const, row })),
  ]);

  const columns: TableColumnsType<Line> = [
    {
      title: t("ledger.col.code"),
      key: "code",
      width: 90,
      onCell: (line) => ({ colSpan: line.kind === "group" ? 3 : 1 }),
      render: (_, line) =>
        line.kind === "group" ? (
          <span data-testid={`tb-group-${line.group.type}`}>
            {t("ledger.subtotal", { type: typeLabel(t, line.group.type) })}
            {multiCurrency ? ` · ${line.group.currency}` : ""}
          </span>
        ) : (
          <Link to={`/ledger/accounts/${encodeURIComponent(line.row.code)}`} data-testid={`tb-account-${line.row.code}`}>
            {line.row.code}
          </Link>
        ),
    },
    {
      title: t("ledger.col.name"),
      key: "name",
      width: 200,
      onCell: (line) => ({ colSpan: line.kind === "group" ? 0 : 1 }),
      render: (_, line) =>
        line.kind === "row" ? (
          <Link to={`/ledger/accounts/${encodeURIComponent(line.row.code)}`} aria-label={`${t("ledger.openAccount")} ${line.row.code}`}>
            {localizedName(line.row.name, locale)}
          </Link>
        ) : null,
    },
    {
      title: t("ledger.col.accounts"),
      key: "accounts",
      width: 80,
      responsive: ["md"],
      className: "num",
      onCell: (line) => ({ colSpan: line.kind === "group" ? 0 : 1 }),
      render: (_, line) => (line.kind === "row" ? line.row.accounts : null),
    },
    {
      title: t("ledger.col.debit"),
      key: "debit",
      width: 160,
      className: "num",
      render: (_, line) =>
        line.kind === "group" ? (
          <Amount value={line.group.debit} currency={line.group.currency} />
        ) : (
          <Amount value={line.row.debit} currency={line.row.currency} blankZero />
        ),
    },
    {
      title: t("ledger.col.credit"),
      key: "credit",
      width: 160,
      className: "num",
      render: (_, line) =>
        line.kind === "group" ? (
          <Amount value={line.group.credit} currency={line.group.currency} />
        ) : (
          <Amount value={line.row.credit} currency={line.row.currency} blankZero />
        ),
    },
  ];

  return (
    <>
      <div className="tb-checks" data-testid="tb-balanced" data-balanced={balanced ? "true" : "false"}>
        {checks.length === 0 ? (
          <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t("ledger.balanced")} description={t("ledger.tbEmpty")} />
        ) : (
          checks.map((c) => (
            <Alert
              key={c.currency}
              type={c.balanced ? "success" : "error"}
              showIcon
              icon={c.balanced ? <CheckCircleFilled /> : <CloseCircleFilled />}
              title={<span data-testid={`tb-check-${c.currency}`}>{c.balanced ? t("ledger.balanced") : t("ledger.unbalanced")}</span>}
              description={
                c.balanced
                  ? t("ledger.balancedDetail", { currency: c.currency, debit: formatAmount(c.debit, c.currency), credit: formatAmount(c.credit, c.currency) })
                  : t("ledger.unbalancedDetail", {
                      currency: c.currency,
                      debit: formatAmount(c.debit, c.currency),
                      credit: formatAmount(c.credit, c.currency),
                      difference: formatAmount(c.difference, c.currency),
                    })
              }
            />
          ))
        )}
      </div>
      {tb.rows.length === 0 ? (
        <EmptyState description={t("ledger.tbEmpty")} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Table<Line>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={lines}
              pagination={false}
              rowClassName={(line) => (line.kind === "group" ? "tb-group-row" : "")}
              scroll={{ x: 660 }}
              data-testid="tb-table"
              summary={() =>
                checks.map((c) => (
                  <Table.Summary.Row key={c.currency} className="tb-total-row">
                    <Table.Summary.Cell index={0} colSpan={2}>
                      {t("sys.total")}
                      {multiCurrency ? ` · ${c.currency}` : ""}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} className="num" />
                    <Table.Summary.Cell index={3} className="num">
                      <span data-testid={`tb-total-debit-${c.currency}`}>{formatAmount(c.debit, c.currency)}</span>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} className="num">
                      <span data-testid={`tb-total-credit-${c.currency}`}>{formatAmount(c.credit, c.currency)}</span>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ))
              }
            />
            {(tb.memorandum ?? []).length > 0 && (
              <div style={{ marginTop: 16 }}>
                <Typography.Text strong>{t("fac.memorandum")}</Typography.Text>
                <Table rowKey={(r) => `${r.currency}-${r.code}`} size="small" pagination={false} data-testid="tb-memorandum"
                  dataSource={tb.memorandum}
                  columns={[
                    { title: t("fac.memoAccount"), key: "name", render: (_, r) => localizedName(r.name, locale) },
                    { title: "", dataIndex: "currency", width: 70 },
                    { title: t("fac.memoDebit"), dataIndex: "debit", align: "right", className: "num",
                      render: (v: string, r) => formatAmount(v, r.currency) },
                    { title: t("fac.memoCredit"), dataIndex: "credit", align: "right", className: "num",
                      render: (v: string, r) => formatAmount(v, r.currency) },
                  ]} />
              </div>
            )}
          </Col>
          <Col xs={24} xl={8}>
            <Typography.Text strong>{t("ledger.chartTitle")}</Typography.Text>
            <TypeChart groups={groups.filter((g) => g.currency === checks[0]?.currency)} />
          </Col>
        </Row>
      )}
    </>
  );
}

/** Debit and credit balances per account type (one currency): where the books' weight sits, at a glance. */
function TypeChart({ groups }: { groups: TypeGroup[] }) {
  const { t, locale } = useI18n();
  const option = useMemo<EChartOption>(() => {
    const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    const names = { debit: t("sys.debit"), credit: t("sys.credit") };
    return {
      animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
      color: ["#1a4fa0", "#f0a020"],
      textStyle: { fontFamily: "inherit" },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        // The tooltip shows the API's exact strings; the plotted numbers are only for drawing.
        formatter: (params: unknown) => {
          const list = params as { dataIndex: number; marker: string }[];
          const g = groups[list[0]?.dataIndex ?? 0];
          if (!g) return "";
          const line = (marker: string, name: string, value: string) =>
            `<div class="chart-tip-row">${marker}<span>${escape(name)}</span><b>${formatAmount(value, g.currency)}</b></div>`;
          return (
            `<div class="chart-tip"><div class="chart-tip-title">${escape(typeLabel(t, g.type))} · ${escape(g.currency)}</div>` +
            line(list[0]?.marker ?? "", names.debit, g.debit) +
            line(list[1]?.marker ?? "", names.credit, g.credit) +
            `</div>`
          );
        },
      },
      legend: { top: 0, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 16, top: 32, bottom: 4 },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { type: "dashed" } } },
      yAxis: { type: "category", inverse: true, data: groups.map((g) => typeLabel(t, g.type)) },
      series: [
        { name: names.debit, type: "bar", data: groups.map((g) => g.debit), barMaxWidth: 18 },
        { name: names.credit, type: "bar", data: groups.map((g) => g.credit), barMaxWidth: 18 },
      ],
    };
  }, [groups, t, locale]);
  return <EChart option={option} height={Math.max(220, groups.length * 56 + 60)} testId="tb-chart" ariaLabel={t("ledger.chart")} />;
}

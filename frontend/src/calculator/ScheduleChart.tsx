/** Principal and interest per period (stacked bars) with the balance still owed (line). */
import { useMemo } from "react";

import type { Installment } from "../api/types";
import { EChart, type EChartOption } from "../components/EChart";
import { useI18n } from "../i18n";
import { formatAmount } from "../money/decimal";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export default function ScheduleChart({ rows, currency }: { rows: Installment[]; currency: string }) {
  const { t, locale } = useI18n();
  const option = useMemo<EChartOption>(() => {
    const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    const names = {
      principal: t("calc.series.principal"),
      interest: t("calc.series.interest"),
      balance: t("calc.series.balance"),
    };
    return {
      animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
      color: ["#1a4fa0", "#f0a020", "#7f8ea3"],
      textStyle: { fontFamily: "inherit" },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        // Amounts in the tooltip come from the API's strings, not from the plotted numbers.
        formatter: (params: unknown) => {
          const list = params as { dataIndex: number; marker: string }[];
          const row = rows[list[0]?.dataIndex ?? 0];
          if (!row) return "";
          const line = (marker: string, name: string, value: string) =>
            `<div class="chart-tip-row">${marker}<span>${escape(name)}</span><b>${formatAmount(value, currency)}</b></div>`;
          return (
            `<div class="chart-tip"><div class="chart-tip-title">#${row.seq} · ${escape(row.due_date)}</div>` +
            line(list[0]?.marker ?? "", names.principal, row.principal) +
            line(list[1]?.marker ?? "", names.interest, row.interest) +
            line(list[2]?.marker ?? "", names.balance, row.balance) +
            `</div>`
          );
        },
      },
      legend: { top: 0, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 8, top: 36, bottom: 4 },
      xAxis: {
        type: "category",
        data: rows.map((r) => String(r.seq)),
        axisTick: { alignWithLabel: true },
      },
      yAxis: [
        { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { type: "dashed" } } },
        { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { show: false } },
      ],
      // ECharts reads numeric strings itself; the plotted values are only for drawing.
      series: [
        { name: names.principal, type: "bar", stack: "payment", data: rows.map((r) => r.principal), barMaxWidth: 28 },
        { name: names.interest, type: "bar", stack: "payment", data: rows.map((r) => r.interest), barMaxWidth: 28 },
        {
          name: names.balance,
          type: "line",
          yAxisIndex: 1,
          data: rows.map((r) => r.balance),
          symbol: rows.length > 40 ? "none" : "circle",
          symbolSize: 4,
          lineStyle: { width: 2 },
        },
      ],
    };
  }, [rows, currency, t, locale]);
  return <EChart option={option} height={300} testId="quote-chart" ariaLabel={t("calc.chart")} />;
}

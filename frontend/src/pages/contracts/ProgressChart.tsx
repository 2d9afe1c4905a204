/** Paid against still owed per instalment (stacked bars; overdue in red). Loaded lazily with ECharts. */
import { useMemo } from "react";

import { EChart, type EChartOption } from "../../components/EChart";
import { instalmentPaid } from "../../contracts/schedule";
import type { ScheduledInstalment } from "../../contracts/types";
import { useI18n } from "../../i18n";
import { compareDecimal, formatAmount } from "../../money/decimal";

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export default function ProgressChart({ schedule, currency }: { schedule: ScheduledInstalment[]; currency: string }) {
  const { t, locale } = useI18n();
  const option = useMemo<EChartOption>(() => {
    const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    const paid = schedule.map(instalmentPaid);
    const overdue = schedule.map((i) => i.overdue);
    // what is owed but not overdue: the outstanding when nothing of it is overdue
    const owed = schedule.map((i) => (compareDecimal(i.overdue, "0") > 0 ? "0" : i.outstanding));
    const names = { paid: t("svc.chart.paid"), owed: t("svc.chart.owed"), overdue: t("svc.chart.overdue") };
    return {
      animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
      color: ["#2f9e44", "#b8c2d1", "#d9363e"],
      textStyle: { fontFamily: "inherit" },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        // the tooltip shows the API's strings, not the plotted numbers
        formatter: (params: unknown) => {
          const list = params as { dataIndex: number; marker: string }[];
          const i = list[0]?.dataIndex ?? 0;
          const row = schedule[i];
          if (!row) return "";
          const line = (marker: string, name: string, value: string) =>
            `<div class="chart-tip-row">${marker}<span>${escape(name)}</span><b>${formatAmount(value, currency)}</b></div>`;
          return (
            `<div class="chart-tip"><div class="chart-tip-title">#${row.seq} · ${escape(row.due_on)}</div>` +
            line(list[0]?.marker ?? "", names.paid, paid[i]) +
            line(list[1]?.marker ?? "", names.owed, owed[i]) +
            line(list[2]?.marker ?? "", names.overdue, overdue[i]) +
            `</div>`
          );
        },
      },
      legend: { top: 0, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
      xAxis: { type: "category", data: schedule.map((r) => String(r.seq)), axisTick: { alignWithLabel: true } },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { type: "dashed" } } },
      series: [
        { name: names.paid, type: "bar", stack: "i", data: paid, barMaxWidth: 24 },
        { name: names.owed, type: "bar", stack: "i", data: owed, barMaxWidth: 24 },
        { name: names.overdue, type: "bar", stack: "i", data: overdue, barMaxWidth: 24 },
      ],
    };
  }, [schedule, currency, t, locale]);
  return <EChart option={option} height={220} testId="contract-progress-chart" ariaLabel={t("svc.chart.label")} />;
}

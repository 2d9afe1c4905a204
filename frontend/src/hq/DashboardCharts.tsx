/**
 * The dashboard's charts. Every value plotted is the API's decimal string (ECharts reads numeric
 * strings); every figure in a tooltip or label is formatted from that string, never from a float.
 */
import { useMemo } from "react";
import { useNavigate } from "react-router";

import { lookup, useI18n } from "../i18n";
import { shiftDecimal } from "../money/decimal";
import { HqChart, type HqChartOption } from "./HqChart";
import { useSubsidiaryName } from "./subsidiaries";
import { industryLabel, money, percent } from "./labels";
import { CATEGORY_COLORS, complete, DELINQUENCY_BUCKETS, drillPath, FIVE_CATEGORIES, slices, type Slice } from "./portfolio";
import type { Dashboard, FiveCategory } from "./types";

const PALETTE = ["#1a4fa0", "#2f9e8f", "#f0a020", "#7b61c9", "#d9534f", "#5b8ff9", "#8fb339", "#c27c0e"];
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function base(): HqChartOption {
  return {
    animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
    textStyle: { fontFamily: "inherit" },
    color: PALETTE,
  };
}

function tip(title: string, rows: [string, string][]): string {
  return `<div class="chart-tip"><div class="chart-tip-title">${escape(title)}</div>` +
    rows.map(([k, v]) => `<div class="chart-tip-row"><span>${escape(k)}</span><b>${escape(v)}</b></div>`).join("") + "</div>";
}

function useCompact() {
  const { locale } = useI18n();
  return useMemo(() => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }), [locale]);
}

/** A donut of exposure by one dimension (subsidiary, product kind). */
export function ShareDonut({ list, name, currency, testId, title }: {
  list: Slice[]; name: (key: string) => string; currency: string; testId: string; title: string;
}) {
  const { t } = useI18n();
  const option = useMemo<HqChartOption>(() => ({
    ...base(),
    tooltip: {
      trigger: "item",
      formatter: (p: unknown) => {
        const s = list[(p as { dataIndex: number }).dataIndex];
        return s ? tip(name(s.key), [[t("hq.dash.exposure"), money(s.exposure, currency)],
          [t("hq.dash.share"), percent(s.position.share ?? "0")], [t("hq.dash.contracts"), String(s.position.contracts)]]) : "";
      },
    },
    legend: { bottom: 0, type: "scroll", itemWidth: 10, itemHeight: 10 },
    series: [{
      type: "pie", radius: ["42%", "68%"], center: ["50%", "44%"], avoidLabelOverlap: true,
      label: { formatter: (p: { percent: number }) => `${p.percent.toFixed(1)}%` },
      data: list.map((s) => ({ name: name(s.key), value: s.exposure })),
    }],
  }), [list, name, currency, t]);
  return <HqChart option={option} testId={testId} ariaLabel={title} height={260} />;
}

/** Bars of exposure by one dimension; `colors` per key when given. */
export function ExposureBars({ list, name, currency, testId, title, horizontal = false, colors }: {
  list: Slice[]; name: (key: string) => string; currency: string; testId: string; title: string;
  horizontal?: boolean; colors?: Record<string, string>;
}) {
  const { t } = useI18n();
  const compact = useCompact();
  const option = useMemo<HqChartOption>(() => {
    const categories = list.map((s) => name(s.key));
    const valueAxis = { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { type: "dashed" } } };
    const categoryAxis = { type: "category", data: categories, inverse: horizontal, axisLabel: { width: 110, overflow: "truncate", interval: 0 } };
    return {
      ...base(),
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        formatter: (params: unknown) => {
          const s = list[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
          return s ? tip(name(s.key), [[t("hq.dash.exposure"), money(s.exposure, currency)],
            [t("hq.dash.share"), percent(s.position.share ?? "0")], [t("hq.dash.contracts"), String(s.position.contracts)]]) : "";
        },
      },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [{
        type: "bar", name: t("hq.dash.exposure"), barMaxWidth: 28,
        data: list.map((s) => (colors?.[s.key] ? { value: s.exposure, itemStyle: { color: colors[s.key] } } : s.exposure)),
      }],
    };
  }, [list, name, currency, t, compact, horizontal, colors]);
  return <HqChart option={option} testId={testId} ariaLabel={title} height={horizontal ? Math.max(200, 36 * list.length + 40) : 260} />;
}

/** The NPL ratio (and the top-10 share) over the group's snapshots. */
export function NplTrend({ data, title }: { data: Dashboard; title: string }) {
  const { t } = useI18n();
  const option = useMemo<HqChartOption>(() => {
    const points = [...data.trend].sort((a, b) => a.as_of.localeCompare(b.as_of) || a.run_id.localeCompare(b.run_id));
    const names = { npl: t("hq.dash.nplRatio"), top10: t("hq.dash.top10Share") };
    return {
      ...base(),
      color: ["#d9534f", "#1a4fa0"],
      tooltip: {
        trigger: "axis",
        formatter: (params: unknown) => {
          const p = points[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
          return p ? tip(p.as_of, [[names.npl, percent(p.npl_ratio)], [names.top10, percent(p.top10_share)],
            [t("hq.dash.exposure"), money(p.exposure, data.currency)]]) : "";
        },
      },
      legend: { top: 0, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: points.map((p) => p.as_of), boundaryGap: points.length < 2 },
      yAxis: [
        { type: "value", axisLabel: { formatter: "{value}%" }, splitLine: { lineStyle: { type: "dashed" } } },
        { type: "value", axisLabel: { formatter: "{value}%" }, splitLine: { show: false }, max: 100 },
      ],
      series: [
        { name: names.npl, type: "line", data: points.map((p) => shiftDecimal(p.npl_ratio, 2)), symbolSize: 6 },
        { name: names.top10, type: "line", yAxisIndex: 1, data: points.map((p) => shiftDecimal(p.top10_share, 2)), symbolSize: 6, lineStyle: { type: "dashed" } },
      ],
    };
  }, [data, t]);
  return <HqChart option={option} testId="chart-npl-trend" ariaLabel={title} height={260} />;
}

/** The ten largest customers (or group customers), stacked by subsidiary; a bar opens its breakdown. */
export function TopTenBars({ data, groups, subsidiaryName, title }: {
  data: Dashboard; groups: boolean; subsidiaryName: (id: string) => string; title: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const compact = useCompact();
  const entries = useMemo(() => (groups
    ? data.top10_groups.map((g) => ({ key: g.group_customer_id, label: g.label, exposure: g.exposure, share: g.share, by: g.by_subsidiary }))
    : data.top10.map((c) => ({ key: c.identity_hash, label: c.label, exposure: c.exposure, share: c.share, by: c.by_subsidiary }))),
  [data, groups]);
  const subsidiaries = useMemo(() => [...new Set(entries.flatMap((e) => Object.keys(e.by)))].sort(), [entries]);
  const option = useMemo<HqChartOption>(() => ({
    ...base(),
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const e = entries[(params as { dataIndex: number }[])[0]?.dataIndex ?? -1];
        return e ? tip(e.label, [[t("hq.dash.exposure"), money(e.exposure, data.currency)], [t("hq.dash.share"), percent(e.share)],
          ...Object.entries(e.by).map(([s, v]) => [subsidiaryName(s), money(v, data.currency)] as [string, string])]) : "";
      },
    },
    legend: { top: 0, itemWidth: 12, itemHeight: 8 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { type: "dashed" } } },
    yAxis: { type: "category", inverse: true, data: entries.map((e) => e.label), axisLabel: { width: 130, overflow: "truncate", interval: 0 } },
    series: subsidiaries.map((s) => ({
      name: subsidiaryName(s), type: "bar", stack: "exposure", barMaxWidth: 22,
      data: entries.map((e) => e.by[s] ?? "0"),
    })),
  }), [entries, subsidiaries, data.currency, t, compact, subsidiaryName]);
  return (
    <HqChart
      option={option}
      testId={groups ? "chart-top10-groups" : "chart-top10"}
      ariaLabel={title}
      height={Math.max(220, 34 * entries.length + 60)}
      onClick={({ dataIndex }) => {
        const e = entries[dataIndex];
        if (e) navigate(drillPath(e.key, data.run.run_id));
      }}
    />
  );
}

/** The dashboard's breakdown charts, from one snapshot. */
export function useDashboardSlices(data: Dashboard | null) {
  return useMemo(() => {
    const p = data?.portfolio ?? {};
    return {
      subsidiary: slices(p, "subsidiary"),
      productKind: slices(p, "product_kind"),
      industry: slices(p, "industry"),
      classification: complete(slices(p, "classification", FIVE_CATEGORIES), FIVE_CATEGORIES),
      bucket: complete(slices(p, "delinquency_bucket", DELINQUENCY_BUCKETS), DELINQUENCY_BUCKETS),
    };
  }, [data]);
}

export function useNames() {
  const { locale } = useI18n();
  const subsidiary = useSubsidiaryName();
  return useMemo(() => ({
    subsidiary,
    productKind: (k: string) => lookup(locale, `hq.kind.${k}`) ?? k,
    industry: (code: string) => industryLabel(locale, code),
    classification: (c: string) => lookup(locale, `hq.class.${c}`) ?? c,
    bucket: (b: string) => lookup(locale, `hq.bucket.${b}`) ?? b,
  }), [locale, subsidiary]);
}

export const CLASS_COLORS = CATEGORY_COLORS as Record<FiveCategory | string, string>;

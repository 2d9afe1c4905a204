/** Contracts an end-of-day run changed per business step (horizontal bars). Loaded lazily with ECharts. */
import { useMemo } from "react";

import { EChart, type EChartOption } from "../../components/EChart";
import { lookup, useI18n } from "../../i18n";

export default function ContractStepsChart({ counts }: { counts: { step: string; count: number }[] }) {
  const { t, locale } = useI18n();
  // The page re-reads the run every few hundred milliseconds: redraw only when a count changed.
  const drawn = counts.map((c) => `${c.step}:${c.count}`).join(",");
  const option = useMemo<EChartOption>(() => {
    // a step the server added since this console was built shows under its own name
    const label = (step: string) => lookup(locale, `eod.cstep.${step}`) ?? step;
    return {
      animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches,
      color: ["#1a4fa0"],
      textStyle: { fontFamily: "inherit" },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 32, top: 8, bottom: 4, containLabel: true },
      xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { type: "dashed" } } },
      yAxis: { type: "category", inverse: true, data: counts.map((c) => label(c.step)) },
      series: [
        {
          name: t("eod.cstep.title"),
          type: "bar",
          data: counts.map((c) => c.count),
          barMaxWidth: 14,
          label: { show: true, position: "right" },
        },
      ],
    };
  }, [drawn, t, locale]);
  return (
    <EChart
      option={option}
      height={counts.length * 28 + 24}
      testId="eod-steps-chart"
      ariaLabel={`${t("eod.cstep.title")}: ${counts.map((c) => `${lookup(locale, `eod.cstep.${c.step}`) ?? c.step} ${c.count}`).join(", ")}`}
    />
  );
}

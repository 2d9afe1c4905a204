/**
 * An ECharts chart for the HQ dashboard: like components/EChart, plus a click handler (a bar opens
 * what it stands for) and, on the element, what the chart actually drew — `data-series` (how many
 * series) and `data-points` (how many data points in all), read back from the chart's own option so
 * tests and assistive checks see the rendered chart, not the props.
 */
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, DatasetComponent, CanvasRenderer]);

export type HqChartOption = echarts.EChartsCoreOption;

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

export function HqChart({
  option,
  height = 280,
  testId,
  ariaLabel,
  onClick,
}: {
  option: HqChartOption;
  height?: number;
  testId?: string;
  ariaLabel: string;
  onClick?: (event: ChartClick) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (params) => {
      const p = params as { seriesIndex?: number; dataIndex?: number; name?: string };
      clickRef.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, name: p.name ?? "" });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    const el = element.current;
    if (!instance || !el) return;
    instance.setOption(option, { notMerge: true });
    const drawn = (instance.getOption().series ?? []) as { data?: unknown[] }[];
    el.dataset.series = String(drawn.length);
    el.dataset.points = String(drawn.reduce((n, s) => n + (Array.isArray(s.data) ? s.data.length : 0), 0));
  }, [option]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      className="hq-chart"
      style={{ width: "100%", height, cursor: onClick ? "pointer" : undefined }}
    />
  );
}

/**
 * A small ECharts wrapper: one chart per element, resized with its container, disposed on unmount.
 * Only the chart types the console uses are registered, to keep the bundle small.
 */
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef, type CSSProperties } from "react";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, DatasetComponent, CanvasRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

export function EChart({
  option,
  height = 320,
  style,
  testId,
  ariaLabel,
}: {
  option: EChartOption;
  height?: number;
  style?: CSSProperties;
  testId?: string;
  ariaLabel?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    chart.current = echarts.init(el, undefined, { renderer: "canvas" });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: "100%", height, ...style }}
    />
  );
}

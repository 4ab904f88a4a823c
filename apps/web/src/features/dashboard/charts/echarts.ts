// Tree-shaken ECharts: only the charts and components the dashboards use
// (the full bundle is about twice the size). The heatmap's colour key is the
// piecewise visualMap (five bands, like the comparison table's shading).
//
// Registered here: what the year overview and the comparison draw (bars, the
// strip plot, the heatmap). Lines, radar and legends (trends, school profile)
// come in a separate chunk the first time a chart's option needs them
// (`loadExtras`, before that chart's instance is created), so the comparison
// does not download them.
import { BarChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, RadarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, HeatmapChart, ScatterChart, GridComponent, MarkLineComponent, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { init, type EChartsType };

let extras: Promise<void> | null = null;
let extrasReady = false;

/** Whether an option draws a line or radar series, or has a legend or a radar coordinate system. */
export function needsExtras(option: ChartOption): boolean {
  const series = option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series];
  return option.legend != null || option.radar != null || series.some((s) => s.type === 'line' || s.type === 'radar');
}

/** Whether lines, radar and legends are registered. An instance only runs what was registered when it was created. */
export const extrasLoaded = () => extrasReady;

/** Registers lines, radar and legends (once). */
export function loadExtras(): Promise<void> {
  extras ??= import('./echarts-extras').then(() => {
    extrasReady = true;
  });
  return extras;
}

/** The app's palette: primary blue, union red, then calm distinct hues. */
export const chartColours = ['#1f4e79', '#b3261e', '#2e7d32', '#b26a00', '#6a3d9a', '#00838f', '#5d6b7a'];
export const chartFont = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

// Tree-shaken ECharts: only the charts and components the dashboards use
// (the full bundle is about twice the size). The heatmap's colour key is the
// piecewise visualMap (five bands, like the comparison table's shading).
import { BarChart, HeatmapChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, RadarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
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

use([BarChart, HeatmapChart, LineChart, RadarChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

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

/** The app's palette: primary blue, union red, then calm distinct hues. */
export const chartColours = ['#1f4e79', '#b3261e', '#2e7d32', '#b26a00', '#6a3d9a', '#00838f', '#5d6b7a'];
export const chartFont = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

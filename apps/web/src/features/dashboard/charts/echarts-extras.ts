// The chart types and components only the trends and school-profile pages
// draw; registered on first use by `loadExtras` (echarts.ts).
import { LineChart, RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([LineChart, RadarChart, LegendComponent, RadarComponent]);

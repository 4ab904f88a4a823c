import type { RouterOutputs } from '../../app/trpc';

export type Overview = RouterOutputs['dashboard']['overview'];
export type Comparison = RouterOutputs['dashboard']['comparison'];
export type ComparisonRow = Comparison['rows'][number];
export type ComparisonIndicator = Comparison['indicators'][number];
export type Heatmap = RouterOutputs['dashboard']['heatmap'];
export type Trend = RouterOutputs['dashboard']['trend'];
export type Progress = RouterOutputs['dashboard']['progress'];
export type ProgressRow = Progress['rows'][number];
export type SchoolProfile = RouterOutputs['dashboard']['schoolProfile'];
export type CatalogueIndicator = RouterOutputs['catalogue']['list'][number];

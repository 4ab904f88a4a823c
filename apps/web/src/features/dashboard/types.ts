import type { ComparisonView } from '@union/domain';
import type { RouterOutputs } from '../../app/trpc';

export type Overview = RouterOutputs['dashboard']['overview'];
// The API sends the comparison column by column; pages read it as rows (`select: comparisonRows`).
export type Comparison = ComparisonView;
export type ComparisonRow = ComparisonView['rows'][number];
export type ComparisonIndicator = ComparisonView['indicators'][number];
export type Heatmap = RouterOutputs['dashboard']['heatmap'];
export type Trend = RouterOutputs['dashboard']['trend'];
export type Progress = RouterOutputs['dashboard']['progress'];
export type ProgressRow = Progress['rows'][number];
export type SchoolProfile = RouterOutputs['dashboard']['schoolProfile'];
export type CatalogueIndicator = RouterOutputs['catalogue']['list'][number];

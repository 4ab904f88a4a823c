import { useQuery } from '@tanstack/react-query';
import { rubricV2IsRated } from '@union/domain';
import { useContext, type ReactNode } from 'react';
import { useTRPC } from '../../app/trpc';
import { ScoreKindContext, type ScoreKind } from './scoreKindContext';
import { useDashboardCopy } from './useDashboardCopy';

/** What the year's scores are: 综评分 (a v2 rubric with raters) or the figures-only total. Dashboard copy labels follow it. */
export function ScoreKindProvider({ year, kind, children }: { year?: number | undefined; kind?: ScoreKind | undefined; children: ReactNode }) {
  const trpc = useTRPC();
  const definition = useQuery({ ...trpc.rubric.definition.queryOptions({ year: year ?? 0 }), enabled: kind === undefined && year !== undefined, staleTime: 5 * 60_000 });
  const value: ScoreKind = kind ?? (definition.data && rubricV2IsRated(definition.data.rubric) ? 'combined' : 'automatic');
  return <ScoreKindContext.Provider value={value}>{children}</ScoreKindContext.Provider>;
}

export const useScoreKind = () => useContext(ScoreKindContext);

/** The note a page shows when its scores are 综评分. */
export function CombinedScoreNote() {
  const kind = useScoreKind();
  const { c } = useDashboardCopy();
  if (kind !== 'combined') return null;
  return (
    <p className="approved-note" data-testid="combined-note">
      {c.common.combinedNote}
    </p>
  );
}

import { createContext } from 'react';

export type ScoreKind = 'combined' | 'automatic';

/** What the page's scores are: 综评分 of raters' columns, or the figures-only total. */
export const ScoreKindContext = createContext<ScoreKind>('automatic');

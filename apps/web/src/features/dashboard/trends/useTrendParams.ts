import { useSearchParams } from 'react-router';
import { MAX_TREND_SCHOOLS } from './SchoolChooser';

export const DEFAULT_TREND_CODE = 'sick_visits';

/** The trend's indicator, per-100 switch and schools live in the address (?code=&per100=1&schools=1,2). */
export function useTrendParams() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const state = {
    code: code && /^[a-z][a-z0-9_]{1,62}$/.test(code) ? code : DEFAULT_TREND_CODE,
    perHundredStaff: params.get('per100') === '1',
    schoolIds: (params.get('schools') ?? '')
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0)
      .slice(0, MAX_TREND_SCHOOLS),
  };
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { state, update };
}

import { schoolTypes, sizeBands, type SchoolType, type SizeBand } from '@union/domain';
import { useSearchParams } from 'react-router';

/** 慰问人次 / 帮困金额 / 教代会次数 / 体检人数: what a district officer looks at first. */
export const defaultCompareCodes = ['sick_visits', 'hardship_aid_amount', 'congress_sessions', 'health_checkup_participants'] as const;
export const MAX_CODES = 20;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** The comparison's choices live in the address, so a view can be bookmarked or sent on. */
export function useCompareParams() {
  const [params, setParams] = useSearchParams();
  const codesParam = params.get('codes');
  const codes = codesParam
    ? codesParam
        .split(',')
        .filter((c) => /^[a-z][a-z0-9_]{1,62}$/.test(c))
        .slice(0, MAX_CODES)
    : [...defaultCompareCodes];
  const clusterId = Number(params.get('cluster')) || undefined;
  const state = {
    codes,
    perHundredStaff: params.get('per100') === '1',
    clusterId: clusterId && clusterId > 0 ? clusterId : undefined,
    schoolType: oneOf<SchoolType>(schoolTypes, params.get('type')),
    sizeBand: oneOf<SizeBand>(sizeBands, params.get('size')),
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

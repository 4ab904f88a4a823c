import { groupSets, localities, ownerships, schoolStages, type GroupFilter, type GroupSet, type Locality, type Ownership, type SchoolStage } from '@union/domain';
import { useSearchParams } from 'react-router';

/** `locality:rural`, `groups:3` → a group filter; anything else → none (a stale link shows all schools). */
export function parseGroupParam(value: string | null): GroupFilter | undefined {
  const [set, raw] = (value ?? '').split(':');
  if (!raw) return undefined;
  if (set === 'stage' && (schoolStages as readonly string[]).includes(raw)) return { set, value: raw as SchoolStage };
  if (set === 'locality' && (localities as readonly string[]).includes(raw)) return { set, value: raw as Locality };
  if (set === 'ownership' && (ownerships as readonly string[]).includes(raw)) return { set, value: raw as Ownership };
  const id = Number(raw);
  if (set === 'groups' && Number.isInteger(id) && id > 0 && id <= 2_147_483_647) return { set, value: id };
  return undefined;
}

export const groupParamOf = (filter: GroupFilter | undefined): string | undefined => (filter ? `${filter.set}:${filter.value}` : undefined);

/** The group filter (?group=set:value) and the group-by (?by=set) live in the address with the page's other choices. */
export function useGroupParams() {
  const [params, setParams] = useSearchParams();
  const by = params.get('by');
  const state = {
    group: parseGroupParam(params.get('group')),
    by: (groupSets as readonly string[]).includes(by ?? '') ? (by as GroupSet) : undefined,
  };
  const update = (changes: { group?: string | undefined; by?: string | undefined }) =>
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
  return { ...state, update };
}

import { useId, useState } from 'react';
import { useDashboardCopy } from '../useDashboardCopy';

export const MAX_TREND_SCHOOLS = 5;

/** Up to five schools as removable chips, added from a list. */
export function SchoolChooser({ schools, chosen, onChange }: { schools: readonly { id: number; name: string }[]; chosen: readonly number[]; onChange: (ids: number[]) => void }) {
  const { c } = useDashboardCopy();
  const id = useId();
  const [pick, setPick] = useState('');
  const full = chosen.length >= MAX_TREND_SCHOOLS;
  const nameOf = (sid: number) => schools.find((s) => s.id === sid)?.name ?? String(sid);
  const add = () => {
    const sid = Number(pick);
    if (sid && !chosen.includes(sid) && !full) onChange([...chosen, sid]);
    setPick('');
  };
  return (
    <fieldset className="school-chooser">
      <legend>{c.trends.chooseSchools}</legend>
      {chosen.length > 0 ? (
        <ul className="chips">
          {chosen.map((sid) => (
            <li key={sid} className="chip">
              <span>{nameOf(sid)}</span>
              <button type="button" className="chip__remove" aria-label={c.trends.remove(nameOf(sid))} onClick={() => onChange(chosen.filter((x) => x !== sid))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="input-with-button">
        <label htmlFor={id} className="visually-hidden">
          {c.trends.addSchool}
        </label>
        <select id={id} value={pick} disabled={full} onChange={(e) => setPick(e.target.value)}>
          <option value="">{full ? c.trends.maxSchools : c.trends.pickSchool}</option>
          {schools
            .filter((s) => !chosen.includes(s.id))
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
        <button type="button" className="button button--secondary" disabled={!pick || full} onClick={add}>
          {c.trends.add}
        </button>
      </div>
    </fieldset>
  );
}

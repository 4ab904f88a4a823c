import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { FormError, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useInspectionCopy } from './messages';
import './inspection.css';

type Teams = RouterOutputs['inspection']['teams'];
type Team = Teams['teams'][number];

/** 考评组 of a year: members, assigned schools and where each school's inspection stands (admin). */
export function TeamsAdminPage() {
  const c = useInspectionCopy();
  const trpc = useTRPC();
  useDocumentTitle(c.teamsTitle);
  const yearId = useId();
  const years = useQuery(trpc.reports.years.queryOptions());
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? years.data?.find((y) => y.isOpen)?.year ?? years.data?.[0]?.year ?? null;
  const teams = useQuery({ ...trpc.inspection.teams.queryOptions({ year: year ?? 0 }), enabled: year !== null });
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.inspection.deleteTeam.mutationOptions());
  const describe = useDescribeError();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inspection.teams.queryKey() });

  return (
    <Page title={c.teamsTitle} lead={<p>{c.teamsLead}</p>}>
      <div className="insp-toolbar">
        {years.data && year !== null ? (
          <div className="field">
            <label htmlFor={yearId}>{c.yearLabel}</label>
            <select id={yearId} value={year} onChange={(e) => setChosen(Number(e.target.value))}>
              {years.data.map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="button" className="button" disabled={!teams.data} onClick={() => setEditing('new')}>
          {c.newTeam}
        </button>
      </div>
      <FormError error={remove.isError ? describe(remove.error) : null} />
      {years.isError || teams.isError ? (
        <ErrorState error={years.error ?? teams.error} onRetry={() => void (years.isError ? years.refetch() : teams.refetch())} />
      ) : !teams.data ? (
        <LoadingState />
      ) : teams.data.teams.length === 0 ? (
        <EmptyState title={c.teamsEmpty} />
      ) : (
        teams.data.teams.map((team) => (
          <section key={team.id} className="insp-team" aria-labelledby={`t-${team.id}`}>
            <div className="insp-team__head">
              <h2 id={`t-${team.id}`} data-user-content>
                {team.name}
              </h2>
              <button type="button" className="button button--secondary button--small" onClick={() => setEditing(team)}>
                {c.editTeam}
              </button>
              <button
                type="button"
                className="button button--danger button--small"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm(c.deleteConfirm(team.name))) void remove.mutateAsync({ id: team.id }).then(refresh);
                }}
              >
                {c.deleteTeam}
              </button>
            </div>
            <p>
              {c.members}{c.colon}<span data-user-content>{team.members.map((m) => m.displayName).join(c.listSeparator) || '—'}</span>
            </p>
            <table className="data-table insp-table">
              <thead>
                <tr>
                  <th scope="col">{c.schoolCol}</th>
                  <th scope="col">{c.stateCol}</th>
                  <th scope="col">{c.actionsCol}</th>
                </tr>
              </thead>
              <tbody>
                {team.schools.map((s) => (
                  <tr key={s.schoolId}>
                    <td data-label={c.schoolCol} data-user-content>
                      {s.name}
                    </td>
                    <td data-label={c.stateCol}>
                      <span className={`insp-state insp-state--${s.state}`}>{s.reportId === null ? c.notHandedIn : c.state(s.state)}</span>
                    </td>
                    <td data-label={c.actionsCol}>{s.reportId !== null ? <Link to={`/inspection/${s.reportId}`}>{c.view}</Link> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
      {editing && teams.data ? (
        <TeamDialog
          year={teams.data.year}
          team={editing === 'new' ? null : editing}
          inspectors={teams.data.inspectors}
          schools={teams.data.schools}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </Page>
  );
}

function TeamDialog({
  year,
  team,
  inspectors,
  schools,
  onClose,
  onSaved,
}: {
  year: number;
  team: Team | null;
  inspectors: Teams['inspectors'];
  schools: Teams['schools'];
  onClose: () => void;
  onSaved: () => void;
}) {
  const c = useInspectionCopy();
  const trpc = useTRPC();
  const nameId = useId();
  const describe = useDescribeError();
  const [name, setName] = useState(team?.name ?? '');
  const [members, setMembers] = useState<Set<number>>(new Set(team?.members.map((m) => m.id)));
  const [chosen, setChosen] = useState<Set<number>>(new Set(team?.schools.map((s) => s.schoolId)));
  const save = useMutation(trpc.inspection.saveTeam.mutationOptions());
  const toggle = (set: Set<number>, id: number) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  return (
    <Modal title={team ? c.editTeam : c.newTeam} onClose={onClose}>
      <form
        className="insp-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save.mutateAsync({ ...(team ? { id: team.id } : {}), year, name, memberIds: [...members], schoolIds: [...chosen] }).then(onSaved, () => {});
        }}
      >
        <div className="field">
          <label htmlFor={nameId}>{c.teamName}</label>
          <input id={nameId} value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset className="insp-choices">
          <legend>{c.members}</legend>
          {inspectors.length === 0 ? <p className="muted">{c.noInspectors}</p> : null}
          {inspectors.map((u) => (
            <label key={u.id} className="score-inputs__check">
              <input type="checkbox" checked={members.has(u.id)} onChange={() => setMembers((s) => toggle(s, u.id))} />
              <span data-user-content>
                {u.displayName}（{u.username}）
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="insp-choices insp-choices--scroll">
          <legend>{c.schools}</legend>
          {schools.map((s) => (
            <label key={s.id} className="score-inputs__check">
              <input type="checkbox" checked={chosen.has(s.id)} onChange={() => setChosen((set) => toggle(set, s.id))} />
              <span data-user-content>
                {s.code} {s.name}
              </span>
            </label>
          ))}
        </fieldset>
        <FormError error={save.isError ? describe(save.error) : null} />
        <div className="insp-buttons">
          <button type="submit" className="button" disabled={save.isPending}>
            {c.save}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {c.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabels, roles, type Role } from '@union/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { isDistrict } from '../../app/access';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { fieldErrorMap, focusFirstInvalid, FormError, FormField, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useMe } from '../auth/me';
import { unitsOfKind } from '../../ui/org-tree';
import { generateTemporaryPassword } from './password';
import { formatDateTime } from './shared';
import { DialogActions } from './DialogActions';

type User = RouterOutputs['users']['list'][number];
type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'toggle'; user: User };

interface UnitOption {
  id: number;
  name: string;
}

/** Units an account of this role may belong to: the district for district staff, a cluster for cluster reviewers, a school for chairs. */
function useUnitOptions(): { city: UnitOption[]; district: UnitOption[]; clusters: UnitOption[]; schools: UnitOption[]; loading: boolean } {
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000 });
  // Closed schools too: their chairs' accounts and audit entries stay.
  const schools = useQuery({ ...trpc.schools.list.queryOptions({ includeInactive: true }), staleTime: 60_000 });
  return {
    city: tree.data ? unitsOfKind(tree.data, 'city').map((u) => ({ id: u.id, name: u.name })) : [],
    district: tree.data ? unitsOfKind(tree.data, 'district').map((u) => ({ id: u.id, name: u.name })) : [],
    clusters: tree.data ? unitsOfKind(tree.data, 'cluster').map((u) => ({ id: u.id, name: u.name })) : [],
    schools: schools.data ? schools.data.schools.map((s) => ({ id: s.id, name: s.name })) : [],
    loading: tree.isPending || schools.isPending,
  };
}

export function UsersPage() {
  const { t, label, language } = useI18n();
  const trpc = useTRPC();
  const me = useMe();
  const users = useQuery(trpc.users.list.queryOptions());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [search, setSearch] = useState('');
  const searchId = useId();
  useDocumentTitle(t('admin.users.title'));

  const needle = search.trim().toLowerCase();
  const shown = (users.data ?? []).filter(
    (u) => !needle || [u.username, u.displayName, u.orgUnitName].some((s) => s.toLowerCase().includes(needle)),
  );

  return (
    <Page title={t('admin.users.title')} lead={<p>{t('admin.users.intro')}</p>}>
      <div className="toolbar">
        <div className="field field--grow">
          <label htmlFor={searchId}>{t('admin.users.search')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder={t('admin.users.searchPlaceholder')}
            autoComplete="off"
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'create' })}>
          {t('admin.users.create')}
        </button>
      </div>

      {users.isPending ? (
        <LoadingState />
      ) : users.isError && !users.data ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState title={t('admin.users.empty')} />
      ) : shown.length === 0 ? (
        <EmptyState title={t('admin.users.noMatch')} />
      ) : (
        <section aria-labelledby="users-count">
          <p id="users-count" className="summary" aria-live="polite">
            {t('admin.users.count', { count: shown.length })}
          </p>
          <table className="data-table card-table users-table">
            <caption className="visually-hidden">{t('admin.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.colUsername')}</th>
                <th scope="col">{t('admin.users.colName')}</th>
                <th scope="col">{t('admin.users.colRole')}</th>
                <th scope="col">{t('admin.users.colUnit')}</th>
                <th scope="col">{t('admin.users.colStatus')}</th>
                <th scope="col">{t('admin.users.colLastLogin')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => {
                const self = u.id === me.id;
                return (
                  <tr key={u.id} className={u.disabled ? 'row--muted' : undefined}>
                    <th scope="row" className="mono">
                      {u.username}
                      {self ? <span className="muted">{t('admin.users.self')}</span> : null}
                    </th>
                    <td data-label={t('admin.users.colName')}>{u.displayName}</td>
                    <td data-label={t('admin.users.colRole')}>{label(roleLabels[u.role])}</td>
                    <td data-label={t('admin.users.colUnit')}>{u.orgUnitName}</td>
                    <td data-label={t('admin.users.colStatus')}>
                      {u.disabled ? (
                        <span className="tag tag--off">{t('admin.users.statusDisabled')}</span>
                      ) : u.mustChangePassword ? (
                        <span className="tag tag--warn">{t('admin.users.statusMustChange')}</span>
                      ) : (
                        <span className="tag tag--ok">{t('admin.users.statusActive')}</span>
                      )}
                    </td>
                    <td data-label={t('admin.users.colLastLogin')}>
                      {formatDateTime(u.lastLoginAt as string | null, language) ?? t('admin.users.never')}
                    </td>
                    <td className="actions-cell">
                      <div className="row-actions" role="group" aria-label={`${t('admin.actions')}：${u.username}`}>
                        <button type="button" className="button button--small button--secondary" onClick={() => setDialog({ kind: 'edit', user: u })}>
                          {t('admin.edit')}
                        </button>
                        <button type="button" className="button button--small button--secondary" onClick={() => setDialog({ kind: 'reset', user: u })}>
                          {t('admin.users.resetPassword')}
                        </button>
                        {self ? null : (
                          <button
                            type="button"
                            className={`button button--small ${u.disabled ? 'button--secondary' : 'button--danger'}`}
                            onClick={() => setDialog({ kind: 'toggle', user: u })}
                          >
                            {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserFormDialog user={dialog.kind === 'edit' ? dialog.user : null} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'reset' ? <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'toggle' ? <ToggleDisabledDialog user={dialog.user} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}

function TemporaryPasswordNotice({ lead, username, password }: { lead: string; username: string; password: string }) {
  const { t } = useI18n();
  return (
    <div className="notice" role="status">
      <p>{lead}</p>
      <dl className="credentials">
        <div>
          <dt>{t('admin.users.username')}</dt>
          <dd className="mono">{username}</dd>
        </div>
        <div>
          <dt>{t('admin.users.temporaryPasswordLabel')}</dt>
          <dd className="mono" data-testid="temporary-password">
            {password}
          </dd>
        </div>
      </dl>
      <p className="muted">{t('admin.users.shownOnce')}</p>
    </div>
  );
}

function UserFormDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const units = useUnitOptions();
  const myRole = useMe().role;
  const editing = user !== null;

  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'school_chair');
  const [orgUnitId, setOrgUnitId] = useState<string>(user ? String(user.orgUnitId) : '');
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // City accounts sit on the city union; only the city admin creates them.
  const unitsFor = (r: Role) => (r === 'school_chair' ? units.schools : r === 'cluster_reviewer' ? units.clusters : r === 'city_admin' || r === 'city_viewer' ? units.city : units.district);
  const options = unitsFor(role);
  const offeredRoles = roles.filter((r) => myRole === 'city_admin' || (r !== 'city_admin' && r !== 'city_viewer'));
  // District staff belong to the district: preselect it when there is only one.
  const effectiveUnit = orgUnitId || (isDistrict(role) && units.district.length === 1 ? String(units.district[0]!.id) : '');

  const onSaved = () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (_r, input) => {
        onSaved();
        setCreated({ username: input.username.trim().toLowerCase(), password: input.temporaryPassword });
      },
      onError: () => focusFirstInvalid(formRef.current),
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({ onSuccess: () => (onSaved(), onClose()), onError: () => focusFirstInvalid(formRef.current) }),
  );
  const pending = create.isPending || update.isPending;
  const error = describe(create.error ?? update.error);
  const fields = fieldErrorMap(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const unit = Number(effectiveUnit) || 0;
    if (editing) update.mutate({ id: user.id, displayName, role, orgUnitId: unit });
    else create.mutate({ username, displayName, role, orgUnitId: unit, temporaryPassword: password });
  };

  const title = editing ? t('admin.users.editTitle', { username: user.username }) : t('admin.users.createTitle');
  if (created) {
    return (
      <Modal title={title} onClose={onClose}>
        <TemporaryPasswordNotice lead={`${t('admin.users.created', { username: created.username })}${t('admin.users.tellPassword')}`} username={created.username} password={created.password} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('admin.close')}
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={title} onClose={onClose}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError error={error} shownFields={Object.keys(fields)} />
        {editing ? null : (
          <FormField label={t('admin.users.username')} hint={t('admin.users.usernameHint')} error={fields.username}>
            {(p) => (
              <input
                {...p}
                type="text"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={40}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </FormField>
        )}
        <FormField label={t('admin.users.displayName')} error={fields.displayName}>
          {(p) => <input {...p} type="text" autoComplete="off" maxLength={60} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}
        </FormField>
        <FormField label={t('admin.users.role')} error={fields.role}>
          {(p) => (
            <select
              {...p}
              value={role}
              onChange={(e) => {
                const next = e.target.value as Role;
                // A school does not fit a district role and the district does not fit a chair.
                if (options !== unitsFor(next)) setOrgUnitId('');
                setRole(next);
              }}
            >
              {offeredRoles.map((r) => (
                <option key={r} value={r}>
                  {label(roleLabels[r])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={role === 'school_chair' ? t('admin.users.orgUnitSchool') : t('admin.users.orgUnit')} error={fields.orgUnitId}>
          {(p) => (
            <select {...p} value={effectiveUnit} disabled={units.loading} onChange={(e) => setOrgUnitId(e.target.value)}>
              <option value="">{role === 'school_chair' ? t('admin.users.chooseSchool') : t('admin.users.chooseUnit')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {editing ? null : (
          <FormField label={t('admin.users.temporaryPassword')} hint={t('admin.users.temporaryPasswordHint')} error={fields.temporaryPassword}>
            {(p) => (
              <div className="input-with-button">
                <input
                  {...p}
                  type="text"
                  className="mono"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={128}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
                <button type="button" className="button button--secondary" onClick={() => setPassword(generateTemporaryPassword())}>
                  {t('admin.generate')}
                </button>
              </div>
            )}
          </FormField>
        )}
        <DialogActions pending={pending} onCancel={onClose} />
      </form>
    </Modal>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const [password] = useState(generateTemporaryPassword);
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }) }),
  );
  const name = `${user.displayName}（${user.username}）`;
  return (
    <Modal title={t('admin.users.resetTitle', { name })} onClose={onClose} className="modal--narrow">
      {reset.isSuccess ? (
        <>
          <TemporaryPasswordNotice lead={t('admin.users.resetDone', { name })} username={user.username} password={password} />
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('admin.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="modal__text">{t('admin.users.resetBody')}</p>
          <FormError error={describe(reset.error)} />
          <div className="form-actions">
            <button type="button" className="button" disabled={reset.isPending} onClick={() => reset.mutate({ id: user.id, temporaryPassword: password })}>
              {reset.isPending ? t('admin.saving') : t('admin.users.resetPassword')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('admin.cancel')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

function ToggleDisabledDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const disabling = !user.disabled;
  const toggle = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
    }),
  );
  const name = `${user.displayName}（${user.username}）`;
  return (
    <Modal title={disabling ? t('admin.users.disableTitle', { name }) : t('admin.users.enableTitle', { name })} onClose={onClose} className="modal--narrow">
      <p className="modal__text">{disabling ? t('admin.users.disableBody') : t('admin.users.enableBody')}</p>
      <FormError error={describe(toggle.error)} />
      <div className="form-actions">
        <button
          type="button"
          className={disabling ? 'button button--danger' : 'button'}
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ id: user.id, disabled: disabling })}
        >
          {toggle.isPending ? t('admin.saving') : disabling ? t('admin.users.disable') : t('admin.users.enable')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('admin.cancel')}
        </button>
      </div>
    </Modal>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { schoolTypeLabels, schoolTypes, type SchoolType } from '@union/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { fieldErrorMap, focusFirstInvalid, FormError, FormField, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { unitsOfKind } from '../../ui/org-tree';

type School = RouterOutputs['schools']['list']['schools'][number];

interface ParentOption {
  id: number;
  name: string;
}

/** Clusters, then the district itself (a school directly under it belongs to no cluster). */
function useParentOptions(): { options: ParentOption[]; districtId: number | null; loading: boolean } {
  const { t } = useI18n();
  const trpc = useTRPC();
  const tree = useQuery({ ...trpc.schools.orgTree.queryOptions(), staleTime: 5 * 60_000 });
  if (!tree.data) return { options: [], districtId: null, loading: tree.isPending };
  const district = unitsOfKind(tree.data, 'district')[0] ?? null;
  const clusters = unitsOfKind(tree.data, 'cluster').map((c) => ({ id: c.id, name: c.name }));
  return {
    options: district ? [...clusters, { id: district.id, name: t('admin.schools.directUnder', { name: district.name }) }] : clusters,
    districtId: district?.id ?? null,
    loading: false,
  };
}

export function SchoolsAdminPage() {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const list = useQuery(trpc.schools.list.queryOptions({}));
  const [editing, setEditing] = useState<School | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle(t('admin.schools.title'));
  const n = new Intl.NumberFormat();

  return (
    <Page title={t('admin.schools.title')} lead={<p>{t('admin.schools.intro')}</p>}>
      <div className="toolbar toolbar--end">
        <button type="button" className="button" onClick={() => (setSaved(null), setEditing('new'))}>
          {t('admin.schools.create')}
        </button>
      </div>
      {saved ? (
        <p className="form-success" role="status">
          {t('admin.schools.saved', { name: saved })}
        </p>
      ) : null}

      {list.isPending ? (
        <LoadingState />
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.schools.length === 0 ? (
        <EmptyState title={t('admin.schools.empty')} />
      ) : (
        <section aria-labelledby="schools-admin-count">
          <p id="schools-admin-count" className="summary">
            {t('admin.schools.count', { count: list.data.schools.length })}
            <span className="summary__updating"> {t('admin.schools.inactiveNote')}</span>
          </p>
          <table className="data-table card-table schools-admin-table">
            <caption className="visually-hidden">{t('admin.schools.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.schools.code')}</th>
                <th scope="col">{t('admin.schools.name')}</th>
                <th scope="col">{t('admin.schools.type')}</th>
                <th scope="col">{t('admin.schools.parent')}</th>
                <th scope="col" className="num">
                  {t('admin.schools.staff')}
                </th>
                <th scope="col" className="num">
                  {t('admin.schools.members')}
                </th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.schools.map((s) => (
                <tr key={s.id}>
                  <td data-label={t('admin.schools.code')} className="mono">
                    {s.code}
                  </td>
                  <th scope="row">{s.name}</th>
                  <td data-label={t('admin.schools.type')}>{label(schoolTypeLabels[s.schoolType])}</td>
                  <td data-label={t('admin.schools.parent')}>{s.clusterName ?? t('schools.noCluster')}</td>
                  <td data-label={t('admin.schools.staff')} className="num">
                    {n.format(s.staffCount)}
                  </td>
                  <td data-label={t('admin.schools.members')} className="num">
                    {n.format(s.memberCount)}
                  </td>
                  <td className="actions-cell">
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      aria-label={`${t('admin.edit')}：${s.name}`}
                      onClick={() => (setSaved(null), setEditing(s))}
                    >
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {editing ? (
        <SchoolFormDialog
          school={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setSaved(name);
          }}
        />
      ) : null}
    </Page>
  );
}

const isCount = (s: string) => /^\d{1,6}$/.test(s.trim());

function SchoolFormDialog({ school, onClose, onSaved }: { school: School | null; onClose: () => void; onSaved: (name: string) => void }) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const parents = useParentOptions();
  const activeId = useId();
  const [values, setValues] = useState({
    code: school?.code ?? '',
    name: school?.name ?? '',
    schoolType: (school?.schoolType ?? '') as SchoolType | '',
    parentId: school ? String(school.clusterId ?? '') : '',
    staffCount: school ? String(school.staffCount) : '',
    memberCount: school ? String(school.memberCount) : '',
    active: true,
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // A listed school without a cluster sits directly under the district.
  const parentValue = values.parentId || (school && school.clusterId === null && parents.districtId ? String(parents.districtId) : '');

  const done = (name: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.schools.pathKey() });
    onSaved(name);
  };
  const onError = () => focusFirstInvalid(formRef.current);
  const create = useMutation(trpc.schools.create.mutationOptions({ onSuccess: (_r, input) => done(input.name), onError }));
  const update = useMutation(trpc.schools.update.mutationOptions({ onSuccess: (_r, input) => done(input.school.name), onError }));
  const pending = create.isPending || update.isPending;
  const error = describe(create.error ?? update.error);
  const serverFields = fieldErrorMap(error);
  const fieldError = (key: string) => clientErrors[key] ?? serverFields[key];

  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [key]: e.target instanceof HTMLInputElement && e.target.type === 'checkbox' ? e.target.checked : e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const problems: Record<string, string> = {};
    if (!values.code.trim()) problems.code = t('admin.schools.codeRequired');
    if (!values.name.trim()) problems.name = t('admin.schools.nameRequired');
    if (!values.schoolType) problems.schoolType = t('admin.schools.chooseType');
    if (!parentValue) problems.parentId = t('admin.schools.chooseParent');
    if (!isCount(values.staffCount)) problems.staffCount = t('admin.schools.integer');
    if (!isCount(values.memberCount)) problems.memberCount = t('admin.schools.integer');
    else if (isCount(values.staffCount) && Number(values.memberCount) > Number(values.staffCount)) problems.memberCount = t('admin.schools.membersTooMany');
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid(formRef.current);
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      schoolType: values.schoolType as SchoolType,
      parentId: Number(parentValue),
      staffCount: Number(values.staffCount),
      memberCount: Number(values.memberCount),
      active: values.active,
    };
    if (school) update.mutate({ id: school.id, school: input });
    else create.mutate(input);
  };

  return (
    <Modal title={school ? t('admin.schools.editTitle', { name: school.name }) : t('admin.schools.createTitle')} onClose={onClose}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError error={error} shownFields={Object.keys(serverFields)} />
        <div className="form-grid">
          <FormField label={t('admin.schools.code')} error={fieldError('code')}>
            {(p) => <input {...p} type="text" className="mono" autoComplete="off" maxLength={40} value={values.code} onChange={set('code')} />}
          </FormField>
          <FormField label={t('admin.schools.name')} error={fieldError('name')}>
            {(p) => <input {...p} type="text" autoComplete="off" maxLength={80} value={values.name} onChange={set('name')} />}
          </FormField>
          <FormField label={t('admin.schools.type')} error={fieldError('schoolType')}>
            {(p) => (
              <select {...p} value={values.schoolType} onChange={set('schoolType')}>
                <option value="">{t('admin.schools.chooseType')}</option>
                {schoolTypes.map((type) => (
                  <option key={type} value={type}>
                    {label(schoolTypeLabels[type])}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('admin.schools.parent')} error={fieldError('parentId')}>
            {(p) => (
              <select {...p} value={parentValue} disabled={parents.loading} onChange={set('parentId')}>
                <option value="">{t('admin.schools.chooseParent')}</option>
                {parents.options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('admin.schools.staff')} error={fieldError('staffCount')}>
            {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={6} value={values.staffCount} onChange={set('staffCount')} />}
          </FormField>
          <FormField label={t('admin.schools.members')} error={fieldError('memberCount')}>
            {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={6} value={values.memberCount} onChange={set('memberCount')} />}
          </FormField>
        </div>
        <div className="checkbox">
          <input id={activeId} type="checkbox" checked={values.active} onChange={set('active')} />
          <label htmlFor={activeId}>{t('admin.schools.active')}</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? t('admin.saving') : t('admin.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { groupSetLabels, localities, localityLabels, ownershipLabels, ownerships, schoolTypeLabels, schoolTypes, type Locality, type Ownership, type SchoolType } from '@union/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { fieldErrorMap, focusFirstInvalid, FormError, FormField, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { useParentOptions, type School } from './school-admin-shared';
import { DialogActions } from './DialogActions';

const isCount = (s: string) => /^\d{1,6}$/.test(s.trim());
const isYear = (s: string) => /^\d{4}$/.test(s.trim()) && Number(s) >= 1949 && Number(s) <= 2100;
const currentYear = new Date().getFullYear();

export function SchoolFormDialog({ school, onClose, onSaved }: { school: School | null; onClose: () => void; onSaved: (name: string) => void }) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const parents = useParentOptions();
  const [values, setValues] = useState({
    code: school?.code ?? '',
    name: school?.name ?? '',
    schoolType: (school?.schoolType ?? '') as SchoolType | '',
    parentId: school ? String(school.clusterId ?? '') : '',
    staffCount: school ? String(school.staffCount) : '',
    memberCount: school ? String(school.memberCount) : '',
    openedYear: school ? String(school.openedYear) : String(currentYear),
    closedYear: school?.closedYear ? String(school.closedYear) : '',
    locality: (school?.locality ?? '') as Locality | '',
    ownership: (school?.ownership ?? 'public') as Ownership,
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

  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

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
    if (!isYear(values.openedYear)) problems.openedYear = t('admin.schools.yearInvalid');
    if (values.closedYear.trim() && !isYear(values.closedYear)) problems.closedYear = t('admin.schools.yearInvalid');
    else if (isYear(values.openedYear) && values.closedYear.trim() && Number(values.closedYear) < Number(values.openedYear)) problems.closedYear = t('admin.schools.closedBeforeOpened');
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid(formRef.current);
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      schoolType: values.schoolType as SchoolType,
      parentId: Number(parentValue),
      staffCount: Number(values.staffCount),
      memberCount: Number(values.memberCount),
      openedYear: Number(values.openedYear),
      closedYear: values.closedYear.trim() ? Number(values.closedYear) : null,
      locality: values.locality || null,
      ownership: values.ownership,
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
          <FormField label={t('admin.schools.openedYear')} error={fieldError('openedYear')}>
            {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={4} value={values.openedYear} onChange={set('openedYear')} />}
          </FormField>
          <FormField label={t('admin.schools.closedYear')} hint={t('admin.schools.closedYearHint')} error={fieldError('closedYear')}>
            {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={4} value={values.closedYear} onChange={set('closedYear')} />}
          </FormField>
          <FormField label={label(groupSetLabels.locality)} error={fieldError('locality')}>
            {(p) => (
              <select {...p} value={values.locality} onChange={set('locality')}>
                <option value="">{label({ zh: '未填写', en: 'Not recorded' })}</option>
                {localities.map((l) => (
                  <option key={l} value={l}>
                    {label(localityLabels[l])}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={label(groupSetLabels.ownership)} error={fieldError('ownership')}>
            {(p) => (
              <select {...p} value={values.ownership} onChange={set('ownership')}>
                {ownerships.map((o) => (
                  <option key={o} value={o}>
                    {label(ownershipLabels[o])}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <DialogActions pending={pending} onCancel={onClose} />
      </form>
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { fieldErrorMap, focusFirstInvalid, FormError, FormField, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import type { School } from './school-admin-shared';
import { DialogActions } from './DialogActions';

const isYear = (s: string) => /^\d{4}$/.test(s.trim()) && Number(s) >= 1949 && Number(s) <= 2100;

/** "This school was merged into … in year …": the school closes after the year before; the new school's trends carry it. */
export function MergeDialog({ school, schools, onClose, onSaved }: { school: School; schools: School[]; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const formRef = useRef<HTMLFormElement>(null);
  const [successorId, setSuccessorId] = useState('');
  const [year, setYear] = useState(school.closedYear !== null ? String(school.closedYear + 1) : '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const merge = useMutation(
    trpc.schools.recordMerge.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.schools.pathKey() });
        onSaved(school.name);
      },
      onError: () => focusFirstInvalid(formRef.current),
    }),
  );
  const error = describe(merge.error);
  const serverFields = fieldErrorMap(error);
  const fieldError = (key: string) => clientErrors[key] ?? serverFields[key];
  const candidates = schools.filter((s) => s.id !== school.id && s.closedYear === null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (merge.isPending) return;
    const problems: Record<string, string> = {};
    if (!successorId) problems.successorId = t('admin.schools.chooseSuccessor');
    if (!isYear(year)) problems.year = t('admin.schools.yearInvalid');
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) return focusFirstInvalid(formRef.current);
    merge.mutate({ predecessorId: school.id, successorId: Number(successorId), year: Number(year) });
  };

  return (
    <Modal title={t('admin.schools.mergeTitle', { name: school.name })} onClose={onClose}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <p>{t('admin.schools.mergeIntro')}</p>
        <FormError error={error} shownFields={Object.keys(serverFields)} />
        <div className="form-grid">
          <FormField label={t('admin.schools.successor')} error={fieldError('successorId')}>
            {(p) => (
              <select {...p} value={successorId} onChange={(e) => setSuccessorId(e.target.value)}>
                <option value="">{t('admin.schools.chooseSuccessor')}</option>
                {candidates.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('admin.schools.mergeYear')} hint={t('admin.schools.mergeYearHint')} error={fieldError('year')}>
            {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="off" maxLength={4} value={year} onChange={(e) => setYear(e.target.value)} />}
          </FormField>
        </div>
        <DialogActions pending={merge.isPending} onCancel={onClose} submitLabel={t('admin.schools.mergeSave')} />
      </form>
    </Modal>
  );
}

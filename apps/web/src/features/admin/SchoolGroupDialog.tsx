import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTRPC, useTRPCClient, type RouterOutputs } from '../../app/trpc';
import { useI18n } from '../../i18n';
import { fieldErrorMap, focusFirstInvalid, FormError, FormField, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { DialogActions } from './DialogActions';
import type { School } from './school-admin-shared';
import { schoolGroupsEn, schoolGroupsZh } from './school-groups-messages';

export type SchoolGroup = RouterOutputs['schoolGroups']['list'][number];

/** Name, description and member schools of one district group (new when `group` is null). */
export function SchoolGroupDialog({ group, schools, onClose, onSaved }: { group: SchoolGroup | null; schools: School[]; onClose: () => void; onSaved: (name: string) => void }) {
  const { language } = useI18n();
  const m = language === 'en' ? schoolGroupsEn : schoolGroupsZh;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [members, setMembers] = useState<Set<number>>(new Set(group?.schoolIds ?? []));
  const [clientError, setClientError] = useState<string | null>(null);
  // Saving the group and its members: two calls, the second only when the first succeeded.
  const save = useMutation({
    mutationFn: async () => {
      const { id } = await client.schoolGroups.save.mutate({ ...(group ? { id: group.id } : {}), groupName: name.trim(), description: description.trim() });
      await client.schoolGroups.setMembers.mutate({ id, schoolIds: [...members] });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.schoolGroups.pathKey() });
      onSaved(name.trim());
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const error = describe(save.error);
  const serverFields = fieldErrorMap(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    if (!name.trim()) {
      setClientError(m.nameRequired);
      return focusFirstInvalid(formRef.current);
    }
    setClientError(null);
    save.mutate();
  };
  const toggle = (id: number) =>
    setMembers((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Modal title={group ? m.editTitle(group.name) : m.createTitle} onClose={onClose}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError error={error} shownFields={Object.keys(serverFields)} />
        <div className="form-grid">
          <FormField label={m.name} error={clientError ?? serverFields.groupName}>
            {(p) => <input {...p} type="text" autoComplete="off" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />}
          </FormField>
          <FormField label={m.description} error={serverFields.description}>
            {(p) => <input {...p} type="text" autoComplete="off" maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />}
          </FormField>
        </div>
        <fieldset className="group-members">
          <legend>
            {m.members} · {m.memberCount(members.size)}
          </legend>
          <div className="group-members__list">
            {schools.map((s) => (
              <label key={s.id} className="checkbox">
                <input type="checkbox" checked={members.has(s.id)} onChange={() => toggle(s.id)} />
                <span data-user-content>{s.name}</span>
                {s.closedYear !== null ? <span className="muted">{m.closed}</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
        <DialogActions pending={save.isPending} onCancel={onClose} />
      </form>
    </Modal>
  );
}

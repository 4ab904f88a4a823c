import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Indicator, RubricV2, RubricV2ItemKind } from '@union/domain';
import { useMemo, useRef, useState } from 'react';
import { useTRPC } from '../../../app/trpc';
import { focusFirstInvalid, useDescribeError } from '../../../ui/form';
import { Modal } from '../../../ui/Modal';
import { formatPoints, useRubricCopy } from '../messages';
import { CategorySection } from './CategorySection';
import { checkDraft, definitionPath, draftMaximum, errorKey, newCategory, newItem, toDefinition, toDraft, type Draft, type DraftErrors, type DraftItem } from './draft';
import { NumberField, TextField } from './fields';
import { MaximumPanel } from './MaximumPanel';
import { useEditorCopy } from './messages';
import { RatersStars } from './RatersStars';
import { TemplatePicker } from './TemplatePicker';
import './editor.css';
import { moveWithinCategory } from '../item-order';

const noErrors: DraftErrors = { byKey: {}, all: [] };

/**
 * The v2 考核评估表 editor: categories with caps, items of every kind, raters
 * with weights, stars; the live maximum as you type; the domain's checks
 * (Chinese, beside each field) before the server's; templates to start from.
 */
export function RubricV2Editor({ year, rubric, catalogue, canEdit, onSaved }: { year: number; rubric: RubricV2; catalogue: Indicator[]; canEdit: boolean; onSaved: (rescored: number) => void }) {
  const { e } = useEditorCopy();
  const { c } = useRubricCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const [draft, setDraft] = useState<Draft>(() => toDraft(rubric));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<DraftErrors>(noErrors);
  const [confirm, setConfirm] = useState<RubricV2 | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const templates = useQuery({ ...trpc.rubric.templates.queryOptions({ year }), enabled: canEdit, staleTime: 10 * 60_000 });
  const maximum = useMemo(() => draftMaximum(draft), [draft]);

  const change = (fn: (d: Draft) => Draft) => {
    setDraft(fn);
    setDirty(true);
    setNotice(null);
  };
  const setItem = (item: DraftItem) => change((d) => ({ ...d, items: d.items.map((i) => (i.key === item.key ? item : i)) }));
  const moveItem = (key: string, dir: -1 | 1) => change((d) => ({ ...d, items: [...moveWithinCategory(d.items, key, dir)] }));

  const save = useMutation({
    ...trpc.rubric.saveDefinition.mutationOptions(),
    onSuccess: async (result) => {
      setConfirm(null);
      setDirty(false);
      // The page says 已保存: this editor is remounted with the saved rubric once the queries refetch.
      setNotice(null);
      onSaved(result.rescored);
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.rubric.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() })]);
    },
    onError: (error) => {
      setConfirm(null);
      const described = describe(error);
      const sent = toDefinition(draft);
      const next: DraftErrors = { byKey: {}, all: [] };
      for (const f of described?.fieldErrors ?? []) {
        next.byKey[errorKey(definitionPath(f.path), sent)] ??= f.message;
        next.all.push(f.message);
      }
      if (!described?.fieldErrors.length && described) next.all.push(described.message);
      setErrors(next);
      focusFirstInvalid(formRef.current);
    },
  });

  const submit = () => {
    const checked = checkDraft(draft, c.numberRequired);
    setErrors(checked.errors);
    if (!checked.value) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setConfirm(checked.value);
  };

  const order = draft.categories;
  return (
    <form
      ref={formRef}
      className="rubric-editor editor-v2"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        if (canEdit) submit();
      }}
    >
      {canEdit ? (
        <TemplatePicker
          query={templates}
          onLoad={(t) => {
            setDraft(toDraft(t.rubric));
            setDirty(true);
            setErrors(noErrors);
            setNotice(e.templateLoaded(t.name));
          }}
        />
      ) : null}
      {notice ? (
        <p className="form-success" role="status">
          {notice}
        </p>
      ) : null}
      <fieldset className="rubric-fieldset" disabled={!canEdit}>
        <div className="form-grid">
          <TextField label={e.tableTitle} value={draft.titleZh} maxLength={100} error={errors.byKey['form']} onChange={(v) => change((d) => ({ ...d, titleZh: v }))} className="editor-wide" />
          <NumberField label={e.totalPoints} min={0} value={draft.totalPoints} error={errors.byKey.total} onChange={(n) => change((d) => ({ ...d, totalPoints: n ?? Number.NaN }))} />
        </div>
        <h2 className="rubric-group__title">{e.categories}</h2>
        {order.map((category, index) => (
          <CategorySection
            key={category.key}
            category={category}
            number={index + 1}
            items={draft.items.filter((i) => i.category === category.id)}
            categories={draft.categories}
            catalogue={catalogue}
            maximum={maximum.categories[index]}
            errors={errors.byKey}
            onChange={(next) =>
              change((d) => ({
                ...d,
                categories: d.categories.map((x) => (x.key === next.key ? next : x)),
              }))
            }
            onRemove={() => change((d) => ({ ...d, categories: d.categories.filter((x) => x.key !== category.key) }))}
            onAddItem={(kind: RubricV2ItemKind) => change((d) => ({ ...d, items: [...d.items, newItem(d, category.id, kind, c.newItemTitle)] }))}
            onItemChange={setItem}
            onItemMove={moveItem}
            onItemRemove={(key) => change((d) => ({ ...d, items: d.items.filter((i) => i.key !== key) }))}
          />
        ))}
        <button type="button" className="button button--secondary" disabled={draft.categories.length >= 30} onClick={() => change((d) => ({ ...d, categories: [...d.categories, newCategory(d, e.newCategoryTitle)] }))}>
          + {e.addCategory}
        </button>
        <RatersStars draft={draft} errors={errors.byKey} change={change} />
      </fieldset>

      <div className="rubric-footer editor-footer" data-dirty={dirty || undefined}>
        <MaximumPanel maximum={maximum} totalPoints={draft.totalPoints} />
        {canEdit ? (
          <div className="rubric-footer__actions">
            {dirty ? <span className="muted">{c.unsaved}</span> : null}
            {dirty ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setDraft(toDraft(rubric));
                  setDirty(false);
                  setErrors(noErrors);
                }}
              >
                {c.reset}
              </button>
            ) : null}
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? c.saving : c.save}
            </button>
          </div>
        ) : null}
      </div>
      {errors.all.length ? (
        <div className="form-error" role="alert" tabIndex={-1}>
          <p className="form-error__title">{c.checkFailed}</p>
          <ul>
            {errors.all.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {confirm ? (
        <Modal title={c.confirmTitle} onClose={() => setConfirm(null)} className="modal--narrow">
          <p className="modal__text">{e.confirmBody(year)}</p>
          <p className="modal__text">
            {e.maxBase(formatPoints(maximum.base))} · {e.maxWithBonus(maximum.withBonus === null ? null : formatPoints(maximum.withBonus))}
          </p>
          <div className="form-actions">
            <button type="button" className="button" data-autofocus disabled={save.isPending} onClick={() => save.mutate({ year, definition: confirm })}>
              {save.isPending ? c.saving : c.confirmSave}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirm(null)}>
              {c.cancel}
            </button>
          </div>
        </Modal>
      ) : null}
    </form>
  );
}

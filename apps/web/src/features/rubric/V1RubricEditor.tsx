// The v1 考核评估表 editor (automatic items on the report's figures), split from RubricPage.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { categoryCodes, categoryLabels, honourLevelLabels, honourLevels, rubricSchema, type CategoryCode, type HonourLevel, type Indicator, type Rubric } from '@union/domain';
import { useMemo, useRef, useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { FormField, focusFirstInvalid, useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import { draftTotal, fromDraft, keyError, methodKinds, newItem, splitPath, toDraft, type Draft, type DraftItem, type MethodKind } from './draft';
import { formatPoints, starName, useRubricCopy } from './messages';
import './rubric.css';
import { moveWithinCategory } from './item-order';

type RubricView = RouterOutputs['rubric']['get'];

export function RubricEditor({
  year,
  view,
  catalogue,
  saved,
  onSaved,
  onEdit,
  canEdit,
}: {
  year: number;
  view: RubricView;
  /** Whether this caller may save the year's rubric (rubric.definition's mayEdit: under a city, the city admin). */
  canEdit: boolean;
  catalogue: Indicator[];
  saved: number | null;
  onSaved: (rescored: number) => void;
  onEdit: () => void;
}) {
  const { c, label, labelKey } = useRubricCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const initial = useMemo(() => toDraft(view.rubric), [view.rubric]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<Rubric | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const save = useMutation({
    ...trpc.rubric.save.mutationOptions(),
    onSuccess: async (result) => {
      setConfirm(null);
      onSaved(result.rescored);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.rubric.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
      ]);
    },
    onError: (error) => {
      setConfirm(null);
      const described = describe(error);
      const { items } = fromDraft(draft);
      const next: Record<string, string> = {};
      const rest: string[] = [];
      for (const f of described?.fieldErrors ?? []) {
        const key = keyError(splitPath(f.path), items);
        const message = f.message.replace(/^[^：:]{1,24}[：:]\s*/, '');
        if (key === 'form' || key === 'stars') rest.push(f.message);
        else next[key] ??= message;
      }
      if (!described?.fieldErrors.length && described) rest.push(described.message);
      setErrors(next);
      setFormErrors(rest);
      focusFirstInvalid(formRef.current);
    },
  });

  const byCode = useMemo(() => new Map(catalogue.map((i) => [i.code, i])), [catalogue]);
  const total = draftTotal(draft);
  const totalOk = Math.abs(total - draft.totalPoints) < 1e-9;

  const change = (fn: (d: Draft) => Draft) => {
    setDraft(fn);
    setDirty(true);
    onEdit();
  };
  const updateItem = (key: string, patch: Partial<DraftItem>) => {
    change((d) => ({ ...d, items: d.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) }));
    const fields = Object.keys(patch);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k.startsWith(`item:${key}:`) && (fields.includes(k.split(':')[2]!) || k.endsWith(':method'))))));
  };
  const move = (key: string, dir: -1 | 1) => change((d) => ({ ...d, items: [...moveWithinCategory(d.items, key, dir)] }));

  const submit = () => {
    setErrors({});
    setFormErrors([]);
    const { items, value } = fromDraft(draft);
    const parsed = rubricSchema.safeParse(value);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      const rest: string[] = [];
      for (const issue of parsed.error.issues) {
        const key = keyError(issue.path as (string | number)[], items);
        const message = issue.code === 'invalid_type' ? c.numberRequired : issue.message;
        if (key === 'form' || key === 'stars') rest.push(issue.message);
        else next[key] ??= message;
      }
      setErrors(next);
      setFormErrors(rest);
      focusFirstInvalid(formRef.current);
      return;
    }
    setConfirm(parsed.data);
  };

  const err = (item: DraftItem, field: string) => errors[`item:${item.key}:${field}`] ?? null;
  const indicatorSelect = (item: DraftItem, field: 'indicator' | 'numerator' | 'denominator', labelText: string) => (
    <FormField label={labelText} error={err(item, field) ?? (field === 'indicator' ? err(item, 'method') : null)}>
      {(props) => (
        <select {...props} value={item[field]} onChange={(e) => updateItem(item.key, { [field]: e.target.value })}>
          <option value="">{c.chooseIndicator}</option>
          {item[field] && !byCode.has(item[field]) ? <option value={item[field]}>{c.unknownIndicator(item[field])}</option> : null}
          {categoryCodes.map((cat) => {
            const inCat = catalogue.filter((i) => i.category === cat);
            return inCat.length ? (
              <optgroup key={cat} label={label(categoryLabels[cat])}>
                {inCat.map((i) => (
                  <option key={i.code} value={i.code}>
                    {labelKey === 'en' ? i.nameEn : i.nameZh}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
      )}
    </FormField>
  );
  const targetLabel = (kind: MethodKind) =>
    kind === 'rate_per_100_staff' ? c.targetPer100 : kind === 'ratio_to_target' ? c.targetRatio : kind === 'honours' ? c.targetHonours : kind === 'narrative_evidence' ? c.targetMentions : c.target;

  const groups = categoryCodes.map((category) => ({ category, items: draft.items.filter((i) => i.category === category) }));
  const totalText = formatPoints(total);
  const ofText = formatPoints(draft.totalPoints);

  return (
    <form
      ref={formRef}
      className="rubric-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (canEdit) submit();
      }}
    >
      <div className="rubric-meta">
        {view.isDefault ? <span className="badge rubric-badge">{c.defaultBadge}</span> : null}
        {view.updatedAt ? <span className="muted">{c.updatedAt(formatDateTime(String(view.updatedAt), labelKey))}</span> : null}
      </div>
      {!canEdit ? <p className="notice">{c.viewerNote}</p> : null}
      {saved !== null ? (
        <p className="form-success" role="status">
          {c.saved(saved)}
        </p>
      ) : null}

      <fieldset className="rubric-fieldset" disabled={!canEdit}>
        {groups.map(({ category, items }) => {
          const catName = label(categoryLabels[category as CategoryCode]);
          const catPoints = items.reduce((s, i) => s + (Number.isFinite(Number(i.points)) ? Number(i.points) : 0), 0);
          if (!canEdit && items.length === 0) return null;
          return (
            <section key={category} className="rubric-group" aria-labelledby={`rubric-cat-${category}`}>
              <h2 id={`rubric-cat-${category}`} className="rubric-group__title">
                {catName}
                <span className="muted rubric-group__meta">
                  {c.itemsCount(items.length)} · {c.categoryPoints(formatPoints(catPoints))}
                </span>
              </h2>
              {items.length === 0 ? <p className="muted">{c.noItems}</p> : null}
              <ol className="rubric-items">
                {items.map((item, index) => {
                  const title = item.titleZh || c.itemNumber(draft.items.indexOf(item) + 1);
                  return (
                    <li key={item.key} className="rubric-item panel" data-item={item.id}>
                      <div className="rubric-item__head">
                        <FormField label={c.itemTitle} error={err(item, 'titleZh') ?? err(item, 'id')} className="rubric-item__title">
                          {(props) => <input {...props} value={item.titleZh} maxLength={100} lang="zh-CN" onChange={(e) => updateItem(item.key, { titleZh: e.target.value })} />}
                        </FormField>
                        <FormField label={c.points} error={err(item, 'points')} className="rubric-item__points">
                          {(props) => (
                            <input
                              {...props}
                              aria-label={`${c.points}：${title}`}
                              type="number"
                              inputMode="decimal"
                              min={0}
                              max={100}
                              step="any"
                              value={item.points}
                              onChange={(e) => updateItem(item.key, { points: e.target.value })}
                            />
                          )}
                        </FormField>
                      </div>
                      <div className="form-grid rubric-item__method">
                        <FormField label={c.method} hint={c.methodHints[item.kind]}>
                          {(props) => (
                            <select {...props} value={item.kind} onChange={(e) => updateItem(item.key, { kind: e.target.value as MethodKind })}>
                              {methodKinds.map((k) => (
                                <option key={k} value={k}>
                                  {c.methodNames[k]}
                                </option>
                              ))}
                            </select>
                          )}
                        </FormField>
                        {item.kind === 'reach_target' || item.kind === 'linear_to_target' || item.kind === 'rate_per_100_staff' ? indicatorSelect(item, 'indicator', c.indicator) : null}
                        {item.kind === 'ratio_to_target' ? (
                          <>
                            {indicatorSelect(item, 'numerator', c.numerator)}
                            {indicatorSelect(item, 'denominator', c.denominator)}
                          </>
                        ) : null}
                        {item.kind === 'honours' ? (
                          <FormField label={c.minLevel}>
                            {(props) => (
                              <select {...props} value={item.minLevel} onChange={(e) => updateItem(item.key, { minLevel: e.target.value as HonourLevel })}>
                                {honourLevels.map((l) => (
                                  <option key={l} value={l}>
                                    {label(honourLevelLabels[l])}
                                  </option>
                                ))}
                              </select>
                            )}
                          </FormField>
                        ) : null}
                        {item.kind === 'narrative_evidence' ? (
                          <FormField label={c.keywords} hint={c.keywordsHint} error={err(item, 'keywords')}>
                            {(props) => <input {...props} value={item.keywords} lang="zh-CN" onChange={(e) => updateItem(item.key, { keywords: e.target.value })} />}
                          </FormField>
                        ) : null}
                        <FormField label={targetLabel(item.kind)} error={err(item, 'target') ?? (item.kind === 'ratio_to_target' || item.kind === 'honours' || item.kind === 'narrative_evidence' ? err(item, 'method') : null)}>
                          {(props) => (
                            <input {...props} type="number" inputMode="decimal" min={0} step="any" value={item.target} onChange={(e) => updateItem(item.key, { target: e.target.value })} />
                          )}
                        </FormField>
                      </div>
                      {canEdit ? (
                        <div className="rubric-item__actions">
                          <button type="button" className="button button--small button--secondary" aria-label={c.moveUp(title)} disabled={index === 0} onClick={() => move(item.key, -1)}>
                            ↑ {c.up}
                          </button>
                          <button type="button" className="button button--small button--secondary" aria-label={c.moveDown(title)} disabled={index === items.length - 1} onClick={() => move(item.key, 1)}>
                            ↓ {c.down}
                          </button>
                          <button
                            type="button"
                            className="button button--small button--danger"
                            aria-label={c.remove(title)}
                            onClick={() => change((d) => ({ ...d, items: d.items.filter((i) => i.key !== item.key) }))}
                          >
                            {c.delete}
                          </button>
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              {canEdit ? (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-label={c.addItemTo(catName)}
                  onClick={() => change((d) => ({ ...d, items: [...d.items, newItem(d, category, c.newItemTitle)] }))}
                >
                  + {c.addItem}
                </button>
              ) : null}
            </section>
          );
        })}

        <section className="rubric-group" aria-labelledby="rubric-stars">
          <h2 id="rubric-stars" className="rubric-group__title">
            {c.starsTitle}
          </h2>
          <p className="muted">{c.starsIntro}</p>
          <div className="form-grid rubric-stars">
            {draft.starLevels.map((s, i) => (
              <FormField key={s.stars} label={c.starMin(starName(s.stars, labelKey))} error={errors[`star:${i}`] ?? null}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={draft.totalPoints}
                    step="any"
                    value={s.minScore}
                    onChange={(e) => change((d) => ({ ...d, starLevels: d.starLevels.map((x, j) => (j === i ? { ...x, minScore: e.target.value } : x)) }))}
                  />
                )}
              </FormField>
            ))}
          </div>
        </section>
      </fieldset>

      <div className="rubric-footer" data-dirty={dirty || undefined}>
        <p className={`rubric-total${totalOk ? '' : ' rubric-total--wrong'}`} aria-live="polite" data-testid="rubric-total">
          <strong>{c.total(totalText, ofText)}</strong>
          {!totalOk ? <span className="rubric-total__why">{c.totalWrong(totalText, ofText)}</span> : null}
        </p>
        {canEdit ? (
          <div className="rubric-footer__actions">
            {dirty ? <span className="muted">{c.unsaved}</span> : null}
            {dirty ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setDraft(toDraft(view.rubric));
                  setDirty(false);
                  setErrors({});
                  setFormErrors([]);
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
      {formErrors.length || Object.keys(errors).length ? (
        <div className="form-error" role="alert" tabIndex={-1}>
          <p className="form-error__title">{c.checkFailed}</p>
          <ul>
            {[...formErrors, ...Object.values(errors)].map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {confirm ? (
        <Modal title={c.confirmTitle} onClose={() => setConfirm(null)} className="modal--narrow">
          <p className="modal__text">{c.confirmBody(year)}</p>
          <div className="form-actions">
            <button type="button" className="button" data-autofocus disabled={save.isPending} onClick={() => save.mutate({ year, rubric: confirm })}>
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

import type { Indicator, RubricV2ItemKind } from '@union/domain';
import { itemOfKind, type DraftCategory, type DraftItem } from './draft';
import { NumberField, SelectField, TextField } from './fields';
import { BonusFields, DeductionFields, EvidenceFields, VetoFields } from './KindFields';
import { MethodFields } from './MethodFields';
import { useEditorCopy } from './messages';
import { useRubricCopy } from '../messages';

const kinds: readonly RubricV2ItemKind[] = ['automatic', 'manual', 'deduction', 'bonus', 'veto'];

/** One item of any kind: title, scoring kind, category, points, then the kind's own fields. */
export function ItemEditor({
  item,
  number,
  categories,
  catalogue,
  errors,
  onChange,
  onMove,
  onRemove,
  first,
  last,
}: {
  item: DraftItem;
  /** 「第 n 项」 within its category. */
  number: number;
  categories: DraftCategory[];
  catalogue: Indicator[];
  errors: Record<string, string>;
  onChange: (item: DraftItem) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}) {
  const { e } = useEditorCopy();
  const { c } = useRubricCopy();
  const error = (field: string) => errors[`item:${item.key}:${field}`];
  const patch = (p: Partial<DraftItem>) => onChange({ ...item, ...p } as DraftItem);
  const title = item.titleZh || `#${number}`;
  return (
    <li className="rubric-item panel editor-item" data-item={item.id} data-kind={item.kind}>
      <div className="rubric-item__head">
        <span className="editor-item__number" aria-hidden="true">
          {number}
        </span>
        <TextField label={c.itemTitle} value={item.titleZh} maxLength={100} error={error('titleZh') ?? error('id')} onChange={(v) => patch({ titleZh: v })} className="rubric-item__title" />
        {item.kind === 'automatic' || item.kind === 'manual' || item.kind === 'deduction' ? (
          <NumberField label={c.points} min={0} value={item.points} error={error('points') ?? error('')} onChange={(n) => patch({ points: n ?? Number.NaN })} className="rubric-item__points" />
        ) : null}
      </div>
      <div className="form-grid">
        <SelectField label={e.itemKind} value={item.kind} options={kinds.map((k) => ({ value: k, label: e.kinds[k] }))} onChange={(k) => onChange(itemOfKind(k, item))} />
        <SelectField label={e.itemCategory} value={item.category} error={error('category')} options={categories.map((c) => ({ value: c.id, label: c.titleZh || c.id }))} onChange={(v) => patch({ category: v })} />
      </div>
      {item.kind === 'automatic' ? <MethodFields method={item.method} catalogue={catalogue} error={error} onChange={(m) => patch({ method: m })} /> : null}
      {item.kind === 'manual' ? (
        <div className="form-grid">
          <TextField label={e.forfeit} value={item.forfeitZh} maxLength={200} error={error('forfeitZh')} onChange={(v) => patch({ forfeitZh: v })} />
        </div>
      ) : null}
      {item.kind === 'deduction' ? <DeductionFields item={item} error={error} onChange={patch} /> : null}
      {item.kind === 'bonus' ? <BonusFields item={item} error={error} onChange={patch} /> : null}
      {item.kind === 'veto' ? <VetoFields item={item} error={error} onChange={patch} /> : null}
      {item.kind !== 'automatic' ? (
        <div className="form-grid">
          <EvidenceFields item={item} error={error} onChange={patch} />
        </div>
      ) : null}
      <div className="form-grid">
        <TextField label={e.note} value={item.noteZh} maxLength={500} error={error('noteZh')} onChange={(v) => patch({ noteZh: v })} className="editor-wide" />
      </div>
      <div className="rubric-item__actions">
        <button type="button" className="button button--small button--secondary" aria-label={e.moveUp(title)} disabled={first} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="button button--small button--secondary" aria-label={e.moveDown(title)} disabled={last} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="button button--small button--danger" aria-label={e.remove(title)} onClick={onRemove}>
          {c.delete}
        </button>
      </div>
    </li>
  );
}

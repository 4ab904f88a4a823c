import type { CategoryMaximum, Indicator, RubricV2ItemKind } from '@union/domain';
import { useState } from 'react';
import { formatPoints } from '../messages';
import type { DraftCategory, DraftItem } from './draft';
import { NumberField, SelectField, TextField } from './fields';
import { ItemEditor } from './ItemEditor';
import { useEditorCopy } from './messages';

const kinds: readonly RubricV2ItemKind[] = ['manual', 'deduction', 'bonus', 'automatic', 'veto'];

/** A category (一级指标): title, base or bonus, cap, its live maximum, its items and adding one of any kind. */
export function CategorySection({
  category,
  number,
  items,
  categories,
  catalogue,
  maximum,
  errors,
  onChange,
  onRemove,
  onAddItem,
  onItemChange,
  onItemMove,
  onItemRemove,
}: {
  category: DraftCategory;
  number: number;
  items: DraftItem[];
  categories: DraftCategory[];
  catalogue: Indicator[];
  maximum: CategoryMaximum | undefined;
  errors: Record<string, string>;
  onChange: (c: DraftCategory) => void;
  onRemove: () => void;
  onAddItem: (kind: RubricV2ItemKind) => void;
  onItemChange: (item: DraftItem) => void;
  onItemMove: (key: string, dir: -1 | 1) => void;
  onItemRemove: (key: string) => void;
}) {
  const { e } = useEditorCopy();
  const [kind, setKind] = useState<RubricV2ItemKind>('manual');
  const error = (field: string) => errors[`cat:${category.key}:${field}`];
  const headingId = `cat-${category.key}`;
  const title = category.titleZh || `#${number}`;
  return (
    <section className="rubric-group editor-category" aria-labelledby={headingId} data-category={category.id}>
      <h3 id={headingId} className="rubric-group__title">
        <span>
          {number}. <span data-user-content="">{category.titleZh}</span>
        </span>
        {maximum ? (
          <span className="muted rubric-group__meta" data-testid={`category-max-${category.id}`}>
            {e.categoryMax(formatPoints(maximum.base), maximum.withBonus === null ? null : formatPoints(maximum.withBonus))}
          </span>
        ) : null}
      </h3>
      <div className="form-grid editor-category__fields">
        <TextField label={e.categoryTitle} value={category.titleZh} maxLength={50} error={error('titleZh') ?? error('id')} onChange={(v) => onChange({ ...category, titleZh: v })} />
        <SelectField label={e.categoryKind} value={category.kind} options={(['base', 'bonus'] as const).map((k) => ({ value: k, label: e.categoryKinds[k] }))} onChange={(k) => onChange({ ...category, kind: k })} />
        <NumberField label={e.categoryCap} hint={e.capHint} min={0} nullable value={category.cap} error={error('cap')} onChange={(n) => onChange({ ...category, cap: n })} />
      </div>
      <ol className="rubric-items">
        {items.map((item, i) => (
          <ItemEditor
            key={item.key}
            item={item}
            number={i + 1}
            categories={categories}
            catalogue={catalogue}
            errors={errors}
            first={i === 0}
            last={i === items.length - 1}
            onChange={onItemChange}
            onMove={(dir) => onItemMove(item.key, dir)}
            onRemove={() => onItemRemove(item.key)}
          />
        ))}
      </ol>
      <div className="editor-add">
        <SelectField label={e.addItemOfKind} value={kind} options={kinds.map((k) => ({ value: k, label: e.kinds[k] }))} onChange={setKind} />
        <button type="button" className="button button--small button--secondary" onClick={() => onAddItem(kind)}>
          + {e.kinds[kind].split('（')[0]}
        </button>
        <button type="button" className="button button--small button--danger" aria-label={e.removeCategory(title)} disabled={items.length > 0} title={items.length > 0 ? e.categoryHasItems : undefined} onClick={onRemove}>
          {e.removeCategory(title)}
        </button>
      </div>
    </section>
  );
}

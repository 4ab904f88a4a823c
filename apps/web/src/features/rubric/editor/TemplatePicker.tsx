import type { RubricV2 } from '@union/domain';
import { useState } from 'react';
import { SelectField } from './fields';
import { useEditorCopy } from './messages';

type Template = { id: string; nameZh: string; nameEn: string; rubric: RubricV2 };

/** Choose a starting point (the year's rubric, 昆山, 湖南, 高校, default) and load it into the editor. */
export function TemplatePicker({ query, onLoad }: { query: { isError: boolean; data: Template[] | undefined }; onLoad: (t: { name: string; rubric: RubricV2 }) => void }) {
  const { e, labelKey } = useEditorCopy();
  const [chosen, setChosen] = useState('kunshan');
  if (query.isError) return <p className="form-field__error">{e.noTemplates}</p>;
  const list = query.data ?? [];
  const name = (t: Template) => (labelKey === 'en' ? t.nameEn : t.nameZh);
  return (
    <div className="panel editor-templates">
      <SelectField label={e.template} hint={e.templateHint} value={chosen} options={list.map((t) => ({ value: t.id, label: name(t) }))} onChange={setChosen} />
      <button
        type="button"
        className="button button--secondary"
        disabled={!list.length}
        onClick={() => {
          const t = list.find((x) => x.id === chosen);
          if (t) onLoad({ name: name(t), rubric: t.rubric });
        }}
      >
        {e.loadTemplate}
      </button>
    </div>
  );
}

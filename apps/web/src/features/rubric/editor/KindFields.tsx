import { starLabelsZh, verificationMethodLabels, verificationMethods, type BonusItem, type VerificationMethod } from '@union/domain';
import { useId } from 'react';
import type { DraftItem } from './draft';
import { besideField, NumberField, SelectField, TextField } from './fields';
import { useEditorCopy } from './messages';

type Err = (field: string) => string | undefined;
type Change = (patch: Partial<DraftItem>) => void;

/** 评分依据 and 核查方式 (查台账 / 实地查看 / 座谈 / 查资料, several may apply). */
export function EvidenceFields({ item, onChange, error }: { item: Extract<DraftItem, { basisZh: string }>; onChange: Change; error: Err }) {
  const { e, label } = useEditorCopy();
  const id = useId();
  const toggle = (m: VerificationMethod, on: boolean) =>
    onChange({ verification: on ? verificationMethods.filter((v) => v === m || item.verification.includes(v)) : item.verification.filter((v) => v !== m) } as Partial<DraftItem>);
  return (
    <>
      <TextField label={e.basis} value={item.basisZh} maxLength={500} multiline error={error('basisZh')} onChange={(v) => onChange({ basisZh: v } as Partial<DraftItem>)} className="editor-wide" />
      <fieldset className="editor-checks" aria-describedby={error('verification') ? `${id}-err` : undefined}>
        <legend>{e.verification}</legend>
        {verificationMethods.map((m) => (
          <label key={m} className="editor-check">
            <input type="checkbox" checked={item.verification.includes(m)} onChange={(ev) => toggle(m, ev.target.checked)} /> {label(verificationMethodLabels[m])}
          </label>
        ))}
        {error('verification') ? (
          <p id={`${id}-err`} className="form-field__error">
            {besideField(error('verification'))}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

export function DeductionFields({ item, onChange, error }: { item: Extract<DraftItem, { kind: 'deduction' }>; onChange: Change; error: Err }) {
  const { e } = useEditorCopy();
  return (
    <div className="form-grid">
      <NumberField label={e.perOccurrence} min={0} value={item.perOccurrence} error={error('perOccurrence')} onChange={(n) => onChange({ perOccurrence: n ?? Number.NaN })} />
      <TextField label={e.occurrence} value={item.occurrenceZh} maxLength={50} error={error('occurrenceZh')} onChange={(v) => onChange({ occurrenceZh: v })} />
      <NumberField label={e.floor} min={0} value={item.floor} error={error('floor')} onChange={(n) => onChange({ floor: n ?? Number.NaN })} />
      <TextField label={e.forfeit} value={item.forfeitZh} maxLength={200} error={error('forfeitZh')} onChange={(v) => onChange({ forfeitZh: v })} />
    </div>
  );
}

/** Tiers by honour level (label + points; highest tier or every award) or by a count (from n: points). */
export function BonusFields({ item, onChange, error }: { item: Extract<DraftItem, { kind: 'bonus' }>; onChange: Change; error: Err }) {
  const { e } = useEditorCopy();
  const rule = item.rule;
  const setRule = (next: BonusItem['rule']) => onChange({ rule: next });
  const setTier = (i: number, patch: Record<string, unknown>) => setRule({ ...rule, tiers: rule.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) } as BonusItem['rule']);
  const addTier = () => {
    const last = rule.tiers[rule.tiers.length - 1];
    const points = (last?.points ?? 0) + 1;
    setRule(rule.basis === 'level' ? { ...rule, tiers: [...rule.tiers, { labelZh: '', points }] } : { ...rule, tiers: [...rule.tiers, { minCount: (rule.tiers[rule.tiers.length - 1]?.minCount ?? 0) + 1, points }] });
  };
  return (
    <div className="editor-bonus">
      <div className="form-grid">
        <SelectField
          label={e.bonusBasis}
          value={rule.basis}
          options={(['level', 'count'] as const).map((b) => ({ value: b, label: e.bonusBases[b] }))}
          onChange={(basis) =>
            setRule(basis === 'level' ? { basis, perAward: false, tiers: rule.tiers.map((t) => ({ labelZh: '', points: t.points })) } : { basis, tiers: rule.tiers.map((t, i) => ({ minCount: i + 1, points: t.points })) })
          }
        />
        <NumberField label={e.bonusCap} hint={e.capHint} min={0} nullable value={item.cap} error={error('cap')} onChange={(n) => onChange({ cap: n })} />
      </div>
      {rule.basis === 'level' ? (
        <label className="editor-check">
          <input type="checkbox" checked={rule.perAward} onChange={(ev) => setRule({ ...rule, perAward: ev.target.checked })} /> {e.perAward}
        </label>
      ) : null}
      <fieldset className="editor-tiers">
        <legend>{e.tiers}</legend>
        {error('rule.tiers') || error('rule') ? <p className="form-field__error">{besideField(error('rule.tiers') ?? error('rule'))}</p> : null}
        <ol>
          {rule.tiers.map((tier, i) => (
            <li key={i} className="editor-tier">
              {'labelZh' in tier ? (
                <TextField label={`${e.tierLabel} ${i + 1}`} value={tier.labelZh} maxLength={50} error={error(`rule.tiers.${i}.labelZh`)} onChange={(v) => setTier(i, { labelZh: v })} />
              ) : (
                <NumberField label={`${e.tierMinCount}（${i + 1}）`} min={1} step="1" value={tier.minCount} error={error(`rule.tiers.${i}.minCount`)} onChange={(n) => setTier(i, { minCount: n ?? Number.NaN })} />
              )}
              <NumberField label={e.tierPoints} min={0} value={tier.points} error={error(`rule.tiers.${i}.points`)} onChange={(n) => setTier(i, { points: n ?? Number.NaN })} />
              <button type="button" className="button button--small button--secondary" aria-label={e.removeTier(i + 1)} disabled={rule.tiers.length === 1} onClick={() => setRule({ ...rule, tiers: rule.tiers.filter((_, j) => j !== i) } as BonusItem['rule'])}>
                ×
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button button--small button--secondary" disabled={rule.tiers.length >= 10} onClick={addTier}>
          + {e.addTier}
        </button>
      </fieldset>
    </div>
  );
}

export function VetoFields({ item, onChange, error }: { item: Extract<DraftItem, { kind: 'veto' }>; onChange: Change; error: Err }) {
  const { e, labelKey } = useEditorCopy();
  return (
    <div className="form-grid">
      <TextField label={e.condition} value={item.conditionZh} maxLength={200} error={error('conditionZh')} onChange={(v) => onChange({ conditionZh: v })} className="editor-wide" />
      <SelectField
        label={e.vetoEffect}
        value={item.effect.kind}
        options={[
          { value: 'zero', label: e.vetoZero },
          { value: 'cap_stars', label: e.vetoCap },
        ]}
        onChange={(k) => onChange({ effect: k === 'zero' ? { kind: 'zero' } : { kind: 'cap_stars', maxStars: 3 } })}
      />
      {item.effect.kind === 'cap_stars' ? (
        <SelectField
          label={e.maxStars}
          value={String(item.effect.maxStars)}
          options={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: labelKey === 'zh' ? (starLabelsZh[n] ?? String(n)) : n === 0 ? 'No stars' : `${n} stars` }))}
          onChange={(v) => onChange({ effect: { kind: 'cap_stars', maxStars: Number(v) } })}
        />
      ) : null}
    </div>
  );
}

import { categoryCodes, categoryLabels, honourLevelLabels, honourLevels, type HonourLevel, type Indicator, type ScoringMethod } from '@union/domain';
import { FormField } from '../../../ui/form';
import { methodKinds, type MethodKind } from '../draft';
import { useRubricCopy } from '../messages';
import { besideField, NumberField, SelectField } from './fields';

/** A method of the kind with the old one's indicator and target kept where they fit. */
function methodOfKind(kind: MethodKind, old: ScoringMethod): ScoringMethod {
  const indicator = 'indicator' in old ? old.indicator : old.kind === 'ratio_to_target' ? old.numerator : '';
  const target = old.kind === 'ratio_to_target' ? 1 : old.target;
  switch (kind) {
    case 'reach_target':
    case 'linear_to_target':
    case 'rate_per_100_staff':
      return { kind, indicator, target };
    case 'ratio_to_target':
      return { kind, numerator: indicator, denominator: '', target: 0.9 };
    case 'honours':
      return { kind, minLevel: 'county', target: 1 };
    case 'narrative_evidence':
      return { kind, keywords: [], target: 1 };
  }
}

/** The automatic item's method: the v1 editor's methods, names and hints (its copy), on the v2 item. */
export function MethodFields({ method, onChange, catalogue, error }: { method: ScoringMethod; onChange: (m: ScoringMethod) => void; catalogue: Indicator[]; error: (field: string) => string | undefined }) {
  const { c, label, labelKey } = useRubricCopy();
  const byCode = new Set(catalogue.map((i) => i.code));
  const indicatorSelect = (field: 'indicator' | 'numerator' | 'denominator', value: string, text: string) => (
    <FormField label={text} error={besideField(error(`method.${field}`) ?? error('method'))}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange({ ...method, [field]: e.target.value } as ScoringMethod)}>
          <option value="">{c.chooseIndicator}</option>
          {value && !byCode.has(value) ? <option value={value}>{c.unknownIndicator(value)}</option> : null}
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
  const targetLabel =
    method.kind === 'rate_per_100_staff' ? c.targetPer100 : method.kind === 'ratio_to_target' ? c.targetRatio : method.kind === 'honours' ? c.targetHonours : method.kind === 'narrative_evidence' ? c.targetMentions : c.target;
  return (
    <div className="form-grid editor-method">
      <SelectField label={c.method} hint={c.methodHints[method.kind]} value={method.kind} options={methodKinds.map((k) => ({ value: k, label: c.methodNames[k] }))} onChange={(k) => onChange(methodOfKind(k, method))} />
      {'indicator' in method ? indicatorSelect('indicator', method.indicator, c.indicator) : null}
      {method.kind === 'ratio_to_target' ? (
        <>
          {indicatorSelect('numerator', method.numerator, c.numerator)}
          {indicatorSelect('denominator', method.denominator, c.denominator)}
        </>
      ) : null}
      {method.kind === 'honours' ? (
        <SelectField label={c.minLevel} value={method.minLevel} options={honourLevels.map((l) => ({ value: l, label: label(honourLevelLabels[l]) }))} onChange={(l: HonourLevel) => onChange({ ...method, minLevel: l })} />
      ) : null}
      {method.kind === 'narrative_evidence' ? (
        <FormField label={c.keywords} hint={c.keywordsHint} error={besideField(error('method.keywords'))}>
          {(props) => (
            <input
              {...props}
              lang="zh-CN"
              defaultValue={method.keywords.join('、')}
              onChange={(e) => onChange({ ...method, keywords: e.target.value.split(/[,，、;；\s]+/).map((k) => k.trim()).filter(Boolean) })}
            />
          )}
        </FormField>
      ) : null}
      <NumberField
        label={targetLabel}
        min={0}
        value={method.kind === 'ratio_to_target' ? Math.round(method.target * 10000) / 100 : method.target}
        error={error('method.target')}
        onChange={(n) => onChange({ ...method, target: method.kind === 'ratio_to_target' ? (n ?? Number.NaN) / 100 : (n ?? Number.NaN) } as ScoringMethod)}
      />
    </div>
  );
}

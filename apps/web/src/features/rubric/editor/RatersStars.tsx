import { raterParties } from '@union/domain';
import { starName } from '../messages';
import { besideField, NumberField, SelectField, TextField } from './fields';
import { newRater, weightSum, type Draft, type DraftRater } from './draft';
import { useEditorCopy } from './messages';


/** Rater columns with weights (summing to 100 %), star thresholds on the 综评分 and the 复核 rule. */
export function RatersStars({ draft, errors, change }: { draft: Draft; errors: Record<string, string>; change: (fn: (d: Draft) => Draft) => void }) {
  const { e, labelKey } = useEditorCopy();
  const sum = weightSum(draft);
  const setRater = (key: string, patch: Partial<DraftRater>) => change((d) => ({ ...d, raters: d.raters.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const setStar = (stars: number, minScore: number | null) =>
    change((d) => {
      const rest = d.starLevels.filter((s) => s.stars !== stars);
      const next = minScore === null ? rest : [...rest, { stars, minScore }];
      return { ...d, starLevels: next.sort((a, b) => b.stars - a.stars) };
    });
  return (
    <>
      <section className="rubric-group" aria-labelledby="editor-raters">
        <h2 id="editor-raters" className="rubric-group__title">
          {e.raters}
        </h2>
        <p className="muted">{e.ratersIntro}</p>
        <ol className="rubric-items">
          {draft.raters.map((r) => {
            const error = (f: string) => errors[`rater:${r.key}:${f}`];
            return (
              <li key={r.key} className="panel editor-rater">
                <TextField label={e.raterLabel} value={r.labelZh} maxLength={20} error={error('labelZh') ?? error('id')} onChange={(v) => setRater(r.key, { labelZh: v })} />
                <NumberField label={e.raterWeight} min={0} max={100} value={r.weight} error={error('weight')} onChange={(n) => setRater(r.key, { weight: n ?? Number.NaN })} />
                <SelectField label={e.raterBy} value={r.by} options={raterParties.map((p) => ({ value: p, label: e.raterBys[p] }))} onChange={(by) => setRater(r.key, { by })} />
                <button type="button" className="button button--small button--danger" aria-label={e.removeRater(r.labelZh)} disabled={draft.raters.length === 1} onClick={() => change((d) => ({ ...d, raters: d.raters.filter((x) => x.key !== r.key) }))}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
        <p className={Math.abs(sum - 100) > 1e-9 ? 'form-field__error' : 'muted'} data-testid="weight-sum" aria-live="polite">
          {e.weightSum(String(sum))}
          {Math.abs(sum - 100) > 1e-9 ? ` — ${e.weightWrong}` : ''}
        </p>
        {errors.raters ? <p className="form-field__error">{besideField(errors.raters)}</p> : null}
        <button type="button" className="button button--small button--secondary" disabled={draft.raters.length >= 6} onClick={() => change((d) => ({ ...d, raters: [...d.raters, newRater(d, e.newRaterLabel)] }))}>
          + {e.addRater}
        </button>
      </section>

      <section className="rubric-group" aria-labelledby="editor-stars">
        <h2 id="editor-stars" className="rubric-group__title">
          {e.stars}
        </h2>
        {errors.stars ? <p className="form-field__error">{besideField(errors.stars)}</p> : null}
        <div className="form-grid rubric-stars">
          {[5, 4, 3, 2, 1].map((stars) => (
            <NumberField key={stars} label={e.starMin(starName(stars, labelKey))} hint={e.capHint} min={0} nullable value={draft.starLevels.find((s) => s.stars === stars)?.minScore ?? null} onChange={(n) => setStar(stars, n)} />
          ))}
        </div>
        <label className="editor-check">
          <input type="checkbox" checked={draft.starReview !== null} onChange={(ev) => change((d) => ({ ...d, starReview: ev.target.checked ? { fromStars: 5, byZh: '区教育工会' } : null }))} /> {e.starReview}
        </label>
        {draft.starReview ? (
          <div className="form-grid">
            <SelectField
              label={e.starReviewFrom}
              value={String(draft.starReview.fromStars)}
              options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: starName(n, labelKey) }))}
              onChange={(v) => change((d) => ({ ...d, starReview: { ...d.starReview!, fromStars: Number(v) } }))}
            />
            <TextField label={e.starReviewBy} value={draft.starReview.byZh} maxLength={50} onChange={(v) => change((d) => ({ ...d, starReview: { ...d.starReview!, byZh: v } }))} />
          </div>
        ) : null}
      </section>
    </>
  );
}

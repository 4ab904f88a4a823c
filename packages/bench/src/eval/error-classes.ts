// The classes eval:extract sorts its false positives and false negatives into, in table order.
export const errorClasses = [
  'plan',
  'population',
  'indicator',
  'unit',
  'missing-cue',
  'duplicate',
  'ordinal',
  'per-capita',
  'confusable',
  'not-parsed',
  'other',
] as const;
export type ErrorClass = (typeof errorClasses)[number];

export const errorClassDescriptions: Record<ErrorClass, string> = {
  plan: 'a plan read as done or a done figure read as a plan (明年拟…, 预算, 力争…)',
  population: 'a sub-count (其中/含) or a population that is not the staff (学生, 家长, 家属, 离休, 兄弟学校, honours given by the school)',
  indicator: 'the right value, but filed under another indicator',
  unit: 'the value in the wrong unit (万元 read as 元) or a measure word of another unit (元 for a headcount)',
  'missing-cue': 'FN: no suggestion at all near the evidence',
  duplicate: 'the same figure suggested twice, or parts suggested beside (or instead of) their total',
  ordinal: 'an ordinal or session number read as a count (第三届, 七届三次, 二次教代会)',
  'per-capita': 'a per-capita, standard or cost line (每人500元, 人均, 补助标准, 伙食费)',
  confusable: 'the right indicator but another figure of the same passage (结余 for 支出, a partial figure for the total)',
  'not-parsed': 'FN: the figure sits in a table row or is broken by spaces or line breaks',
  other: 'none of the above: usually a figure that counts something outside the catalogue',
};

import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { localize, RUBRIC_V2_SCHEMA_VERSION, rubricV2Issues, rubricV2PlaceOf, rubricV2Templates, type RubricV2 } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { invalidFields } from '../trpc/trpc';
import { userError } from '../trpc/error-messages';
import { listYearIndicators } from './catalogue';
import { loadRubricDefinition } from './rubric-definitions';
import { refreshScores } from './scores';

/** The input field that carries the definition: errors are reported under it (`definition.items.3.points`). */
export const DEFINITION_FIELD = 'definition';

type FieldError = { path: string; message: string };

/**
 * What is wrong with a v2 definition for this year, each message led by the
 * place the editor shows (「第 2 类第 3 项：…」): the model's rules, then the
 * indicators automatic items use that the year's catalogue lacks.
 */
export async function rubricDefinitionProblems(db: Kysely<Database>, year: number, rubric: RubricV2): Promise<FieldError[]> {
  const at = (path: readonly (string | number)[], message: string): FieldError => {
    const place = rubricV2PlaceOf(rubric, path);
    return { path: [DEFINITION_FIELD, ...path].join('.'), message: place ? `${localize(place)}：${message}` : message };
  };
  const problems = rubricV2Issues(rubric).map((i) => at(i.path, i.message));
  const known = new Set((await listYearIndicators(db, year)).map((i) => i.code));
  rubric.items.forEach((item, index) => {
    if (item.kind !== 'automatic') return;
    const m = item.method;
    const codes = m.kind === 'ratio_to_target' ? [m.numerator, m.denominator] : 'indicator' in m ? [m.indicator] : [];
    for (const code of codes.filter((c) => !known.has(c))) {
      problems.push(
        at(['items', index, 'method'], localize({ zh: `评分项“${item.titleZh}”引用的指标 ${code} 不在 ${year} 年度指标中`, en: `Item “${item.titleZh}” uses indicator ${code}, which is not in the ${year} catalogue` })),
      );
    }
  });
  return problems;
}

/**
 * Saves a year's rubric in the v2 model (schema_version 2) after the full
 * check, rescores the year's approved reports and records it, in one transaction.
 */
export async function saveRubricDefinition(db: Kysely<Database>, who: { actor: Actor; ip: string }, year: number, rubric: RubricV2): Promise<{ rescored: number }> {
  const exists = await db.selectFrom('reporting_years').select('year').where('year', '=', year).executeTakeFirst();
  if (!exists) throw userError('NOT_FOUND', { zh: `没有 ${year} 年度`, en: `There is no reporting year ${year}` });
  const problems = await rubricDefinitionProblems(db, year, rubric);
  if (problems.length) throw invalidFields(problems);
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .insertInto('rubrics')
      .values({ year, definition: JSON.stringify(rubric), schema_version: RUBRIC_V2_SCHEMA_VERSION, updated_by: who.actor.userId, updated_at: now })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet((eb) => ({
          definition: eb.ref('excluded.definition'),
          schema_version: eb.ref('excluded.schema_version'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    const rescored = await refreshScores(trx, year);
    await writeAudit(trx, who, {
      action: 'rubric_changed',
      entityType: 'rubric',
      entityId: year,
      details: { schemaVersion: RUBRIC_V2_SCHEMA_VERSION, categories: rubric.categories.length, items: rubric.items.length, raters: rubric.raters.map((r) => `${r.labelZh} ${r.weight}%`), rescored },
    });
    return { rescored };
  });
}

/** The editor's starting points: the year's current rubric first, then the domain's templates. */
export async function rubricTemplatesFor(db: Kysely<Database>, year: number) {
  const current = await loadRubricDefinition(db, year);
  return [
    {
      id: 'current' as const,
      nameZh: current.isDefault ? `${year} 年度现用评估表（默认）` : `${year} 年度现用评估表`,
      nameEn: current.isDefault ? `The ${year} rubric in use (default)` : `The ${year} rubric in use`,
      rubric: current.rubric,
    },
    ...rubricV2Templates(),
  ];
}

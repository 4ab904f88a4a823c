import { sql, type Kysely } from 'kysely';
import type { Database } from '@union/db';
import { narrativeSectionLabels, type NarrativeSection, localize } from '@union/domain';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { escapeLike } from './sql-text';

export interface NarrativeHit {
  schoolId: number;
  schoolName: string;
  year: number;
  /** Where it matched: a narrative section or an honour's title. */
  source: NarrativeSection | 'honour';
  sourceLabel: string;
  /** The sentence containing the match, and where the match sits in it. */
  sentence: string;
  matchStart: number;
  matchEnd: number;
}

/** The sentence around `index` in `text` (Chinese sentences end with 。！？；or a line break). */
function sentenceAround(text: string, index: number, length: number): { sentence: string; start: number } {
  const boundary = /[。！？；!?;\n]/;
  let start = index;
  while (start > 0 && !boundary.test(text[start - 1]!)) start--;
  let end = index + length;
  while (end < text.length && !boundary.test(text[end]!)) end++;
  if (end < text.length) end++;
  // Very long "sentences" (lists with commas) are trimmed around the match.
  if (end - start > 160) {
    start = Math.max(start, index - 60);
    end = Math.min(end, index + length + 80);
  }
  const raw = text.slice(start, end);
  return { sentence: raw.trim(), start: start + raw.length - raw.trimStart().length };
}

/**
 * Finds a phrase in every readable narrative and honour of the actor's scope.
 * Chinese has no spaces between words, so this is substring matching (ILIKE),
 * which behaves identically on PGlite and PostgreSQL; several words separated
 * by spaces must all occur.
 */
export async function searchNarratives(
  db: Kysely<Database>,
  actor: Actor,
  query: string,
  year: number | undefined,
  limit = 50,
  /** Reports skipped (paging: the next page starts after the reports already shown). */
  offset = 0,
): Promise<NarrativeHit[]> {
  const terms = query.split(/\s+/).filter(Boolean).slice(0, 5);
  if (terms.length === 0) return [];
  const [first] = terms as [string];
  let reports = db
    .selectFrom('reports as r')
    .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
    .select(['r.id', 'r.school_id', 'ou.name', 'r.year', 'r.narrative_achievements', 'r.narrative_shortcomings', 'r.narrative_plans'])
    .where('r.id', 'in', readableReportIds(db, actor));
  for (const term of terms) {
    const pattern = `%${escapeLike(term)}%`;
    reports = reports.where((eb) =>
      eb.or([
        eb('r.narrative_achievements', 'ilike', pattern),
        eb('r.narrative_shortcomings', 'ilike', pattern),
        eb('r.narrative_plans', 'ilike', pattern),
        eb.exists(eb.selectFrom('honours as h').select(sql`1`.as('one')).whereRef('h.report_id', '=', 'r.id').where('h.title', 'ilike', pattern)),
      ]),
    );
  }
  if (year) reports = reports.where('r.year', '=', year);
  const rows = await reports.orderBy('r.year', 'desc').orderBy('ou.code').orderBy('r.id').limit(limit).offset(offset).execute();
  const honours = rows.length
    ? await db.selectFrom('honours').select(['report_id', 'title']).where('report_id', 'in', rows.map((r) => r.id)).where('title', 'ilike', `%${escapeLike(first)}%`).execute()
    : [];

  const hits: NarrativeHit[] = [];
  const needle = first.toLowerCase();
  for (const row of rows) {
    const sections: [NarrativeSection, string][] = [
      ['achievements', row.narrative_achievements],
      ['shortcomings', row.narrative_shortcomings],
      ['plans', row.narrative_plans],
    ];
    for (const [section, text] of sections) {
      const index = text.toLowerCase().indexOf(needle);
      if (index < 0) continue;
      const { sentence, start } = sentenceAround(text, index, first.length);
      hits.push({
        schoolId: row.school_id,
        schoolName: row.name,
        year: row.year,
        source: section,
        sourceLabel: narrativeSectionLabels[section].zh,
        sentence,
        matchStart: index - start,
        matchEnd: index - start + first.length,
      });
    }
    for (const honour of honours.filter((h) => h.report_id === row.id)) {
      const index = honour.title.toLowerCase().indexOf(needle);
      hits.push({ schoolId: row.school_id, schoolName: row.name, year: row.year, source: 'honour', sourceLabel: localize({ zh: '荣誉', en: 'Honours' }), sentence: honour.title, matchStart: index, matchEnd: index + first.length });
    }
  }
  return hits;
}

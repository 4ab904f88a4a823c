import pg from 'pg';

/**
 * The best hand-written SQL for the comparison dashboard's answer: one round
 * trip computing per-100-staff values, year-over-year change, percentiles and
 * the score rank in PostgreSQL, from the approved figures kept beside each
 * score (report_scores.figures). The API must stay within 1.3× of it.
 */
export const comparisonFloorSql = `
with cells as (
  select f.school_id, f.indicator_code as code,
         max(f.value) filter (where f.year = $1) as value,
         max(f.value * 100 / nullif(coalesce(st.value, s.staff_count), 0)) filter (where f.year = $1) as shown,
         max(f.value * 100 / nullif(coalesce(st.value, s.staff_count), 0)) filter (where f.year = $1 - 1) as previous
  from approved_figures f
  join schools s on s.id = f.school_id
  left join approved_figures st on st.indicator_code = 'staff_total' and st.year = f.year and st.school_id = f.school_id
  where f.indicator_code = any($2::text[]) and f.year in ($1, $1 - 1)
  group by f.school_id, f.indicator_code
),
cur as (
  select c.*, percent_rank() over (partition by c.code order by c.shown) * 100 as percentile
  from cells c where c.shown is not null
),
scores as (
  select s.school_id, s.total, p.total as previous_total, rank() over (order by s.total desc) as rank
  from report_scores s left join report_scores p on p.school_id = s.school_id and p.year = $1 - 1
  where s.year = $1
)
select s.id, ou.code, ou.name, s.school_type, sc.total, sc.previous_total, sc.rank,
       json_agg(json_build_object('code', cur.code, 'value', cur.value, 'shown', cur.shown, 'previous', cur.previous, 'percentile', cur.percentile)) as cells
from schools s
join org_units ou on ou.id = s.id
left join cur on cur.school_id = s.id
left join scores sc on sc.school_id = s.id
where s.active
group by s.id, ou.code, ou.name, s.school_type, sc.total, sc.previous_total, sc.rank
order by ou.code
`;

export const trendFloorSql = `
select r.year, percentile_cont(0.5) within group (order by v.value) as median
from report_values v join reports r on r.id = v.report_id
where v.indicator_code = $1 and r.status = 'approved'
group by r.year order by r.year
`;

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

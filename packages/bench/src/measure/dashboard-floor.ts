import pg from 'pg';

/**
 * The best hand-written SQL for the comparison dashboard's answer: one round
 * trip computing per-100-staff values, year-over-year change, percentiles and
 * the score rank in PostgreSQL. The API must stay within 1.3× of it.
 */
export const comparisonFloorSql = `
with staff as (
  select r.school_id, r.year, v.value as staff
  from reports r join report_values v on v.report_id = r.id and v.indicator_code = 'staff_total'
  where r.year in ($1, $1 - 1) and r.status = 'approved'
),
vals as (
  select r.school_id, r.year, v.indicator_code, v.value, v.value * 100.0 / nullif(st.staff, 0) as per100
  from reports r
  join report_values v on v.report_id = r.id
  left join staff st on st.school_id = r.school_id and st.year = r.year
  where r.year in ($1, $1 - 1) and r.status = 'approved' and v.indicator_code = any($2)
),
cur as (
  select c.school_id, c.indicator_code, c.value, c.per100, p.per100 as previous,
         percent_rank() over (partition by c.indicator_code order by c.per100) * 100 as percentile
  from vals c left join vals p on p.school_id = c.school_id and p.indicator_code = c.indicator_code and p.year = $1 - 1
  where c.year = $1
),
scores as (
  select school_id, total, rank() over (order by total desc) as rank from report_scores where year = $1
)
select s.id, ou.name, s.school_type, sc.total, sc.rank,
       json_agg(json_build_object('code', cur.indicator_code, 'value', cur.value, 'shown', cur.per100,
                                  'change', cur.per100 - cur.previous, 'percentile', cur.percentile)) as cells
from schools s
join org_units ou on ou.id = s.id
left join cur on cur.school_id = s.id
left join scores sc on sc.school_id = s.id
where s.active
group by s.id, ou.name, s.school_type, sc.total, sc.rank
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

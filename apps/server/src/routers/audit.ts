import { z } from 'zod';
import { idSchema, safeText } from '@union/domain';
import { orgUnitIdsInScope, schoolIdsInScope } from '../auth/scope';
import { orgAdminProcedure, router } from '../trpc/trpc';

const PAGE_SIZE = 50;

export const auditRouter = router({
  /** Newest first, paged by id; filtered by action, school or username. */
  list: orgAdminProcedure
    .input(
      z
        .object({
          action: safeText({ max: 40 }).optional(),
          schoolId: idSchema.optional(),
          username: safeText({ max: 40 }).optional(),
          /** Return entries older than this id (the last id of the previous page); audit ids are bigint. */
          before: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom('audit_log as a')
        .leftJoin('org_units as ou', 'ou.id', 'a.school_id')
        .select(['a.id', 'a.at', 'a.username', 'a.action', 'a.entity_type', 'a.entity_id', 'a.school_id', 'ou.name as school_name', 'a.details', 'a.ip'])
        // A school's entries follow the school's scope; the rest follow who acted (a user in the
        // actor's subtree), except what every district shares (years, catalogue, rubric) and
        // entries of no known user (failed logins of unknown names), which every admin sees.
        .where((eb) =>
          eb.or([
            eb('a.school_id', 'in', schoolIdsInScope(ctx.db, ctx.actor)),
            eb.and([
              eb('a.school_id', 'is', null),
              eb.or([
                eb('a.user_id', 'is', null),
                eb('a.entity_type', 'in', ['year', 'catalogue', 'rubric']),
                eb('a.user_id', 'in', ctx.db.selectFrom('users').select('users.id').where('users.org_unit_id', 'in', orgUnitIdsInScope(ctx.db, ctx.actor).down)),
              ]),
            ]),
          ]),
        )
        .orderBy('a.id', 'desc')
        .limit(PAGE_SIZE + 1);
      if (input.action) query = query.where('a.action', '=', input.action);
      if (input.schoolId) query = query.where('a.school_id', '=', input.schoolId);
      if (input.username) query = query.where('a.username', '=', input.username.toLowerCase());
      if (input.before) query = query.where('a.id', '<', input.before);
      const rows = await query.execute();
      const page = rows.slice(0, PAGE_SIZE);
      return {
        entries: page.map((r) => ({
          id: Number(r.id),
          at: r.at,
          username: r.username,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          schoolId: r.school_id,
          schoolName: r.school_name,
          details: r.details,
          ip: r.ip,
        })),
        nextBefore: rows.length > PAGE_SIZE ? Number(page[page.length - 1]!.id) : null,
      };
    }),
});

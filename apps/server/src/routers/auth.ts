import { z } from 'zod';
import { hashPassword, verifyPassword } from '@union/db';
import { enteredPasswordSchema, newPasswordSchema, safeText } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { clearLoginFailures, releaseLoginAttempt, reserveLoginAttempt, tooManyLoginFailures } from '../auth/login-throttle';
import { createSession, revokeSession, revokeUserSessions } from '../auth/sessions';
import { describeActor } from '../services/users';
import { authedProcedure, publicProcedure, router } from '../trpc/trpc';
import { userError } from '../trpc/error-messages';

// Verifying against a fixed hash when the user does not exist keeps the
// response time the same, so timing does not reveal which usernames exist.
const unknownUserHash = hashPassword('not-a-real-password-0');

const WRONG_CREDENTIALS = { zh: '用户名或密码错误', en: 'Wrong user name or password' };

export const authRouter = router({
  login: publicProcedure
    .input(
      z.object({
        username: safeText({ min: 1, max: 40, minMessage: { zh: '请输入用户名', en: 'Enter your user name' } }).transform((s) => s.toLowerCase()),
        password: enteredPasswordSchema({ zh: '请输入密码', en: 'Enter your password' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // Counted before the password is checked, so parallel or batched guesses cannot slip past the limit.
      const verdict = await reserveLoginAttempt(ctx.db, input.username, ctx.ip);
      if (!verdict.allowed) throw userError('TOO_MANY_REQUESTS', tooManyLoginFailures(verdict.retryAfterMinutes));
      const user = await ctx.db
        .selectFrom('users')
        .select(['id', 'password_hash', 'disabled_at'])
        .where('username', '=', input.username)
        .executeTakeFirst();
      const ok = await verifyPassword(user?.password_hash ?? (await unknownUserHash), input.password);
      if (!user || !ok) {
        // The reserved attempt stays as the recorded failure.
        await writeAudit(ctx.db, { actor: null, username: input.username, ip: ctx.ip }, { action: 'login_failed', entityType: 'session' });
        throw userError('UNAUTHORIZED', WRONG_CREDENTIALS);
      }
      if (user.disabled_at) {
        await releaseLoginAttempt(ctx.db, verdict.attemptId);
        throw userError('FORBIDDEN', { zh: '该账号已停用，请联系区教育工会管理员', en: 'This account is disabled; contact the district union administrator' });
      }

      await clearLoginFailures(ctx.db, input.username);
      const session = await createSession(ctx.db, user.id, { ip: ctx.ip, userAgent: ctx.userAgent });
      ctx.cookies.set(session.token, session.expiresAt);
      const me = await describeActor(ctx.db, user.id);
      await writeAudit(ctx.db, { actor: null, username: input.username, ip: ctx.ip }, { action: 'login', entityType: 'user', entityId: user.id });
      return me;
    }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) {
      await revokeSession(ctx.db, ctx.sessionToken);
      await writeAudit(ctx.db, ctx, { action: 'logout', entityType: 'user', entityId: ctx.actor?.userId });
    }
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /** The logged-in user with their school, or null (the web app shows the login page). */
  me: publicProcedure.query(({ ctx }) => (ctx.actor ? describeActor(ctx.db, ctx.actor.userId) : null)),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: enteredPasswordSchema({ zh: '请输入当前密码', en: 'Enter your current password' }), newPassword: newPasswordSchema }))
    .mutation(async ({ ctx, input }) => {
      // Guessing the current password (e.g. on a borrowed session) counts against the account like a login.
      const verdict = await reserveLoginAttempt(ctx.db, ctx.actor.username, ctx.ip);
      if (!verdict.allowed) throw userError('TOO_MANY_REQUESTS', { zh: `当前密码输错次数过多，请 ${verdict.retryAfterMinutes} 分钟后再试`, en: `Too many wrong current passwords; try again in ${verdict.retryAfterMinutes} minutes` });
      const user = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw userError('BAD_REQUEST', { zh: '当前密码不正确', en: 'The current password is not correct' });
      }
      await clearLoginFailures(ctx.db, ctx.actor.username);
      if (input.currentPassword === input.newPassword) throw userError('BAD_REQUEST', { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' });
      const passwordHash = await hashPassword(input.newPassword);
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: new Date(), must_change_password: false })
          .where('id', '=', ctx.actor.userId)
          .execute();
        // Other devices logged in with the old password are signed out.
        await revokeUserSessions(trx, ctx.actor.userId, ctx.sessionToken ?? undefined);
        await writeAudit(trx, ctx, { action: 'password_changed', entityType: 'user', entityId: ctx.actor.userId });
      });
      return { ok: true as const };
    }),
});

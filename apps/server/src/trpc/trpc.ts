import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { applyZodMessages, describeIssues, isStaffRole, joinMessages, localize, type FieldError } from '@union/domain';
import { debugErrorsEnabled } from '../config';
import '../i18n/request-locale';
import type { Context } from './context';
import { readableErrorMessage, userError } from './error-messages';
import { inspectorProcedures } from '../auth/inspector-access';
import { labelOfInputPath } from './field-labels';

// zod's messages follow the request's locale (installed by src/i18n/request-locale.ts, imported above).
applyZodMessages();

export interface ErrorData {
  /** Field-level problems with dotted paths and messages that name the field in Chinese. */
  fieldErrors: FieldError[] | null;
}

/**
 * Thrown (as a TRPCError's cause) when domain rules reject input that passed
 * the zod shape, e.g. a cross-field rule; carries the same field errors.
 */
export class FieldValidationError extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super(joinMessages(fieldErrors.map((f) => f.message)));
    this.name = 'FieldValidationError';
  }
}

/** The banner text for field errors: every field's message, one after another. */
const fieldErrorsMessage = (fieldErrors: readonly FieldError[]) =>
  `${localize({ zh: '输入有误：', en: 'Please correct: ' })}${joinMessages(fieldErrors.map((f) => f.message))}`;

export function invalidFields(fieldErrors: FieldError[]): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: fieldErrorsMessage(fieldErrors), cause: new FieldValidationError(fieldErrors) });
}

// Stack traces (with the server's file paths) only with DEBUG_ERRORS=true, never by default:
// tRPC would otherwise send them whenever NODE_ENV is not "production".
const isDev = debugErrorsEnabled();

const t = initTRPC.context<Context>().create({
  isDev,
  errorFormatter({ shape, error }) {
    const fieldErrors =
      error.cause instanceof ZodError
        ? describeIssues(error.cause.issues, labelOfInputPath)
        : error.cause instanceof FieldValidationError
          ? error.cause.fieldErrors
          : null;
    const { stack, ...data } = shape.data;
    return {
      ...shape,
      // The top-level message is what a generic error banner shows: Chinese, and a crash's own
      // message (often a database error in English) stays in the log.
      message: fieldErrors ? fieldErrorsMessage(fieldErrors) : readableErrorMessage(error),
      data: { ...data, ...(isDev ? { stack } : {}), fieldErrors } satisfies ErrorData & typeof shape.data,
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Open to anyone: login, and nothing that touches school data. */
export const publicProcedure = t.procedure;

const forbidden = () => userError('FORBIDDEN', { zh: '您没有权限执行此操作', en: 'You are not allowed to do this' });

/** Procedures a user who must change the initial password may still call. */
const allowedBeforePasswordChange = new Set(['auth.me', 'auth.logout', 'auth.changePassword']);

/** Any logged-in user; the actor is non-null inside. */
export const authedProcedure = t.procedure.use(({ ctx, path, next }) => {
  if (!ctx.actor) throw userError('UNAUTHORIZED', { zh: '尚未登录或登录已过期，请重新登录', en: 'You are not logged in or your session has expired; please log in again' });
  if (ctx.actor.mustChangePassword && !allowedBeforePasswordChange.has(path)) {
    throw userError('FORBIDDEN', { zh: '请先修改初始密码', en: 'Change your initial password first' });
  }
  if (ctx.actor.role === 'inspector' && !inspectorProcedures.has(path)) throw forbidden();
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** District staff (admins and viewers) and city staff: reads over a whole org unit (exports, summaries, search), scoped in SQL. */
export const districtProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isStaffRole(ctx.actor.role)) throw forbidden();
  return next();
});

/** Reviewers: the district admin (every step) and cluster reviewers (the first step, in their cluster). */
export const reviewerProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'district_admin' && ctx.actor.role !== 'cluster_reviewer') throw forbidden();
  return next();
});

/** Who sees the review area (queue, completeness): district staff, cluster reviewers and (read-only) city staff. */
export const reviewAreaProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!isStaffRole(ctx.actor.role) && ctx.actor.role !== 'cluster_reviewer') throw forbidden();
  return next();
});

/** District admins only. */
export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'district_admin') throw forbidden();
  return next();
});

/**
 * District admins and the city admin: what is common to a whole org unit and below
 * (user accounts and the audit log of their subtree; the years, catalogue and rubric
 * that every district shares). Never reviewing, schools or imports: those stay with districts.
 */
export const orgAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'district_admin' && ctx.actor.role !== 'city_admin') throw forbidden();
  return next();
});

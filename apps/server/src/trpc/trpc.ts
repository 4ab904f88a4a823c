import { initTRPC } from '@trpc/server';
import { ZodError } from 'zod';
import { applyChineseZodMessages, describeIssues, type FieldError } from '@union/domain';
import type { Context } from './context';
import { labelOfInputPath } from './field-labels';

applyChineseZodMessages();

export interface ErrorData {
  /** Field-level problems with dotted paths and messages that name the field in Chinese. */
  fieldErrors: FieldError[] | null;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const fieldErrors = error.cause instanceof ZodError ? describeIssues(error.cause.issues, labelOfInputPath) : null;
    return {
      ...shape,
      // The top-level message is what a generic error banner shows: make it readable.
      message: fieldErrors ? `输入有误：${fieldErrors.map((f) => f.message).join('；')}` : shape.message,
      data: { ...shape.data, fieldErrors } satisfies ErrorData & typeof shape.data,
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Open to anyone. The accounts issue adds authed and role-scoped procedures. */
export const publicProcedure = t.procedure;

import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { localize, textOf, type Localized, type MessageText } from '@union/domain';

/** Calls one HTTP request may batch; the web client's batch link uses the same limit. */
export const MAX_BATCH_SIZE = 20;

export const INVALID_JSON: Localized = { zh: '请求内容不是有效的 JSON', en: 'The request is not valid JSON' };
export const INTERNAL_ERROR: Localized = {
  zh: '服务器处理出错，请稍后重试；如果问题持续，请联系区教育工会管理员。',
  en: 'The server could not handle this; please try again later. If it keeps happening, contact the district union administrator.',
};
/** The Chinese texts (the default locale), for tests and logs. */
export const INVALID_JSON_MESSAGE = INVALID_JSON.zh;
export const INTERNAL_ERROR_MESSAGE = INTERNAL_ERROR.zh;

// tRPC's own refusals (bad JSON, unknown procedure, wrong method, oversized body…)
// come in English developer terms; a user gets these instead.
const readableByCode: Partial<Record<TRPC_ERROR_CODE_KEY, Localized>> = {
  PARSE_ERROR: INVALID_JSON,
  BAD_REQUEST: { zh: '请求格式有误，请刷新页面后重试', en: 'The request is malformed; reload the page and try again' },
  UNAUTHORIZED: { zh: '尚未登录或登录已过期，请重新登录', en: 'You are not logged in or your session has expired; please log in again' },
  FORBIDDEN: { zh: '您没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '找不到请求的内容或接口', en: 'What you asked for was not found' },
  METHOD_NOT_SUPPORTED: { zh: '请求方式不被接受', en: 'This request method is not accepted' },
  TIMEOUT: { zh: '请求超时，请稍后重试', en: 'The request timed out; please try again later' },
  CONFLICT: { zh: '数据已被修改，请刷新后重试', en: 'The data has changed meanwhile; reload and try again' },
  PAYLOAD_TOO_LARGE: { zh: '请求内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '请求格式不被接受：只接受 application/json 请求', en: 'Request format not accepted: only application/json requests are' },
  TOO_MANY_REQUESTS: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  CLIENT_CLOSED_REQUEST: { zh: '请求已取消', en: 'The request was cancelled' },
};

/** The user-facing text of a refusal by code, in the caller's locale. */
export const messageForCode = (code: TRPC_ERROR_CODE_KEY): string =>
  localize(readableByCode[code] ?? { zh: '请求无法处理，请稍后重试', en: 'The request could not be handled; please try again later' });

// Our own messages are written for users (built by userError below); tRPC's and libraries'
// are not and are replaced by the code's text.
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** What the user reads for an error that carries no field errors. */
export function readableErrorMessage(error: TRPCError): string {
  if (error.code === 'INTERNAL_SERVER_ERROR') return localize(INTERNAL_ERROR);
  // A body or `input` that is not JSON: tRPC passes on the parser's SyntaxError message.
  if (error.code === 'PARSE_ERROR' || error.cause instanceof SyntaxError) return localize(INVALID_JSON);
  if (error.message === 'Batch call exceeds maximum size') {
    return localize({ zh: `一次请求最多包含 ${MAX_BATCH_SIZE} 个调用`, en: `One request may batch at most ${MAX_BATCH_SIZE} calls` });
  }
  if (isUserMessage(error)) return error.message;
  return messageForCode(error.code);
}

const userMessages = new WeakSet<TRPCError>();

/**
 * The one way the server refuses with a message for the user: both languages
 * given here, the caller's chosen when the error is built (src/i18n/request-locale.ts);
 * a plain string is a message already in the caller's locale.
 */
export function userError(code: TRPC_ERROR_CODE_KEY, text: MessageText, options: { cause?: unknown } = {}): TRPCError {
  const error = new TRPCError({ code, message: textOf(text), ...(options.cause === undefined ? {} : { cause: options.cause }) });
  userMessages.add(error);
  return error;
}
const isUserMessage = (error: TRPCError) => userMessages.has(error) || hasChinese(error.message);

/** Not found — also what an id outside the caller's scope answers (the server does not tell them apart). */
export const reportNotFound = (): TRPCError => userError('NOT_FOUND', { zh: '找不到该年报', en: 'Report not found' });
/** Also the download route's answer, so a foreign file and a missing one read alike. */
export const EVIDENCE_NOT_FOUND: Localized = { zh: '找不到该佐证材料', en: 'Evidence file not found' };
export const evidenceNotFound = (): TRPCError => userError('NOT_FOUND', EVIDENCE_NOT_FOUND);
export const schoolNotFound = (): TRPCError => userError('NOT_FOUND', { zh: '找不到这所学校', en: 'School not found' });

import type { TRPCError, TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** Calls one HTTP request may batch; the web client's batch link uses the same limit. */
export const MAX_BATCH_SIZE = 20;

export const INVALID_JSON_MESSAGE = '请求内容不是有效的 JSON';
export const INTERNAL_ERROR_MESSAGE = '服务器处理出错，请稍后重试；如果问题持续，请联系区教育工会管理员。';

// tRPC's own refusals (bad JSON, unknown procedure, wrong method, oversized body…)
// come in English; a user gets these instead.
const chineseByCode: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: INVALID_JSON_MESSAGE,
  BAD_REQUEST: '请求格式有误，请刷新页面后重试',
  UNAUTHORIZED: '尚未登录或登录已过期，请重新登录',
  FORBIDDEN: '您没有权限执行此操作',
  NOT_FOUND: '找不到请求的内容或接口',
  METHOD_NOT_SUPPORTED: '请求方式不被接受',
  TIMEOUT: '请求超时，请稍后重试',
  CONFLICT: '数据已被修改，请刷新后重试',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不被接受：只接受 application/json 请求',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  CLIENT_CLOSED_REQUEST: '请求已取消',
};

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** What the user reads for an error that carries no field errors. */
export function readableErrorMessage(error: TRPCError): string {
  if (error.code === 'INTERNAL_SERVER_ERROR') return INTERNAL_ERROR_MESSAGE;
  // A body or `input` that is not JSON: tRPC passes on the parser's SyntaxError message.
  if (error.code === 'PARSE_ERROR' || error.cause instanceof SyntaxError) return INVALID_JSON_MESSAGE;
  if (error.message === 'Batch call exceeds maximum size') return `一次请求最多包含 ${MAX_BATCH_SIZE} 个调用`;
  if (hasChinese(error.message)) return error.message;
  return chineseByCode[error.code] ?? '请求无法处理，请稍后重试';
}

// Evidence attachments (佐证材料): UI copy, zh-CN (default) and English, same keys.
// Refusals (type, size, scope) come worded from the server.
import { useI18n } from '../../i18n';

export const evidenceZh = {
  title: '佐证材料',
  add: '添加照片或文件',
  takePhoto: '拍照',
  hint: '可上传照片（JPEG、PNG、WebP）、PDF、Word（.docx）或 Excel（.xlsx），每个文件最大 10 MB；照片会缩小并去除位置信息。',
  empty: '还没有佐证材料。',
  emptyReadOnly: '没有佐证材料。',
  saveFirst: '年报保存后即可添加佐证材料（先填写任意一项即可自动保存）。',
  loading: '正在加载佐证材料…',
  loadFailed: '佐证材料加载失败',
  retry: '重试',
  uploading: (done: number, total: number, name: string) => `正在上传（${done}/${total}）：${name}`,
  tooBig: (name: string) => `文件「${name}」超过 10 MB，未上传。请压缩或拆分后再试。`,
  failed: (name: string, message: string) => `「${name}」未能上传：${message}`,
  delete: '删除',
  deleteLabel: (name: string) => `删除「${name}」`,
  deleteTitle: '删除佐证材料',
  deleteBody: (name: string) => `确定删除「${name}」吗？删除后无法恢复。`,
  deleteConfirm: '确定删除',
  deleting: '正在删除…',
  cancel: '取消',
  deleted: (name: string) => `已删除「${name}」`,
  uploaded: (count: number) => `已上传 ${count} 个文件`,
  open: (name: string) => `打开「${name}」`,
  kinds: { photo: '照片', pdf: 'PDF', word: 'Word', excel: 'Excel' },
  size: (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`),
  dismiss: '关闭提示',
};

export const evidenceEn: typeof evidenceZh = {
  title: 'Evidence',
  add: 'Add photo or file',
  takePhoto: 'Take photo',
  hint: 'Photos (JPEG, PNG, WebP), PDF, Word (.docx) or Excel (.xlsx), 10 MB at most per file; photos are downscaled and their location removed.',
  empty: 'No evidence yet.',
  emptyReadOnly: 'No evidence.',
  saveFirst: 'Evidence can be added once the report is saved (fill in anything and it saves itself).',
  loading: 'Loading evidence…',
  loadFailed: 'Evidence could not be loaded',
  retry: 'Retry',
  uploading: (done, total, name) => `Uploading (${done}/${total}): ${name}`,
  tooBig: (name) => `“${name}” is larger than 10 MB and was not uploaded. Compress or split it and try again.`,
  failed: (name, message) => `“${name}” was not uploaded: ${message}`,
  delete: 'Delete',
  deleteLabel: (name) => `Delete “${name}”`,
  deleteTitle: 'Delete evidence',
  deleteBody: (name) => `Delete “${name}”? This cannot be undone.`,
  deleteConfirm: 'Delete',
  deleting: 'Deleting…',
  cancel: 'Cancel',
  deleted: (name) => `Deleted “${name}”`,
  uploaded: (count) => `Uploaded ${count} file${count === 1 ? '' : 's'}`,
  open: (name) => `Open “${name}”`,
  kinds: { photo: 'Photo', pdf: 'PDF', word: 'Word', excel: 'Excel' },
  size: (bytes) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`),
  dismiss: 'Dismiss',
};

export function useEvidenceCopy() {
  const { language } = useI18n();
  return language === 'en' ? evidenceEn : evidenceZh;
}

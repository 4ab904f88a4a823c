// The narrative search page's copy, zh-CN (default) and English, with the same keys.
import { useI18n } from '../../i18n';

export const searchZh = {
  title: '总结检索',
  lead: '在各学校年报的工作总结和荣誉中查找做法与经验，例如“师徒结对”“送温暖”。',
  form: '检索条件',
  query: '检索内容',
  queryPlaceholder: '输入词语，多个词用空格分开',
  year: '年度',
  allYears: '全部年度',
  yearOption: (year: number) => `${year} 年度`,
  submit: '检索',
  examples: '试试：',
  start: '输入词语开始检索',
  startHint: '检索范围为本区所有学校已提交的年报的总结栏目和荣誉名称。',
  searching: '正在检索…',
  empty: (q: string) => `没有找到包含“${q}”的内容`,
  emptyHint: '换一个说法，或选择“全部年度”后再试。',
  count: (n: number, q: string) => `找到 ${n} 条包含“${q}”的内容`,
  pageOf: (page: number) => `（第 ${page} 页，每页 50 份年报）`,
  pages: '翻页',
  previousPage: '上一页',
  nextPage: '下一页',
  openReport: (year: number) => `查看 ${year} 年度年报`,
  honour: '荣誉',
  errorTitle: '检索失败',
  tooLong: '检索内容最多 50 个字。',
};

export type SearchMessages = typeof searchZh;

export const searchEn: SearchMessages = {
  title: 'Search summaries',
  lead: 'Find practice and experience in every school’s narratives and honours, e.g. “师徒结对” or “送温暖”.',
  form: 'Search',
  query: 'Search for',
  queryPlaceholder: 'Words, separated by spaces',
  year: 'Year',
  allYears: 'All years',
  yearOption: (year: number) => `${year}`,
  submit: 'Search',
  examples: 'Try:',
  start: 'Enter words to search',
  startHint: 'Searches the narrative sections and honours of every submitted report in the district.',
  searching: 'Searching…',
  empty: (q: string) => `Nothing found containing “${q}”`,
  emptyHint: 'Try other words, or choose “All years”.',
  count: (n: number, q: string) => `${n} results containing “${q}”`,
  pageOf: (page: number) => ` (page ${page}, 50 reports a page)`,
  pages: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  openReport: (year: number) => `Open the ${year} report`,
  honour: 'Honour',
  errorTitle: 'Search failed',
  tooLong: 'At most 50 characters.',
};

export function useSearchCopy() {
  const i18n = useI18n();
  return { ...i18n, m: i18n.language === 'en' ? searchEn : searchZh };
}

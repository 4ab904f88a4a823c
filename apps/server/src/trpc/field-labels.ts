import { defaultCatalogue } from '@union/domain';

// Chinese names for input fields, so validation errors name the field the
// user sees. Indicator values are named by the catalogue.
const genericLabels: Record<string, string> = {
  id: '编号',
  schoolId: '学校',
  year: '年度',
  search: '搜索词',
  clusterId: '片区',
  schoolType: '学校类型',
  values: '指标值',
  narrative: '总结内容',
  achievements: '主要工作与成绩',
  shortcomings: '存在的不足',
  plans: '下一步计划',
  honours: '荣誉',
  title: '荣誉名称',
  level: '荣誉级别',
  kind: '集体/个人',
  recipient: '获奖人',
  version: '版本号',
  baseVersion: '版本号',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  orgUnitId: '所属单位',
  temporaryPassword: '临时密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  password: '密码',
  code: '学校代码',
  name: '学校名称',
  parentId: '所属片区',
  staffCount: '教职工总数',
  memberCount: '工会会员数',
  active: '是否在用',
  deadline: '截止日期',
  comment: '意见',
  fieldComments: '字段批注',
  body: '批注内容',
  message: '提醒内容',
  file: '文件',
  codes: '指标',
  rubric: '评估表',
  score: '分数',
  note: '说明',
};

const indicatorNames = new Map(defaultCatalogue.map((i) => [i.code, i.nameZh]));

export function labelOfInputPath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  const [first, second] = path;
  if (first === 'values' && typeof second === 'string') return indicatorNames.get(second) ?? second;
  if (first === 'honours' && typeof second === 'number') {
    const field = path[2];
    const fieldLabel = typeof field === 'string' ? (genericLabels[field] ?? field) : '';
    return `第${second + 1}项荣誉${fieldLabel ? `的${fieldLabel}` : ''}`;
  }
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return typeof last === 'string' ? (genericLabels[last] ?? last) : undefined;
}

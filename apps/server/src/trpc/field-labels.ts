import { defaultCatalogue } from '@union/domain';

// Chinese names for input fields, so validation errors name the field the
// user sees. Indicator values are named by the catalogue. A Map, not an object
// literal: a path segment such as `__proto__` or `constructor` must not find
// Object.prototype's members.
const genericLabels = new Map<string, string>(
  Object.entries({
    id: '编号',
    schoolId: '学校',
    schoolIds: '学校',
    reportId: '年报',
    year: '年度',
    search: '搜索词',
    query: '搜索词',
    clusterId: '片区',
    schoolType: '学校类型',
    sizeBand: '学校规模',
    perHundredStaff: '按每百名教职工计算',
    includeInactive: '包括已停办的学校',
    values: '指标值',
    explanations: '情况说明',
    narrative: '总结内容',
    achievements: '主要工作与成绩',
    shortcomings: '存在的不足',
    plans: '下一步计划',
    honours: '荣誉',
    title: '荣誉名称',
    level: '荣誉级别',
    kind: '类型',
    recipient: '获奖人',
    version: '版本号',
    verificationCode: '验证码',
    baseVersion: '版本号',
    username: '用户名',
    displayName: '姓名',
    role: '角色',
    orgUnitId: '所属单位',
    temporaryPassword: '临时密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    password: '密码',
    disabled: '是否停用',
    code: '代码',
    codes: '指标',
    name: '学校名称',
    parentId: '所属片区',
    staffCount: '教职工总数',
    memberCount: '工会会员数',
    active: '是否在用',
    openedYear: '开办年度',
    closedYear: '停办年度',
    predecessorId: '被并入的学校',
    successorId: '并入的学校',
    deadline: '截止日期',
    isOpen: '是否开放填报',
    publishedToChairs: '是否向学校公开',
    reviewSteps: '审核级数',
    reports: '年报',
    reportIds: '年报',
    unlockField: '解锁的字段',
    comment: '意见',
    fieldComments: '字段批注',
    fieldPath: '批注的字段',
    body: '批注内容',
    message: '提醒内容',
    file: '文件',
    onlyValidRows: '只导入无误的行',
    source: '总结来源',
    text: '总结内容',
    filename: '文件名',
    base64: '文件',
    action: '操作类型',
    before: '翻页位置',
    rubric: '评估表',
    raterId: '评分人',
    ratings: '评分',
    earned: '得分',
    occurrences: '扣分次数',
    forfeited: '不得分情形',
    tierCounts: '各档次获奖数',
    count: '数量',
    triggered: '否决情形',
    noteZh: '评分说明',
    totalPoints: '总分',
    items: '评分项',
    titleZh: '评分项名称',
    category: '类别',
    points: '分值',
    method: '评分方法',
    indicator: '指标',
    numerator: '分子指标',
    denominator: '分母指标',
    target: '目标值',
    minLevel: '最低荣誉级别',
    keywords: '关键词',
    starLevels: '星级设置',
    minScore: '星级分数线',
    stars: '星级',
    score: '分数',
    note: '说明',
    channel: '通知渠道',
    enabled: '是否启用',
    host: '邮件服务器地址',
    port: '端口',
    security: '加密方式',
    user: '登录用户名',
    from: '发件人',
    clearPassword: '清除密码',
    url: 'Webhook 地址',
    secret: '签名密钥',
    clearSecret: '清除签名密钥',
    to: '测试收件人邮箱',
    email: '邮箱',
    emailEnabled: '通过邮件接收',
    limit: '条数',
  }),
);

// Where the last segment alone would mislead, the whole dotted path decides (array indexes as `*`).
const pathLabels = new Map<string, string>([
  ['kind', '评分类型'],
  ['source.kind', '总结来源'],
  ['school.code', '学校代码'],
  ['rubric.items.*.id', '评分项编号'],
  ['rubric.items.*.method.kind', '评分方法'],
]);

const indicatorNames = new Map(defaultCatalogue.map((i) => [i.code, i.nameZh]));

function indicatorLabel(code: string): string {
  return indicatorNames.get(code) ?? `指标“${code}”`;
}

export function labelOfInputPath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  const [first, second] = path;
  if (first === 'values' && typeof second === 'string') return indicatorLabel(second);
  if (first === 'explanations' && typeof second === 'string') return `${indicatorLabel(second)}的情况说明`;
  if (first === 'honours' && typeof second === 'number') {
    const field = path[2];
    const fieldLabel = typeof field === 'string' ? (field === 'kind' ? '集体/个人' : (genericLabels.get(field) ?? field)) : '';
    return `第${second + 1}项荣誉${fieldLabel ? `的${fieldLabel}` : ''}`;
  }
  // A rater's column (rubric.rate): keyed by the rubric's item ids.
  if (first === 'ratings' && typeof second === 'string') {
    const field = path[2];
    const fieldLabel = typeof field === 'string' ? (genericLabels.get(field) ?? field) : '';
    return `评分项 ${second}${fieldLabel ? ` 的${fieldLabel}` : ''}`;
  }
  const pattern = path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
  const byPath = pathLabels.get(pattern);
  if (byPath) return byPath;
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return typeof last === 'string' ? (genericLabels.get(last) ?? last) : undefined;
}

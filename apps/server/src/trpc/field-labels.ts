import { defaultCatalogue, localize, nameOf, type Localized } from '@union/domain';

// Names for input fields (Chinese and English), so validation errors name the field the
// user sees. Indicator values are named by the catalogue. A Map, not an object
// literal: a path segment such as `__proto__` or `constructor` must not find
// Object.prototype's members.
const genericLabels = new Map<string, Localized>(
  Object.entries({
    id: { zh: '编号', en: 'Id' },
    schoolId: { zh: '学校', en: 'School' },
    schoolIds: { zh: '学校', en: 'Schools' },
    reportId: { zh: '年报', en: 'Report' },
    year: { zh: '年度', en: 'Year' },
    search: { zh: '搜索词', en: 'Search' },
    query: { zh: '搜索词', en: 'Search' },
    clusterId: { zh: '片区', en: 'Cluster' },
    districtId: { zh: '区教育工会', en: 'District' },
    schoolType: { zh: '学校类型', en: 'School type' },
    sizeBand: { zh: '学校规模', en: 'School size' },
    perHundredStaff: { zh: '按每百名教职工计算', en: 'Per 100 staff' },
    includeInactive: { zh: '包括已停办的学校', en: 'Include closed schools' },
    values: { zh: '指标值', en: 'Indicator values' },
    explanations: { zh: '情况说明', en: 'Explanations' },
    narrative: { zh: '总结内容', en: 'Summary' },
    achievements: { zh: '主要工作与成绩', en: 'Main work and achievements' },
    shortcomings: { zh: '存在的不足', en: 'Shortcomings' },
    plans: { zh: '下一步计划', en: 'Plans for next year' },
    honours: { zh: '荣誉', en: 'Honours' },
    title: { zh: '荣誉名称', en: 'Honour' },
    level: { zh: '荣誉级别', en: 'Honour level' },
    kind: { zh: '类型', en: 'Type' },
    recipient: { zh: '获奖人', en: 'Recipient' },
    version: { zh: '版本号', en: 'Version' },
    verificationCode: { zh: '验证码', en: 'Verification code' },
    baseVersion: { zh: '版本号', en: 'Version' },
    username: { zh: '用户名', en: 'User name' },
    displayName: { zh: '姓名', en: 'Name' },
    role: { zh: '角色', en: 'Role' },
    orgUnitId: { zh: '所属单位', en: 'Unit' },
    temporaryPassword: { zh: '临时密码', en: 'Temporary password' },
    currentPassword: { zh: '当前密码', en: 'Current password' },
    newPassword: { zh: '新密码', en: 'New password' },
    password: { zh: '密码', en: 'Password' },
    disabled: { zh: '是否停用', en: 'Disabled' },
    code: { zh: '代码', en: 'Code' },
    codes: { zh: '指标', en: 'Indicators' },
    name: { zh: '学校名称', en: 'School name' },
    parentId: { zh: '所属片区', en: 'Cluster' },
    staffCount: { zh: '教职工总数', en: 'Total staff' },
    memberCount: { zh: '工会会员数', en: 'Union members' },
    active: { zh: '是否在用', en: 'In use' },
    openedYear: { zh: '开办年度', en: 'Opening year' },
    closedYear: { zh: '停办年度', en: 'Closing year' },
    predecessorId: { zh: '被并入的学校', en: 'Merged school' },
    successorId: { zh: '并入的学校', en: 'School merged into' },
    deadline: { zh: '截止日期', en: 'Deadline' },
    isOpen: { zh: '是否开放填报', en: 'Open for reporting' },
    publishedToChairs: { zh: '是否向学校公开', en: 'Published to schools' },
    reviewSteps: { zh: '审核级数', en: 'Review steps' },
    reports: { zh: '年报', en: 'Reports' },
    reportIds: { zh: '年报', en: 'Reports' },
    unlockField: { zh: '解锁的字段', en: 'Field to unlock' },
    comment: { zh: '意见', en: 'Remarks' },
    fieldComments: { zh: '字段批注', en: 'Field comments' },
    fieldPath: { zh: '批注的字段', en: 'Commented field' },
    body: { zh: '批注内容', en: 'Comment' },
    message: { zh: '提醒内容', en: 'Reminder text' },
    file: { zh: '文件', en: 'File' },
    onlyValidRows: { zh: '只导入无误的行', en: 'Import only valid rows' },
    source: { zh: '总结来源', en: 'Summary source' },
    text: { zh: '总结内容', en: 'Summary' },
    filename: { zh: '文件名', en: 'File name' },
    base64: { zh: '文件', en: 'File' },
    action: { zh: '操作类型', en: 'Action' },
    before: { zh: '翻页位置', en: 'Page position' },
    rubric: { zh: '评估表', en: 'Rubric' },
    raterId: { zh: '评分人', en: 'Rater' },
    ratings: { zh: '评分', en: 'Ratings' },
    earned: { zh: '得分', en: 'Points earned' },
    occurrences: { zh: '扣分次数', en: 'Occurrences' },
    forfeited: { zh: '不得分情形', en: 'Forfeit condition' },
    tierCounts: { zh: '各档次获奖数', en: 'Awards per tier' },
    count: { zh: '数量', en: 'Count' },
    triggered: { zh: '否决情形', en: 'Veto triggered' },
    noteZh: { zh: '评分说明', en: 'Scoring note' },
    totalPoints: { zh: '总分', en: 'Total points' },
    items: { zh: '评分项', en: 'Items' },
    titleZh: { zh: '评分项名称', en: 'Item title' },
    category: { zh: '类别', en: 'Category' },
    points: { zh: '分值', en: 'Points' },
    method: { zh: '评分方法', en: 'Scoring method' },
    indicator: { zh: '指标', en: 'Indicator' },
    numerator: { zh: '分子指标', en: 'Numerator indicator' },
    denominator: { zh: '分母指标', en: 'Denominator indicator' },
    target: { zh: '目标值', en: 'Target' },
    minLevel: { zh: '最低荣誉级别', en: 'Lowest honour level' },
    keywords: { zh: '关键词', en: 'Keywords' },
    starLevels: { zh: '星级设置', en: 'Star levels' },
    minScore: { zh: '星级分数线', en: 'Star threshold' },
    stars: { zh: '星级', en: 'Stars' },
    score: { zh: '分数', en: 'Score' },
    note: { zh: '说明', en: 'Note' },
    channel: { zh: '通知渠道', en: 'Notification channel' },
    enabled: { zh: '是否启用', en: 'Enabled' },
    host: { zh: '邮件服务器地址', en: 'Mail server' },
    port: { zh: '端口', en: 'Port' },
    security: { zh: '加密方式', en: 'Encryption' },
    user: { zh: '登录用户名', en: 'Login name' },
    from: { zh: '发件人', en: 'Sender' },
    clearPassword: { zh: '清除密码', en: 'Clear password' },
    url: { zh: 'Webhook 地址', en: 'Webhook URL' },
    secret: { zh: '签名密钥', en: 'Signing secret' },
    clearSecret: { zh: '清除签名密钥', en: 'Clear signing secret' },
    to: { zh: '测试收件人邮箱', en: 'Test recipient e-mail' },
    email: { zh: '邮箱', en: 'E-mail' },
    emailEnabled: { zh: '通过邮件接收', en: 'Receive by e-mail' },
    limit: { zh: '条数', en: 'Number of entries' },
    fileId: { zh: '佐证材料', en: 'Evidence file' },
    group: { zh: '分组筛选', en: 'Group filter' },
    set: { zh: '分组类别', en: 'Group set' },
    value: { zh: '分组', en: 'Group' },
    by: { zh: '分组方式', en: 'Group by' },
    locality: { zh: '城乡类别', en: 'Locality' },
    ownership: { zh: '办学性质', en: 'Ownership' },
    groupId: { zh: '分组', en: 'Group' },
    groupName: { zh: '分组名称', en: 'Group name' },
    description: { zh: '分组说明', en: 'Group description' },
  }),
);

// Where the last segment alone would mislead, the whole dotted path decides (array indexes as `*`).
const pathLabels = new Map<string, Localized>([
  ['kind', { zh: '评分类型', en: 'Score type' }],
  ['source.kind', { zh: '总结来源', en: 'Summary source' }],
  ['school.code', { zh: '学校代码', en: 'School code' }],
  ['rubric.items.*.id', { zh: '评分项编号', en: 'Item id' }],
  ['rubric.items.*.method.kind', { zh: '评分方法', en: 'Scoring method' }],
  ['target.kind', { zh: '佐证材料所属类型', en: 'Evidence target type' }],
  ['target.key', { zh: '佐证材料所属项目', en: 'Evidence target' }],
]);

// Fields of a v2 rubric definition (rubric.saveDefinition), by their last segment.
const definitionLabels = new Map<string, Localized>(
  Object.entries({
    schemaVersion: { zh: '评估表版本', en: 'Rubric version' },
    titleZh: { zh: '名称', en: 'Title' },
    totalPoints: { zh: '满分', en: 'Full marks' },
    categories: { zh: '类别', en: 'Categories' },
    items: { zh: '评分项', en: 'Items' },
    raters: { zh: '评分人', en: 'Raters' },
    starLevels: { zh: '星级分数线', en: 'Star thresholds' },
    starReview: { zh: '星级复核', en: 'Star review' },
    id: { zh: '编号', en: 'Id' },
    category: { zh: '所属类别', en: 'Category' },
    kind: { zh: '类型', en: 'Kind' },
    noteZh: { zh: '注', en: 'Note' },
    basisZh: { zh: '评分依据', en: 'Scoring basis' },
    verification: { zh: '核查方式', en: 'Verification' },
    forfeitZh: { zh: '不得分情形', en: 'Forfeit condition' },
    occurrenceZh: { zh: '扣分情形', en: 'Deduction case' },
    perOccurrence: { zh: '每次扣分', en: 'Points per occurrence' },
    floor: { zh: '最低得分', en: 'Floor' },
    cap: { zh: '上限', en: 'Cap' },
    rule: { zh: '加分方式', en: 'Bonus rule' },
    basis: { zh: '加分依据', en: 'Bonus basis' },
    perAward: { zh: '逐项累加', en: 'Per award' },
    tiers: { zh: '加分档次', en: 'Tiers' },
    labelZh: { zh: '名称', en: 'Label' },
    minCount: { zh: '档次起点', en: 'Tier threshold' },
    points: { zh: '分值', en: 'Points' },
    conditionZh: { zh: '否决情形', en: 'Veto condition' },
    effect: { zh: '否决后果', en: 'Veto effect' },
    maxStars: { zh: '最高星级', en: 'Highest stars' },
    weight: { zh: '权重', en: 'Weight' },
    by: { zh: '填写方', en: 'Filled in by' },
    minScore: { zh: '分数线', en: 'Threshold' },
    stars: { zh: '星级', en: 'Stars' },
    fromStars: { zh: '需复核的星级', en: 'Stars needing review' },
    byZh: { zh: '复核单位', en: 'Reviewed by' },
  }),
);
const definitionPlaces: Record<string, Localized> = {
  categories: { zh: '第 {n} 类', en: 'Category {n}' },
  items: { zh: '第 {n} 个评分项', en: 'Item {n}' },
  raters: { zh: '第 {n} 个评分人', en: 'Rater {n}' },
  starLevels: { zh: '第 {n} 条星级分数线', en: 'Star threshold {n}' },
};

/** `definition.items.3.rule.tiers.1.points` → 「第 4 个评分项的分值」. */
function definitionLabel(path: readonly PropertyKey[]): string {
  const [head, index] = path;
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const field = typeof last === 'string' ? (definitionLabels.get(last) ?? genericLabels.get(last) ?? { zh: '内容', en: 'Content' }) : { zh: '评估表', en: 'Rubric' };
  const place = typeof head === 'string' && typeof index === 'number' && Object.hasOwn(definitionPlaces, head) ? definitionPlaces[head]! : null;
  if (!place || last === head) return localize(field);
  const n = String(index as number + 1);
  return localize({ zh: `${place.zh.replace('{n}', n)}的${field.zh}`, en: `${place.en.replace('{n}', n)}: ${field.en.toLowerCase()}` });
}

const indicators = new Map(defaultCatalogue.map((i) => [i.code, i]));

function indicatorLabel(code: string): string {
  const indicator = indicators.get(code);
  return indicator ? nameOf(indicator) : localize({ zh: `指标“${code}”`, en: `Indicator “${code}”` });
}

export function labelOfInputPath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  const [first, second] = path;
  if (first === 'values' && typeof second === 'string') return indicatorLabel(second);
  if (first === 'explanations' && typeof second === 'string') {
    const name = indicatorLabel(second);
    return localize({ zh: `${name}的情况说明`, en: `Explanation of ${name}` });
  }
  if (first === 'honours' && typeof second === 'number') {
    const field = path[2];
    const fieldLabel = typeof field === 'string' ? (field === 'kind' ? { zh: '集体/个人', en: 'collective/individual' } : (genericLabels.get(field) ?? { zh: field, en: field })) : null;
    return localize({
      zh: `第${second + 1}项荣誉${fieldLabel ? `的${fieldLabel.zh}` : ''}`,
      en: `Honour ${second + 1}${fieldLabel ? `: ${fieldLabel.en.toLowerCase()}` : ''}`,
    });
  }
  // A rater's column (rubric.rate): keyed by the rubric's item ids.
  if (first === 'ratings' && typeof second === 'string') {
    const field = path[2];
    const fieldLabel = typeof field === 'string' ? (genericLabels.get(field) ?? { zh: field, en: field }) : null;
    return localize({
      zh: `评分项 ${second}${fieldLabel ? ` 的${fieldLabel.zh}` : ''}`,
      en: `Item ${second}${fieldLabel ? `: ${fieldLabel.en.toLowerCase()}` : ''}`,
    });
  }
  if (first === 'definition') return path.length === 1 ? localize({ zh: '评估表', en: 'Rubric' }) : definitionLabel(path.slice(1));
  const pattern = path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
  const byPath = pathLabels.get(pattern);
  if (byPath) return localize(byPath);
  const last = [...path].reverse().find((p) => typeof p === 'string');
  if (typeof last !== 'string') return undefined;
  const label = genericLabels.get(last);
  return label ? localize(label) : last;
}

// How summaries talk about each catalogue indicator: the words near a figure
// that say what it counts, and the units (量词) it is written with. Data only,
// one entry per indicator code; the matching logic lives in extract-figures.ts.
// Words are simplified Chinese (input is normalised first).

export interface IndicatorCue {
  /** Units/classifiers the figure may be written with (人次, 人, 名, 元 …). The catalogue unit fits best. */
  classifiers: readonly string[];
  /** Each group must be found near the figure: in its clause, or less surely in its sentence or paragraph. */
  all: readonly (readonly string[])[];
  /** Words that make the reading more likely when in the figure's clause. */
  any?: readonly string[];
  /** Words in the figure's clause that rule this indicator out. */
  not?: readonly string[];
  /**
   * What is counted, for generic classifiers (个, 项, 次 …): one of these must be
   * named right after the figure ("11个团队") or just before it ("工会小组8个").
   */
  nouns?: readonly string[];
  /** A headcount or standing structure (现有教职工86人): an event verb governing the figure rules it out. */
  stock?: boolean;
  /** An honour received: honours the school or union gives its own people rule it out. */
  honour?: boolean;
  /** A yearly total (工会经费支出): the cost of one activity is not it. */
  yearTotal?: boolean;
  /** About retirees: people named as staff in post (在职教职工) are not counted. */
  retirees?: boolean;
}

const PERSONS = ['人', '名', '位'] as const;
const PERSON_TIMES = ['人次', '人', '名', '位'] as const;
const ITEMS = ['份', '件', '篇', '条', '项'] as const;
const MONEY = ['元'] as const;

const VISIT = ['慰问', '探望', '看望', '探视', '走访', '问候', '拜访', '拜年', '上门'];
const ILLNESS = ['生病', '病', '住院', '手术', '生育', '分娩', '病患', '患病', '伤', '病休'];
const HARDSHIP = ['帮扶', '帮困', '补助', '救助', '困难', '贫困', '送温暖', '特困', '资助', '救济', '解困', '扶贫'];
const HOLIDAY = ['春节', '节日', '教师节', '中秋', '元旦', '三八', '节前', '新年', '端午', '重阳', '寒假', '过节', '国庆'];
const RETIREE = ['退休', '离退休', '老教师', '老同志', '老干部', '退管'];
const TRIP = ['疗休养', '休养', '疗养', '旅游', '出游', '游览', '春游', '秋游', '一日游', '采风'];
const CHECKUP = ['体检', '参检', '健康检查', '身体检查', '健康体检', '筛查'];
const CONGRESS = ['教代会', '教职工代表大会', '职代会', '教职工代表会', '教工代表大会', '代表大会'];
const MEETING_TEAM_AWARD = ['团体', '集体', '代表队', '队', '小组', '合唱团'];

export const indicatorCues: Readonly<Record<string, IndicatorCue>> = {
  // 基本情况
  staff_total: {
    stock: true,
    classifiers: PERSONS,
    all: [['教职工', '教职员工', '教师', '教工', '职工', '员工'], ['全校', '全园', '全所', '全体', '现有', '共有', '一共', '目前', '在编', '在岗', '在职', '总数', '学校有', '我校有', '全院']],
    not: ['女', '退休', '会员', '代表', '体检', '慰问', '探望', '看望', '参加', '获', '骨干', '青年', '新', '班主任', '培训', '党员', '困难', '评为', '表彰', '入会', '理赔', '赴', '受到', '被', '外出', '生日', '帮扶', '参检', '优秀', '委员'],
  },
  union_members: {
    stock: true,
    classifiers: PERSONS,
    all: [['会员']],
    any: ['工会会员', '现有', '共有', '全体'],
    not: ['新发展', '新入会', '发展', '优秀', '生日', '情况表', '慰问', '看望', '女工', '退休', '体检', '理赔', '参加', '入会', '委员'],
  },
  female_staff: {
    stock: true,
    classifiers: PERSONS,
    all: [['女教职工', '女教师', '女职工', '女教工', '女会员', '女员工']],
    not: ['体检', '参加', '活动', '慰问', '三八', '检查', '赴', '组织', '获', '评为', '生育', '分娩'],
  },
  retired_staff: {
    retirees: true,
    stock: true,
    classifiers: PERSONS,
    all: [['退休教职工', '退休教师', '退休教工', '离退休', '退休人员', '退休职工', '退休会员']],
    any: ['现有', '共有'],
    not: ['体检', '慰问', '看望', '走访', '参加', '活动', '组织', '参观', '探望', '即将', '新退休', '欢送'],
  },
  union_groups: {
    stock: true,
    classifiers: ['个', '组'],
    all: [['工会小组', '工会分会', '小组', '分工会', '部门工会']],
    any: ['下设', '设有', '共有', '分为', '划分'],
    not: ['组长', '特色', '评出', '优秀', '先进', '分成'],
    nouns: ['工会小组', '小组', '分会', '分工会', '组'],
  },

  // 师德建设
  ethics_activities: {
    classifiers: ['次', '场', '项', '期', '轮'],
    all: [['师德', '师风', '职业道德', '师德师风']],
    any: ['活动', '主题教育', '演讲', '故事会', '讲座', '学习'],
    not: ['标兵', '先进个人', '宣传栏', '专栏', '板报', '表彰', '评为'],
    nouns: ['活动', '教育', '演讲', '故事会', '讲座', '学习', '论坛', '报告', '比赛', '征文', '培训'],
  },
  ethics_commendations: {
    classifiers: ['人', '名', '位', '人次'],
    all: [['师德', '师风'], ['标兵', '先进', '表彰', '评为', '模范', '之星', '楷模', '典型']],
  },
  publicity_issues: {
    classifiers: ['期', '次', '块', '版'],
    all: [['宣传栏', '专栏', '板报', '橱窗', '黑板报', '墙报', '宣传窗', '简报', '专刊', '栏目', '校报', '工会报', '会刊', '展板', '宣传画廊']],
    any: ['出版', '出刊', '编印', '更新', '制作', '办'],
    not: ['信息', '报道', '投稿'],
  },

  // 民主管理
  congress_sessions: {
    classifiers: ['次', '场'],
    all: [CONGRESS],
    any: ['召开', '举行', '全年'],
    not: ['二级', '培训', '履职', '提案', '优秀', '代表人数'],
  },
  congress_delegates: {
    classifiers: PERSONS,
    all: [['代表'], [...CONGRESS, '正式代表', '列席代表', '代表团']],
    any: ['正式代表', '共有', '选举', '产生'],
    // Attendance (实到82人, 出席) is not the number of delegates.
    not: ['实到', '应到', '出席', '到会', '参会', '优秀', '培训', '履职', '表彰', '评选', '学生', '家长', '人大', '二级'],
  },
  delegate_trainings: {
    classifiers: ['次', '场', '期'],
    all: [['代表'], ['培训', '履职', '辅导', '学习班']],
    not: ['工会干部', '人大'],
  },
  proposals_collected: {
    classifiers: ITEMS,
    all: [['提案', '合理化建议'], ['征集', '收到', '提交', '提出', '共收', '收集', '共有']],
    not: ['优秀', '办结', '答复', '尚未', '未', '落实', '办理完毕', '已办'],
  },
  proposals_resolved: {
    classifiers: ITEMS,
    all: [['办结', '落实', '处理完毕', '解决', '办理完毕', '已办']],
    any: ['提案'],
    not: ['尚未', '未', '没有', '仍有', '优秀'],
    nouns: ['提案', '件', '份', '条', '项'],
  },
  outstanding_proposals: {
    classifiers: ITEMS,
    all: [['优秀', '好提案', '金点子'], ['提案', '建议']],
  },
  outstanding_delegates: {
    classifiers: PERSONS,
    all: [['优秀'], ['代表']],
    not: ['学生', '家长', '提案'],
  },
  democratic_rules_made: {
    classifiers: ['项', '条', '个', '部', '套', '份'],
    all: [
      ['制度', '办法', '章程', '规定', '细则', '条例', '规章', '实施方案'],
      ['修订', '制定', '完善', '草拟', '起草', '出台', '建立', '健全', '新增', '修改', '审议通过', '讨论通过', '表决通过', '新建'],
    ],
    any: ['民主管理'],
    nouns: ['制度', '办法', '章程', '规定', '细则', '条例', '规章', '方案'],
    not: ['工程'],
  },
  joint_meetings: {
    classifiers: ['次', '场'],
    all: [['联席会', '党政工', '联合召开', '党政联席', '联席']],
  },
  staff_assemblies: {
    classifiers: ['次', '场'],
    all: [['教职工大会', '全体教职工会议', '全体教师大会', '教师大会', '教职工全体会议', '全体大会', '全员大会', '职工大会', '教工大会']],
  },
  opinion_solicitations: {
    classifiers: ['次', '场', '轮'],
    all: [['征求', '征询', '听取', '收集', '问卷', '座谈'], ['意见', '建议', '心声', '诉求', '调查']],
    not: ['提案'],
  },
  affairs_disclosure_items: {
    classifiers: ['项', '条', '个'],
    all: [['公开']],
    any: ['校务公开', '事项', '内容'],
    nouns: ['事项', '项目', '内容', '项', '条'],
    not: ['制度', '公开信'],
  },
  affairs_disclosure_score: {
    classifiers: ['分'],
    all: [['得分', '总分', '评估', '考核', '评分', '打分', '分数', '得到', '获得'], ['校务公开', '公开', '政务公开', '民主管理']],
  },

  // 维权帮扶
  hardship_aid_recipients: {
    classifiers: [...PERSON_TIMES, '户'],
    all: [HARDSHIP],
    any: VISIT,
    not: ['学生', '金额', '生病', '住院', '病', '儿童', '女童', '家庭经济困难学生'],
  },
  hardship_aid_amount: {
    classifiers: MONEY,
    all: [HARDSHIP],
    any: ['金额', '发放', '资金', '帮扶金', '补助金', '慰问金'],
    // Income lines and cost allowances (伙食费补助, 交通补助) are not aid.
    not: ['学生', '儿童', '女童', '子女', '助学', '上级补助', '行政补助', '拨交', '拨缴', '收入', '入账', '返还', '伙食', '交通', '燃油', '住宿', '餐费', '误餐', '过路', '场地', '车辆', '通讯'],
  },
  sick_visits: {
    classifiers: PERSON_TIMES,
    all: [VISIT, ILLNESS],
    // Visits to retirees are retiree_visits even when they are ill.
    not: ['退休', '离退休', '老教师'],
  },
  sick_visit_amount: {
    classifiers: MONEY,
    all: [['慰问金', '慰问品', '资金', '支出', '金额', '费用', '经费', '用款', '花费', '使用', '发放'], [...ILLNESS, '探望', '看望', '探病']],
    not: ['帮扶', '困难', '帮困', '福利', '退休', '离退休', ...HOLIDAY],
  },
  condolence_visits: {
    classifiers: [...PERSON_TIMES, '户', '次'],
    all: [['吊唁', '丧', '去世', '逝世', '病故', '亡故', '丧事', '悼念', '奔丧', '作古', '过世', '白事']],
  },
  holiday_visits: {
    classifiers: [...PERSON_TIMES, '户'],
    all: [VISIT, HOLIDAY],
    // 收到/领取 counts recipients of a gift, not visits.
    not: ['收到', '领到', '领取', '退休', '离退休', '生病', '住院', '福利', '帮扶', '困难', '贫困', '帮困', '老教师'],
  },
  holiday_welfare_amount: {
    classifiers: MONEY,
    all: [['福利', '过节费', '节日慰问', '慰问品', '过节', '慰问经费', '慰问金', '慰问费'], HOLIDAY],
    not: ['帮扶', '困难', '贫困'],
  },
  birthday_greetings: {
    classifiers: [...PERSON_TIMES, '份'],
    all: [['生日']],
  },
  staff_home_visits: {
    classifiers: [...PERSON_TIMES, '户', '次'],
    all: [['家访', '走访', '上门', '到家', '入户']],
    // 走访慰问 is a welfare visit (holiday, hardship), not a home visit.
    not: [...HOLIDAY, '慰问', '退休', '离退休', '生病', '住院', '病', '吊唁', '丧', '困难', '贫困', '帮扶', '学生'],
  },
  mutual_insurance_claimants: {
    classifiers: PERSON_TIMES,
    // 大病救助 is hardship aid from the union, not an insurance claim.
    all: [['理赔', '赔付', '获赔', '互助金', '住院补助']],
  },
  mutual_insurance_amount: {
    classifiers: MONEY,
    all: [['理赔', '互助保障', '医疗互助', '互助金', '互助保险']],
  },

  // 健康关怀
  health_checkup_participants: {
    classifiers: PERSON_TIMES,
    all: [CHECKUP],
    not: ['女', '退休', '离退休', '专项', '妇科'],
  },
  health_lectures: {
    classifiers: ['场', '次', '期'],
    all: [['讲座', '报告会', '讲堂', '知识讲授', '健康课'], ['健康', '心理', '养生', '保健', '医学', '疾病', '卫生', '营养', '医疗', '急救']],
  },
  rest_trip_participants: {
    classifiers: PERSON_TIMES,
    all: [TRIP],
    any: ['休养员', '参加', '共'],
    not: ['退休', '离退休'],
  },
  rest_trip_groups: {
    classifiers: ['个', '批', '条', '支', '团', '队', '期'],
    all: [TRIP],
    nouns: ['团队', '线路', '路线', '批', '团', '队', '批次', '期'],
    not: ['退休', '离退休'],
  },

  // 文体活动
  culture_sports_events: {
    classifiers: ['次', '场', '项', '个'],
    all: [['文体', '文艺', '体育', '运动', '比赛', '联欢', '歌咏', '晚会', '演出', '球', '棋', '登山', '拔河', '健身', '舞', '唱', '庆祝', '游戏', '趣味', '书画', '摄影', '游园', '读书', '观影', '电影', '徒步']],
    nouns: ['活动', '比赛', '赛', '运动会', '联欢', '晚会', '演出', '展览', '竞赛'],
    not: ['参加上级', '上级', '组队参加', '参加', '选送', '女工', '女教', '退休', '师德', '三八', '获', '奖'],
  },
  external_competitions: {
    classifiers: ['次', '项', '场'],
    all: [['参加', '参与', '组队', '选送', '派队', '代表学校', '参赛'], ['比赛', '竞赛', '大赛', '赛事', '运动会', '汇演', '展演', '联赛', '邀请赛', '锦标赛']],
    any: ['上级', '区', '市', '县', '省', '教育局', '教育工会', '总工会'],
    nouns: ['比赛', '竞赛', '大赛', '赛事', '运动会', '汇演', '展演', '联赛', '邀请赛', '锦标赛', '赛'],
    not: ['获', '奖', '第', '技能', '练兵', '基本功'],
  },
  sports_teams: {
    classifiers: ['支', '个'],
    all: [['队', '协会', '俱乐部', '社团', '兴趣小组', '合唱团', '舞蹈团']],
    any: ['教工', '组建', '成立', '现有', '文体'],
    nouns: ['队', '队伍', '协会', '俱乐部', '社团', '兴趣小组', '团'],
    not: ['参赛', '比赛中', '报名', '学生', '团队', '代表队', '教师队伍', '干部队伍', '队伍建设', '人才队伍'],
  },
  fitness_equipment_items: {
    classifiers: ['件', '个', '台', '套', '付', '副', '张', '种', '组', '辆'],
    all: [['器材', '器械', '球台', '乒乓球台', '设备', '健身路径', '跑步机', '球桌', '台球桌', '按摩椅', '健身车', '动感单车', '音响']],
    not: ['每人', '每位'],
  },
  facility_investment: {
    classifiers: MONEY,
    all: [['投入', '投资', '购置', '购买', '添置', '改造', '建设', '装修', '修缮', '配备', '更新'], ['器材', '设施', '活动室', '场所', '健身', '教工之家', '职工之家', '活动中心', '场地', '器械', '设备', '书屋', '阅览室', '球场', '健身房']],
  },

  // 业务提升
  mentor_pairs: {
    classifiers: ['对', '组', '个'],
    all: [['师徒', '结对', '青蓝', '带徒', '师傅', '徒弟', '传帮带']],
    nouns: ['师徒', '对子', '对', '组'],
  },
  skill_competitions: {
    classifiers: ['次', '场', '项', '轮'],
    all: [['练兵', '技能', '基本功', '比武', '赛课', '说课', '教学竞赛', '教学比赛', '课堂教学大赛', '技能竞赛']],
    not: ['获', '奖'],
  },
  staff_trainings: {
    classifiers: PERSON_TIMES,
    all: [['培训', '进修', '研修', '学习', '考察', '观摩', '跟岗'], ['外出', '选派', '派出', '推荐', '赴', '送', '参加']],
    not: ['干部', '代表', '讲座', '工会委员', '体检', '休养'],
  },

  // 女工工作
  female_activities: {
    classifiers: ['次', '场', '项', '期'],
    all: [['女工', '女教师', '女教工', '女职工', '三八', '妇女节', '巾帼', '女性', '女教职工', '女工委']],
    nouns: ['活动', '沙龙', '讲座', '比赛', '培训', '联谊'],
    not: ['体检'],
  },
  female_checkup_participants: {
    classifiers: PERSON_TIMES,
    all: [['女'], ['体检', '参检', '妇科', '两癌', '筛查', '检查']],
  },

  // 退休教工
  retiree_activities: {
    retirees: true,
    classifiers: ['次', '场', '项'],
    all: [RETIREE],
    nouns: ['活动', '参观', '座谈', '聚餐', '游览', '联谊', '茶话会', '比赛'],
    not: ['体检', '慰问', '走访', '看望', '探望'],
  },
  retiree_checkup_participants: {
    retirees: true,
    classifiers: PERSON_TIMES,
    all: [RETIREE, CHECKUP],
  },
  retiree_visits: {
    retirees: true,
    classifiers: [...PERSON_TIMES, '户'],
    all: [RETIREE, VISIT],
  },

  // 自身建设
  union_dues_collected: {
    classifiers: MONEY,
    all: [['会费', '会员费']],
    any: ['收缴', '收取', '上缴', '缴纳', '收入'],
  },
  union_expenditure: {
    yearTotal: true,
    classifiers: MONEY,
    // 支出合计 / 本年支出 in a finance sheet is the union's own expenditure.
    all: [['经费', '工会经费', '支出合计', '本年支出', '全年支出', '年度支出', '总支出'], ['支出', '开支', '使用', '用于', '花费', '用去']],
    not: ['会费'],
  },
  cadre_trainings: {
    classifiers: ['次', '场', '期'],
    all: [['工会干部', '工会委员', '工会主席', '工会组长', '小组长', '委员', '干部'], ['培训', '学习', '辅导', '讲座', '研修']],
    not: ['代表'],
  },
  new_cadre_share: {
    classifiers: ['%'],
    all: [['新任', '新上任', '新当选', '新进', '新选', '新增'], ['干部', '委员']],
  },
  union_papers: {
    classifiers: ['篇', '份', '项'],
    all: [['论文', '理论研究', '调研报告', '课题', '研究文章']],
    not: ['学生', '教学论文'],
  },
  info_submissions: {
    classifiers: ['篇', '条', '份', '则', '期'],
    all: [['信息', '报道', '稿件', '投稿', '新闻', '宣传稿', '通讯稿', '简讯']],
    not: ['论文'],
  },

  // 荣誉
  union_collective_honours: {
    honour: true,
    classifiers: ['项', '个', '次'],
    all: [['荣誉', '称号', '先进集体', '先进单位', '表彰', '奖'], ['工会', '集体', '学校', '我校', '本校']],
    nouns: ['荣誉', '称号', '奖', '奖项', '先进', '表彰'],
    not: ['个人', '教职工', '教师', '人次', '团体获奖'],
  },
  staff_individual_awards: {
    honour: true,
    classifiers: PERSON_TIMES,
    all: [['奖', '荣誉', '称号', '表彰', '评为', '先进个人', '标兵', '名次']],
    not: ['团体', '集体', '学生', '队', '班组', '代表', '理赔', '补助', '慰问', '体检', '师德', '提案'],
  },
  staff_team_awards: {
    honour: true,
    classifiers: ['项', '个', '次'],
    all: [MEETING_TEAM_AWARD, ['奖', '名次', '冠军', '亚军', '季军']],
    not: ['学生', '个人'],
  },
  model_team_nominations: {
    classifiers: ['个', '支'],
    all: [['班组', '先进集体', '文明班组', '工人先锋号', '巾帼文明岗', '模范集体', '示范岗', '先进班组']],
    any: ['推荐', '评选', '参评', '申报', '参与'],
    nouns: ['班组', '集体', '岗', '先锋号', '组'],
  },
};

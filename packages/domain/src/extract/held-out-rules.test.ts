// One test per rule added after the held-out check of issue 13 (sentences written for these tests).
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { extractSuggestions } from './extract-figures';

function figures(text: string): string[] {
  return extractSuggestions(text, defaultCatalogue).suggestions.map((s) => `${s.indicatorCode}=${s.value}${s.approx ? '~' : ''}${s.isPlan ? ' plan' : ''}`);
}

describe('held-out rules (issue 13)', () => {
  it('reads columns aligned with full-width spaces as a table', () => {
    expect(figures('经费收支（单位：元）\n会员费收入　　12,340\n本年支出合计　　98,760\n')).toEqual(['union_dues_collected=12340', 'union_expenditure=98760']);
  });

  it('treats a document titled as a plan as planned throughout, its present headcount as a fact', () => {
    expect(figures('滨海新区第三实验中学工会2025年度工作要点\n\n学校现有教职工72人。\n一、开展师德主题活动3次。\n')).toEqual(['staff_total=72', 'ethics_activities=3 plan']);
  });

  it('keeps headcounts inside a budget sentence actual', () => {
    const found = figures('明年春节慰问费用预算：拟慰问在职教职工90人、退休教职工30人，共需约4.8万元。');
    expect(found).toContain('retired_staff=30');
    expect(found).toContain('holiday_welfare_amount=48000~ plan');
  });

  it('names a total after a list cut by ； with the words of the list, and plans it with the list', () => {
    expect(figures('春节慰问费用预算：在职教职工90人，每人500元；退休教职工30人，每人300元；合计约5.4万元。')).toEqual(['staff_total=90', 'retired_staff=30', 'holiday_welfare_amount=54000~ plan']);
  });

  it('does not read 走访慰问 as home visits', () => {
    expect(figures('工会走访慰问教职工25人次。')).not.toContain('staff_home_visits=25');
  });

  it('reads a leading time frame (春节期间，) with the clause it opens', () => {
    expect(figures('春节期间，校领导和工会委员走访一线教职工30人次。')).toEqual(['holiday_visits=30']);
  });

  it('ends the counted noun at a verb after the figure (对困难教职工4人进行了慰问)', () => {
    expect(figures('春节前对困难教职工4人进行了慰问。')).toEqual(['hardship_aid_recipients=4']);
  });

  it('does not take attendance (实到) for the number of delegates', () => {
    expect(figures('本届教代会正式代表60人，今年的会议实到57人。')).toEqual(['congress_delegates=60']);
  });

  it('counts vehicles-type equipment written with 辆', () => {
    expect(figures('为教工活动室新购动感单车3辆。')).toEqual(['fitness_equipment_items=3']);
  });

  it('lets a yearly total replace the partial figures that add up to it', () => {
    expect(figures('上半年探望生病教职工5人次。下半年探望生病教职工7人次。全年共探望生病教职工12人次。')).toEqual(['sick_visits=12']);
  });

  it('reads 全部办结 after a count of proposals as that many resolved', () => {
    expect(figures('大会收到提案12件，会后全部办结。')).toEqual(['proposals_collected=12', 'proposals_resolved=12']);
    expect(figures('大会收到提案12件，会后均已答复。')).toEqual(['proposals_collected=12']);
  });

  it('does not pre-fill single events listed one by one (一次…、一次…)', () => {
    const result = extractSuggestions('工会组织了一次教工登山、一次包饺子比赛。', defaultCatalogue).suggestions;
    expect(result.filter((s) => s.tier === 'confident')).toEqual([]);
  });

  it('does not pre-fill a retiree reading resting on 老教师 alone', () => {
    const result = extractSuggestions('工会走访了长期在村小任教的老教师9人。', defaultCatalogue).suggestions;
    expect(result.filter((s) => s.tier === 'confident' && s.indicatorCode === 'retiree_visits')).toEqual([]);
  });

  it('counts every item of a list before 各一场', () => {
    expect(figures('开展心理健康、颈椎保健讲座各一场。')).toEqual(['health_lectures=2']);
    expect(figures('男女教工各一名参加。')).toEqual([]);
  });

  it('drops the parent body of a branch union named with its ordinal or as 全校', () => {
    const text = '外语学院分工会工作总结\n学院推荐的3名代表出席了学校第九届教代会。全校现有教职工2100余人。学院分工会现有会员60人。';
    expect(figures(text)).toEqual(['union_members=60']);
  });

  it('counts events after an organising verb without a counted noun', () => {
    expect(figures('组织退休教师春游一次。')).toEqual(['retiree_activities=1']);
  });

  it('does not count the pool a subset is taken from (四位老师中有三人获奖)', () => {
    expect(figures('在区教工素养大赛中，我园派出的四位老师中有三人获奖。')).toEqual(['staff_individual_awards=3']);
  });

  it('reads every figure of a bracketed 其中 list as a sub-count', () => {
    expect(figures('召开教代会，选举产生代表50名（其中女代表30人，青年代表12人）。')).toEqual(['congress_delegates=50']);
  });

  it('offers a bare total (一共3场) for the list of the clause before', () => {
    const result = extractSuggestions('活动：篮球赛、拔河比赛、教工趣味运动会，一共3场。', defaultCatalogue).suggestions;
    expect(result.map((s) => `${s.indicatorCode}=${s.value}`)).toEqual(['culture_sports_events=3']);
  });

  it('does not take expenditure and balance for parts of the income (收入 = 支出 + 结余)', () => {
    expect(figures('全年工会经费收入共计20万元，支出18万元，收支相抵结余2万元。')).toEqual(['union_expenditure=180000']);
  });

  it('gives participants the activity their sentence opens with', () => {
    expect(figures('工会组织教职工疗休养，共分三批，分别赴福建和云南，参加教职工共120人次。')).toEqual(['rest_trip_groups=3', 'rest_trip_participants=120']);
  });

  it('names every table row with the label cell of its header row (| 慰问类别 | 人次 |)', () => {
    expect(figures('| 慰问类别 | 人次 | 金额 |\n| 生病住院 | 9 | 2700 |\n| 生育 | 2 | 1000 |\n')).toEqual([
      'sick_visits=9',
      'sick_visit_amount=2700',
      'sick_visits=2',
      'sick_visit_amount=1000',
    ]);
  });

  it('reads a 合计 row as the total of what its column was read as, replacing the rows', () => {
    expect(figures('| 项目 | 次数 |\n| 教工拔河比赛 | 1 |\n| 迎新年文艺汇演 | 1 |\n| 教工篮球赛 | 1 |\n| 合计 | 3 |\n')).toEqual(['culture_sports_events=3']);
  });

  it('does not lend the words of the next list item to a figure (…3万元、节日慰问经费4万元)', () => {
    expect(figures('全年预算支出约10万元，其中文体活动经费3万元、节日慰问经费4万元。')).not.toContain('holiday_welfare_amount=30000 plan');
  });

  it('reads 两次会议 as the meetings its sentence named', () => {
    expect(figures('1月召开二次教代会（第三届第二次会议），9月召开第三届第三次会议，两次会议审议通过了2项制度。')).toContain('congress_sessions=2');
  });

  it('does not take 大病救助 for an insurance claim', () => {
    expect(figures('为3名患大病的教职工申请上级工会大病救助。')).not.toContain('mutual_insurance_claimants=3');
  });

  it('does not count the recipients of a holiday gift as visits', () => {
    expect(figures('全体教职工共80人收到了工会准备的节日慰问品。')).not.toContain('holiday_visits=80');
  });

  it('counts a figure restated in a recap sentence (此次活动…) once', () => {
    expect(figures('工会看望了困难教职工3人，送去慰问金共3000元。此次活动共慰问教职工15人次，其中困难教职工3人次。')).toEqual(['hardship_aid_recipients=3', 'hardship_aid_amount=3000']);
  });

  it('counts the last pair joined by 和 before 各一次', () => {
    expect(figures('组织元宵灯谜、教工羽毛球赛、秋季徒步和迎新联欢各一次。')).toEqual(['culture_sports_events=4']);
  });

  it('lets a date stand between a proposal count and 全部办结', () => {
    expect(figures('代表提交提案8件，截至12月底已全部办结。')).toEqual(['proposals_collected=8', 'proposals_resolved=8']);
  });

  it('does not count aid for staff children (子女, 助学金) as hardship aid', () => {
    expect(figures('“金秋助学”资助教职工子女上大学3人，发放助学金3000元。')).toEqual([]);
  });

  it('lets a per-capita amount lend its words to the total after it (每位…200元的慰问品，共计发放…)', () => {
    const result = extractSuggestions('国庆、中秋双节，工会为每位教职工发放价值200元的慰问品，共计发放3.2万元。', defaultCatalogue).suggestions;
    expect(result.map((s) => `${s.indicatorCode}=${s.value} ${s.tier}`)).toEqual(['holiday_welfare_amount=32000 confident']);
  });
});

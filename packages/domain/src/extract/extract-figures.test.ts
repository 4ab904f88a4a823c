import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { extractSuggestions } from './extract-figures';
import { extractionResultSchema } from './suggestion';

function figures(text: string): string[] {
  return extractSuggestions(text, defaultCatalogue).suggestions.map((s) => `${s.indicatorCode}=${s.value}${s.approx ? '~' : ''}${s.isPlan ? ' plan' : ''}`);
}

describe('extractSuggestions: units and conversion', () => {
  it('tells person-times from persons and converts money to 元', () => {
    expect(figures('全年慰问生病住院教职工16人次，支出慰问金1.2万元。')).toEqual(['sick_visits=16', 'sick_visit_amount=12000']);
    expect(figures('全校现有教职工86人，其中女教职工61人。')).toEqual(['staff_total=86', 'female_staff=61']);
    expect(figures('帮扶困难教职工5人次，发放帮扶金十万元。')).toEqual(['hardship_aid_recipients=5', 'hardship_aid_amount=100000']);
    expect(figures('收缴会费3245.60元。')).toEqual(['union_dues_collected=3245.6']);
  });

  it('reads Chinese numerals and approximations', () => {
    expect(figures('看望生病教职工二十五人次，使用资金一千二百多元。')).toEqual(['sick_visits=25', 'sick_visit_amount=1200~']);
    expect(figures('组织教职工外出疗休养一百二十余人次。')).toEqual(['rest_trip_participants=120~']);
    expect(figures('新任工会干部占50%左右。')).toEqual(['new_cadre_share=50~']);
  });

  it('uses the noun after the classifier: 11个团队374位休养员', () => {
    expect(figures('暑期组织11个团队374位休养员赴海南等六个景点休养。')).toEqual(['rest_trip_groups=11', 'rest_trip_participants=374']);
  });

  it('gives one figure to two meetings joined by 及', () => {
    expect(figures('召开两次全校教职工大会及教职工代表大会。')).toEqual(['staff_assemblies=2', 'congress_sessions=2']);
  });
});

describe('extractSuggestions: plans', () => {
  it('marks figures after plan words as plans', () => {
    expect(figures('在行政支持下，计划投资五万元购置教职工健身器材。')).toEqual(['facility_investment=50000 plan']);
    expect(figures('明年拟组织教职工疗休养2批。')).toEqual(['rest_trip_groups=2 plan']);
    expect(figures('下一步，工会将投入3万元改造教工活动室。')).toEqual(['facility_investment=30000 plan']);
  });

  it('does not take 按计划 or 有计划地 for a plan', () => {
    expect(figures('按照年初工作计划，工会组织教职工参加健康体检120人。')).toEqual(['health_checkup_participants=120']);
  });

  it('marks figures in the plans section as plans', () => {
    const text = `${'工会认真履行职能，各项工作有序开展，教职工满意度不断提高。'.repeat(4)}\n四、明年工作打算\n组织师德主题活动4次。`;
    expect(figures(text)).toEqual(['ethics_activities=4 plan']);
  });
});

describe('extractSuggestions: figures that are not indicator values', () => {
  it.each([
    ['dates and years', '2023年9月10日，工会召开会议。'],
    ['placeholders', '全校20xxxx位教职工紧紧团结在一起。'],
    ['ordinals and session numbers', '召开第十二届教代会第三次会议，九届二次教代会通过了方案。'],
    ['list numbering', '1、组织教职工学习。\n（2）开展活动。\n三、加强建设'],
    ['slogans', '以“三个代表”为指导，开展“一帮一”和“三关心”活动，践行八荣八耻。'],
    ['prize grades', '教师获区评优课一等奖、三等奖。'],
    ['ages, tenure and durations', '为三十年教龄教职工颁发证书，组织二日游，历时3个月。'],
    ['per-capita and frequencies', '为每人发放一只羽毛球拍，每位会员每月缴纳会费10元，体检一年一次。'],
    ['ratios', '投资全体教师两人一个羽毛球，绩效部分1: 1.7。'],
    ['negated figures', '仍有3份提案尚未办结，还有5名教职工没有入会。'],
    ['other organisations', '在参赛的二十五支队伍中取得好成绩，全县共有教职工3200余人。'],
    ['back references', '文体活动能达到以上两个效果。'],
    ['an article 一', '建设一支优秀的教师队伍。'],
    ['cumulative history', '建校以来，学校获得市级以上荣誉二十余项。'],
  ])('%s', (_name, text) => {
    expect(figures(text)).toEqual([]);
  });

  it('drops a part already counted in the same sentence (其中一篇)', () => {
    expect(figures('组织工会干部撰写两篇论文，其中一篇入选论文集。')).toEqual(['union_papers=2']);
  });
});

describe('extractSuggestions: scope rules end to end', () => {
  it('does not take a sub-count for a second value of its total (其中女代表)', () => {
    expect(figures('全校教代会正式代表70人（其中女代表41人）。')).toEqual(['congress_delegates=70']);
  });
  it('keeps a sub-count that is itself an indicator (其中女教职工)', () => {
    expect(figures('学校现有教职工90人，其中女教职工58人。')).toEqual(['staff_total=90', 'female_staff=58']);
  });
  it('keeps the total and drops parts that sum to it', () => {
    expect(figures('全年举办健康讲座3场，心理讲座2场、养生讲座1场。')).toEqual(['health_lectures=3']);
    expect(figures('教师在区赛课中获一等奖2人、二等奖5人，共7人获奖。')).toEqual(['staff_individual_awards=7']);
  });
  it('reads each item of a list with its own words (在职…、退休…)', () => {
    expect(figures('春节前走访慰问了教职工，其中在职教职工70人次、退休教职工25人次。')).toEqual(['holiday_visits=70', 'retiree_visits=25']);
  });
  it('counts the check-up, not the staff, when 参检 governs the figure', () => {
    expect(figures('组织全体教职工健康体检，参检教职工84人。')).toEqual(['health_checkup_participants=84']);
  });
  it('drops family members, students and parents', () => {
    expect(figures('组织教职工及家属赴山区休养，参加教职工50人、家属14人。')).toEqual(['rest_trip_participants=50']);
    expect(figures('为学生家长举办家庭教育讲座2场。')).toEqual([]);
  });
  it('does not count 立案 as collected nor 答复 as resolved', () => {
    expect(figures('共收到提案20份，立案15份。')).toEqual(['proposals_collected=20']);
    expect(figures('上次大会的9件提案均已答复。')).toEqual([]);
  });
  it('drops honours the school gives its own staff', () => {
    expect(figures('学校对优秀教职工进行了表彰，10名教师被评为校级优秀班主任。')).toEqual([]);
  });
  it('drops temporary working groups and remainders', () => {
    expect(figures('工会委员分成4个小组上门慰问。')).toEqual([]);
    expect(figures('收到提案12件，办结9件，剩余3件将于下学期办结。')).toEqual(['proposals_collected=12', 'proposals_resolved=9']);
  });
  it('counts the same amount mentioned twice once', () => {
    expect(figures('发放困难补助8000元。全年困难补助共计8000元。')).toEqual(['hardship_aid_amount=8000']);
  });
  it('keeps a done figure done after a plan word cancelled by 了', () => {
    expect(figures('争取上级帮扶资金，对3名困难教师给予了帮扶。')).toEqual(['hardship_aid_recipients=3']);
  });
  it('lets the counted noun after the measure word decide (…等3项岗位练兵活动, 2次文体活动)', () => {
    expect(figures('组织了说课比赛、板书比赛等2项岗位练兵活动。')).toEqual(['skill_competitions=2']);
    expect(figures('举办了三八女教职工插花、教工跳绳赛2次文体活动。')).toEqual(['culture_sports_events=2']);
  });
  it('reads 一 after 的/是 as an article', () => {
    expect(figures('这是工会落实关爱理念的一项具体举措。')).toEqual([]);
  });
  it('drops figures still pending', () => {
    expect(figures('另有2名教职工的理赔申请仍在审核中。')).toEqual([]);
  });
  it('reads people governed by an event verb after them as participants, not the headcount', () => {
    expect(figures('30余位退休教师欢聚一堂。')).toEqual([]);
  });
  it('does not give the figures of retirees to staff indicators', () => {
    expect(figures('看望住院的退休教师——李老师，送去慰问金200元。')).toEqual([]);
  });
  it('does not take the cost of one activity for the yearly expenditure', () => {
    expect(figures('组织女教职工踏青（用于活动的经费达900多元）。')).toEqual([]);
  });
  it('drops an amount whose borrowed reading its sentence contradicts', () => {
    expect(figures('慰问对象有骨干教师、患病困难教职工等，发放慰问品共计9000元。')).not.toContain('sick_visit_amount=9000');
  });
  it('keeps the parts of a total that are other indicators (a budget split by heading)', () => {
    expect(figures('全年工会经费支出9万元，其中：节日慰问5万元，困难帮扶4万元。')).toEqual(['union_expenditure=90000', 'holiday_welfare_amount=50000', 'hardship_aid_amount=40000']);
  });
  it('reads a figure fronted with 对 with the verb of the next clause', () => {
    expect(figures('对上次大会的21件提案，学校已全部落实。')).toEqual(['proposals_resolved=21']);
  });
  it('does not read the people of an activity clause as the headcount (组织女教职工踏青，共有32人)', () => {
    expect(figures('三月组织女教职工外出踏青，共有32人。')).not.toContain('female_staff=32');
    expect(figures('三月组织女教职工外出踏青，共有32人。')).not.toContain('staff_total=32');
  });
  it('reads 二次教代会 as the second session, 两次 as a count', () => {
    expect(figures('三月召开二次教代会，审议通过了考核方案。')).toEqual([]);
    expect(figures('全年召开教代会两次。')).toEqual(['congress_sessions=2']);
  });
  it('does not take cost allowances for hardship aid (伙食费补助)', () => {
    expect(figures('外出培训期间发放伙食费补助60元。')).toEqual([]);
  });
  it('knows 会员费 and 合理化建议', () => {
    expect(figures('全年收取会员费收入9800元。')).toEqual(['union_dues_collected=9800']);
    expect(figures('共收到合理化建议12项。')).toEqual(['proposals_collected=12']);
  });
  it('does not read a headcount under a total that is not one (名额20个（含退休教师3名）)', () => {
    expect(figures('疗休养名额20个（含退休教师3名）。')).not.toContain('retired_staff=3');
  });
  it('marks every figure of a month-by-month plan as planned', () => {
    expect(figures('二月份：召开教代会。\n三月份：组织女教职工活动2次。\n五月份：举办教职工运动会。')).toEqual(['female_activities=2 plan']);
  });
  it('marks money in a budget sentence as planned and headcounts in it as actual', () => {
    expect(figures('中秋慰问预算：全校教职工80人，共需慰问经费约2.4万元。')).toEqual(['staff_total=80', 'holiday_welfare_amount=24000~ plan']);
  });
});

describe('extractSuggestions: end to end', () => {
  const text = [
    '城南小學工會2024年工作總結',
    '一年來，校工會在學校黨支部和區教育工會的領導下，團結帶領全校128名教職工，較好地完成了各項工作。',
    '一、關心教職工生活',
    '全年共探望生病住院教職工14人次，支出慰問金4200元；春節前走訪慰問困難教職工6戶，發放幫扶金1.8萬元。工會還為教職工送上生日蛋糕和賀卡128人次。',
    '二、豐富文體生活',
    '舉辦教職工趣味運動會、迎新聯歡會等文體活動5次，組隊參加區教職工氣排球比賽2次。',
    '三、存在的不足',
    '工會活動的覆蓋面還不夠廣。',
    '四、下一步工作打算',
    '計劃新建教工健身房，投入約3萬元。',
  ].join('\n');

  const result = extractSuggestions(text, defaultCatalogue);

  it('finds every figure with its unit, approximation and plan flag', () => {
    expect(result.suggestions.map((s) => `${s.indicatorCode}=${s.value}${s.approx ? '~' : ''}${s.isPlan ? ' plan' : ''}`)).toEqual([
      'staff_total=128',
      'sick_visits=14',
      'sick_visit_amount=4200',
      'hardship_aid_recipients=6',
      'hardship_aid_amount=18000',
      'birthday_greetings=128',
      'culture_sports_events=5',
      'external_competitions=2',
      'facility_investment=30000~ plan',
    ]);
  });

  it('points evidence into the original (traditional) text', () => {
    const amount = result.suggestions.find((s) => s.indicatorCode === 'hardship_aid_amount')!;
    expect(text.slice(amount.evidence.figure.start, amount.evidence.figure.end)).toBe('1.8萬元');
    expect(amount.evidence.sentence).toBe(text.slice(amount.evidence.start, amount.evidence.end));
    expect(amount.evidence.sentence).toBe('春節前走訪慰問困難教職工6戶，發放幫扶金1.8萬元。');
    expect(amount.unit).toBe('元');
  });

  it('splits the sections and validates against the schema', () => {
    expect(result.sections.shortcomings).toBe('三、存在的不足\n工會活動的覆蓋面還不夠廣。');
    expect(result.sections.plans).toBe('四、下一步工作打算\n計劃新建教工健身房，投入約3萬元。');
    expect(extractionResultSchema.parse(result)).toEqual(result);
    for (const s of result.suggestions) {
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('maps offsets through removed pinyin glosses', () => {
    const noisy = '工會就慰問生育、生病教職工16人次，補助貧困教職工8人次，獲區(qū)評優(yōu)課一等獎3人次。';
    const found = extractSuggestions(noisy, defaultCatalogue).suggestions;
    expect(found.map((s) => `${s.indicatorCode}=${s.value}`)).toEqual(['sick_visits=16', 'hardship_aid_recipients=8', 'staff_individual_awards=3']);
    const award = found[2]!;
    expect(noisy.slice(award.evidence.figure.start, award.evidence.figure.end)).toBe('3人次');
  });

  it('returns nothing for an empty text', () => {
    expect(extractSuggestions('', defaultCatalogue)).toEqual({
      suggestions: [],
      sections: { achievements: '', shortcomings: '', plans: '', spans: [{ section: 'achievements', start: 0, end: 0 }] },
    });
  });
});

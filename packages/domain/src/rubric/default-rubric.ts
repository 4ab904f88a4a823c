import type { Rubric } from './rubric';

/**
 * The default assessment table a district starts from (100 points), modelled
 * on the paper 考核细则 districts use: democratic management and care for
 * staff weigh most; per-100-staff targets keep small schools comparable.
 */
export const defaultRubric: Rubric = {
  totalPoints: 100,
  starLevels: [
    { minScore: 90, stars: 5 },
    { minScore: 80, stars: 4 },
    { minScore: 70, stars: 3 },
    { minScore: 60, stars: 2 },
    { minScore: 0, stars: 1 },
  ],
  items: [
    { id: 'congress', category: 'democracy', titleZh: '按时召开教代会', points: 8, method: { kind: 'reach_target', indicator: 'congress_sessions', target: 1 } },
    { id: 'proposals', category: 'democracy', titleZh: '提案办结率', points: 6, method: { kind: 'ratio_to_target', numerator: 'proposals_resolved', denominator: 'proposals_collected', target: 0.9 } },
    { id: 'disclosure', category: 'democracy', titleZh: '校务公开事项', points: 5, method: { kind: 'linear_to_target', indicator: 'affairs_disclosure_items', target: 12 } },
    { id: 'joint_meetings', category: 'democracy', titleZh: '党政工联席会议', points: 4, method: { kind: 'reach_target', indicator: 'joint_meetings', target: 4 } },
    { id: 'ethics', category: 'ethics', titleZh: '师德建设活动', points: 6, method: { kind: 'linear_to_target', indicator: 'ethics_activities', target: 4 } },
    { id: 'publicity', category: 'ethics', titleZh: '师德宣传专栏', points: 3, method: { kind: 'linear_to_target', indicator: 'publicity_issues', target: 4 } },
    { id: 'ethics_evidence', category: 'ethics', titleZh: '总结中有师德工作实例', points: 3, method: { kind: 'narrative_evidence', keywords: ['师德'], target: 3 } },
    { id: 'hardship', category: 'aid', titleZh: '困难帮扶覆盖面', points: 6, method: { kind: 'rate_per_100_staff', indicator: 'hardship_aid_recipients', target: 8 } },
    { id: 'sick_visits', category: 'aid', titleZh: '探望慰问病患', points: 5, method: { kind: 'rate_per_100_staff', indicator: 'sick_visits', target: 8 } },
    { id: 'holiday_visits', category: 'aid', titleZh: '节日走访慰问', points: 4, method: { kind: 'rate_per_100_staff', indicator: 'holiday_visits', target: 50 } },
    { id: 'birthdays', category: 'aid', titleZh: '生日慰问', points: 5, method: { kind: 'rate_per_100_staff', indicator: 'birthday_greetings', target: 80 } },
    { id: 'checkups', category: 'health', titleZh: '组织健康体检', points: 6, method: { kind: 'rate_per_100_staff', indicator: 'health_checkup_participants', target: 90 } },
    { id: 'health_lectures', category: 'health', titleZh: '健康讲座', points: 4, method: { kind: 'reach_target', indicator: 'health_lectures', target: 2 } },
    { id: 'culture', category: 'culture', titleZh: '教工文体活动', points: 6, method: { kind: 'linear_to_target', indicator: 'culture_sports_events', target: 6 } },
    { id: 'teams', category: 'culture', titleZh: '教工文体队伍', points: 4, method: { kind: 'reach_target', indicator: 'sports_teams', target: 2 } },
    { id: 'mentors', category: 'development', titleZh: '师徒结对', points: 4, method: { kind: 'rate_per_100_staff', indicator: 'mentor_pairs', target: 10 } },
    { id: 'skills', category: 'development', titleZh: '岗位练兵与技能竞赛', points: 4, method: { kind: 'reach_target', indicator: 'skill_competitions', target: 2 } },
    { id: 'women', category: 'women', titleZh: '女工活动', points: 4, method: { kind: 'reach_target', indicator: 'female_activities', target: 3 } },
    { id: 'retirees', category: 'retirees', titleZh: '退休教工活动', points: 3, method: { kind: 'reach_target', indicator: 'retiree_activities', target: 2 } },
    { id: 'cadre_training', category: 'self_building', titleZh: '工会干部培训', points: 2, method: { kind: 'reach_target', indicator: 'cadre_trainings', target: 1 } },
    { id: 'information', category: 'self_building', titleZh: '工会信息报道', points: 3, method: { kind: 'linear_to_target', indicator: 'info_submissions', target: 10 } },
    { id: 'honours', category: 'honours', titleZh: '区县级及以上荣誉', points: 5, method: { kind: 'honours', minLevel: 'county', target: 3 } },
  ],
};

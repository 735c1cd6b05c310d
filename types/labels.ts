/**
 * The value lists and their Chinese labels, with no schema code: screens import labels from here,
 * so the mini-program's main package does not carry the validation library.
 */

export const ROLES = ['chair', 'committee', 'groupLeader', 'proposalCommittee'] as const;
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  chair: '工会主席',
  committee: '工会委员',
  groupLeader: '工会小组长',
  proposalCommittee: '提案工作委员会委员',
};

export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };

export const MEMBER_STATUSES = ['active', 'retired'] as const;
export const STATUS_LABELS: Record<(typeof MEMBER_STATUSES)[number], string> = { active: '在职', retired: '退休' };

/** Activity categories, as the union's annual plans group them. */
export const ACTIVITY_CATEGORIES = ['sports', 'outing', 'culture', 'health', 'festival', 'meeting', 'other'] as const;
export const CATEGORY_LABELS: Record<(typeof ACTIVITY_CATEGORIES)[number], string> = {
  sports: '体育比赛',
  outing: '外出活动',
  culture: '文体活动',
  health: '健康体检',
  festival: '节日慰问',
  meeting: '会议培训',
  other: '其他',
};

export const ACTIVITY_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export const ACTIVITY_STATUS_LABELS: Record<(typeof ACTIVITY_STATUSES)[number], string> = {
  draft: '草稿',
  published: '报名中',
  closed: '已截止报名',
  cancelled: '已取消',
};

/** Kinds of vote (see the domain): 评选, 民主评议, 教代会表决, 问卷投票. */
export const VOTE_KINDS = ['election', 'appraisal', 'motion', 'poll'] as const;
export const VOTE_KIND_LABELS: Record<(typeof VOTE_KINDS)[number], string> = {
  election: '评选',
  appraisal: '民主评议',
  motion: '表决',
  poll: '投票',
};

/** 民主评议 grades, best first. */
export const GRADES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export const GRADE_LABELS: Record<(typeof GRADES)[number], string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};

/** A delegate's stance on a congress motion. */
export const STANCES = ['yes', 'no', 'abstain'] as const;
export const STANCE_LABELS: Record<(typeof STANCES)[number], string> = { yes: '赞成', no: '反对', abstain: '弃权' };

/** Who sees the results, and when. */
export const RESULT_VISIBILITIES = ['live', 'afterClose', 'organisers'] as const;
export const RESULT_VISIBILITY_LABELS: Record<(typeof RESULT_VISIBILITIES)[number], string> = {
  live: '投票中实时公布',
  afterClose: '投票结束后公布',
  organisers: '仅组织者可见',
};

/** Where a vote stands, derived from its status and the time. */
export const VOTE_PHASES = ['draft', 'scheduled', 'open', 'closed'] as const;
export const VOTE_PHASE_LABELS: Record<(typeof VOTE_PHASES)[number], string> = {
  draft: '草稿',
  scheduled: '未开始',
  open: '进行中',
  closed: '已结束',
};

/** 教代会提案 categories (提案分类), as congress reports group them. */
export const PROPOSAL_CATEGORIES = ['teaching', 'management', 'welfare', 'logistics', 'other'] as const;
export const PROPOSAL_CATEGORY_LABELS: Record<(typeof PROPOSAL_CATEGORIES)[number], string> = {
  teaching: '教育教学',
  management: '学校管理',
  welfare: '教职工福利',
  logistics: '后勤保障',
  other: '其他',
};

/** Where a proposal stands, from draft to 办结. */
export const PROPOSAL_STATUSES = ['draft', 'held', 'seeking', 'submitted', 'accepted', 'assigned', 'replied', 'closed', 'rejected', 'converted', 'merged'] as const;
export const PROPOSAL_STATUS_LABELS: Record<(typeof PROPOSAL_STATUSES)[number], string> = {
  draft: '草稿',
  held: '待人工审核',
  seeking: '征集附议中',
  submitted: '待审查',
  accepted: '已立案待交办',
  assigned: '办理中',
  replied: '已答复待评价',
  closed: '已办结',
  rejected: '不予立案',
  converted: '已转为意见建议',
  merged: '已并案',
};

/** How the proposer and co-signers rate a reply. */
export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export const RATING_LABELS: Record<(typeof RATINGS)[number], string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** Where a suggestion stands: always visible to its sender. */
export const SUGGESTION_STATUSES = ['held', 'received', 'replied', 'refused'] as const;
export const SUGGESTION_STATUS_LABELS: Record<(typeof SUGGESTION_STATUSES)[number], string> = {
  held: '待人工审核',
  received: '已收到，待答复',
  replied: '已答复',
  refused: '未通过审核',
};

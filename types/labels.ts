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

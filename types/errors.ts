/**
 * Stable error codes every cloud action may answer, with the Chinese message a person sees.
 * Codes never change meaning once shipped; messages may be reworded.
 */
export const ERROR_MESSAGES = {
  UNKNOWN_ACTION: '没有这个操作，请更新小程序后再试',
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  NOT_BOUND: '请先绑定教职工身份',
  FORBIDDEN: '你没有权限进行这个操作',
  NOT_FOUND: '要找的内容不存在或已被删除',
  ALREADY_BOUND: '你的微信已经绑定了教职工身份',
  BIND_NO_MATCH: '姓名和工号对不上，请核对后再试',
  BIND_TAKEN: '这个工号已被其他微信绑定，如有疑问请联系工会',
  BIND_TOO_MANY_ATTEMPTS: '尝试次数过多，请一小时后再试，或联系工会',
  IMPORT_FILE_UNREADABLE: '无法读取这个文件，请上传 .xlsx 或 .csv 格式的名册',
  IMPORT_TOO_LARGE: '名册太大了，一次最多导入 2000 人',
  IMPORT_NO_VALID_ROWS: '名册里没有可以导入的行',
  GROUP_NAME_TAKEN: '已经有同名的工会小组了',
  GROUP_NOT_EMPTY: '这个小组还有成员，不能删除',
  LAST_CHAIR: '至少要保留一位工会主席',
  SETUP_CLOSED: '工会已经设置过主席，不能再次初始化',
  SETUP_CODE_WRONG: '初始化口令不对',
  CONFLICT: '有人同时在修改，请刷新后再试',
  NOT_IN_AUDIENCE: '这个活动不面向你，无法报名',
  SIGNUP_NOT_OPEN: '现在不在报名时间内',
  ALREADY_SIGNED_UP: '你已经报过名了',
  NOT_SIGNED_UP: '你还没有报名这个活动',
  CANCEL_NOT_ALLOWED: '这个活动报名后不能取消，如有特殊情况请联系组织者',
  COMPANIONS_NOT_ALLOWED: '携带家属人数超过了活动的限制',
  ANSWERS_INVALID: '报名表填写有误，请检查后再试',
  ACTIVITY_NOT_EDITABLE: '活动已结束或已取消，不能再修改',
  CAPACITY_BELOW_TAKEN: '名额不能少于已报名的人数',
  CHOICE_IN_USE: '已有人选择了这个选项，不能删除',
  EDIT_BREAKS_SIGNUPS: '已有人的报名超出了修改后的限制，请先与他们沟通',
  NOT_YOUR_GROUP: '只能为本小组的会员代报名',
  CHECKIN_CLOSED: '现在不在签到时间内',
  TEAM_ACTIVITY: '这是团体赛，请由队长报名球队',
  NOT_TEAM_ACTIVITY: '这个活动不是团体赛，请直接报名',
  TEAMS_FULL: '参赛队伍已满，不能再报名新的球队',
  TEAM_NAME_TAKEN: '已经有同名的球队了，换个队名吧',
  ALREADY_IN_TEAM: '有人已经在这个活动的一支球队里了，每人只能参加一支球队',
  TOO_MANY_PLAYERS: '队员人数超过了每队的上限',
  PLAYER_NOT_FOUND: '名册里没有这个工号，请核对后再试',
  PLAYER_NOT_IN_AUDIENCE: '有队员不在这个活动的参加范围内',
  NOT_INVITED: '你没有收到这支球队的邀请，或已经回复过了',
  NOT_TEAM_CAPTAIN: '只有队长可以撤销球队报名',
  TEAMS_BELOW_REGISTERED: '最多队伍数不能少于已报名的队伍数',
  TEAM_SIZE_BELOW_PLAYERS: '每队最多人数不能少于已有球队的人数',
  TEAM_ACTIVITY_HAS_SIGNUPS: '已有会员个人报名，不能改为团体赛',
  NOT_IN_ELECTORATE: '这次投票不面向你，无法投票',
  VOTE_NOT_OPEN: '现在不在投票时间内',
  ALREADY_VOTED: '你已经投过票了，每人只能投一次',
  BALLOT_INVALID: '选票填写有误，请检查后再试',
  BALLOT_CHANGE_NOT_ALLOWED: '这次投票不能改票',
  VOTE_NOT_EDITABLE: '已经有人投票了，只能延长截止时间',
  VOTE_CLOSES_IN_PAST: '截止时间已经过了，请先修改截止时间再发布',
  RESULTS_NOT_YET: '无记名投票结束后才能导出结果',
  VOTE_EXTEND_INVALID: '新的截止时间要晚于原来的截止时间，且投票尚未结束',
  INTERNAL: '服务开小差了，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Codes only the client produces, when the cloud could not be reached or answered nonsense. */
export const CLIENT_ERROR_MESSAGES = {
  NETWORK: '网络不太顺畅，请稍后再试',
  NOT_SIGNED_IN: '请先选择身份登录',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_MESSAGES;

import type { Role } from '../../types/fields';

export interface OrganiserTool {
  title: string;
  description: string;
  url: string;
  roles: readonly Role[];
}

// URLs as in month-routes.ts (PLAN_PAGES, NOTICE_PAGES, MESSAGE_PAGES), written out: this file stays free of Taro for the unit tests.
const TOOLS: OrganiserTool[] = [
  { title: '工作计划', description: '导入年度工作计划，生成活动、投票和通知', url: '/packages/plan/import/index', roles: ['chair'] },
  { title: '发布通知', description: '给全体或部分会员发通知，查看谁已读', url: '/packages/notice-admin/edit/index', roles: ['chair', 'committee'] },
  { title: '提醒记录', description: '每条提醒经微信送达、仅站内可见或被拒收的人数', url: '/packages/message/deliveries/index', roles: ['chair', 'committee'] },
  { title: '会员名册', description: '查看会员，设置角色，导入名册', url: '/packages/admin/roster/index', roles: ['chair', 'committee'] },
  // Opens the create form: the 活动 tab (where existing activities are managed) is one tap away.
  { title: '活动管理', description: '发起新活动；已有活动在「活动」页打开后管理', url: '/packages/organiser/edit/index', roles: ['chair', 'committee'] },
  { title: '发起投票', description: '评选、民主评议、表决或问卷投票；已有投票在「投票评议」里管理', url: '/packages/vote-admin/edit/index', roles: ['chair', 'committee'] },
  { title: '提案工作', description: '审查提案、交办承办部门、生成办理情况报告', url: '/packages/proposal/list/index?box=committee', roles: ['chair', 'proposalCommittee'] },
  { title: '意见箱答复', description: '查看并答复会员的意见建议，决定是否公开', url: '/packages/proposal-admin/inbox/index', roles: ['chair', 'committee'] },
  { title: '教代会与承办部门', description: '设置会议的提案征集时间、承办部门和答复人', url: '/packages/proposal-admin/sessions/index', roles: ['chair'] },
  { title: '待审核内容', description: '内容安全检查暂不可用时提交的文字', url: '/packages/proposal-admin/moderation/index', roles: ['chair'] },
  { title: '工会小组', description: '新建、改名或删除小组', url: '/packages/admin/groups/index', roles: ['chair'] },
];

/** The organiser tools a member's roles open. */
export const organiserTools = (roles: readonly Role[]): OrganiserTool[] =>
  TOOLS.filter((tool) => tool.roles.some((role) => roles.includes(role)));

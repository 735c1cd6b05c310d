import type { Role } from '../../types/fields';

export interface OrganiserTool {
  title: string;
  description: string;
  url: string;
  roles: readonly Role[];
}

const TOOLS: OrganiserTool[] = [
  { title: '会员名册', description: '查看会员，设置角色，导入名册', url: '/packages/admin/roster/index', roles: ['chair', 'committee'] },
  // Opens the create form: the 活动 tab (where existing activities are managed) is one tap away.
  { title: '活动管理', description: '发起新活动；已有活动在「活动」页打开后管理', url: '/packages/organiser/edit/index', roles: ['chair', 'committee'] },
  { title: '投票评议', description: '发起评选、民主评议、表决或问卷投票', url: '/packages/vote-admin/edit/index', roles: ['chair', 'committee'] },
  { title: '工会小组', description: '新建、改名或删除小组', url: '/packages/admin/groups/index', roles: ['chair'] },
];

/** The organiser tools a member's roles open. */
export const organiserTools = (roles: readonly Role[]): OrganiserTool[] =>
  TOOLS.filter((tool) => tool.roles.some((role) => roles.includes(role)));

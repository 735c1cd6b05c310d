import type { Role } from '../../types/fields';

export interface OrganiserTool {
  title: string;
  description: string;
  url: string;
  roles: readonly Role[];
}

const TOOLS: OrganiserTool[] = [
  { title: '会员名册', description: '查看会员，设置角色，导入名册', url: '/packages/admin/roster/index', roles: ['chair', 'committee'] },
  { title: '工会小组', description: '新建、改名或删除小组', url: '/packages/admin/groups/index', roles: ['chair'] },
];

/** The organiser tools a member's roles open. */
export const organiserTools = (roles: readonly Role[]): OrganiserTool[] =>
  TOOLS.filter((tool) => tool.roles.some((role) => roles.includes(role)));

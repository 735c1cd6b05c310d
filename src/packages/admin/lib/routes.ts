/** Where the organiser pages live (this subpackage). */
export const ADMIN_PAGES = {
  roster: '/packages/admin/roster/index',
  import: '/packages/admin/import/index',
  groups: '/packages/admin/groups/index',
  member: (staffNo: string) => `/packages/admin/member/index?id=${encodeURIComponent(staffNo)}`,
} as const;

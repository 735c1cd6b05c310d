/** Where the activity pages live: members' pages in the main package, organisers' in packages/organiser. */
export const ACTIVITY_PAGES = {
  list: '/pages/activities/index',
  mine: '/pages/my-activities/index',
  detail: (id: string) => `/pages/activity/index?id=${encodeURIComponent(id)}`,
  create: '/packages/organiser/edit/index',
  edit: (id: string) => `/packages/organiser/edit/index?id=${encodeURIComponent(id)}`,
  participants: (id: string) => `/packages/organiser/participants/index?id=${encodeURIComponent(id)}`,
} as const;

/** Tells open activity pages that an activity or a sign-up changed, so they reload. */
export const ACTIVITY_CHANGED = 'activity:changed';

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/activities/index', 'pages/mine/index', 'pages/bind/index', 'pages/activity/index', 'pages/my-activities/index', 'pages/checkin/index'],
  // Organiser and chair tools: a subpackage, so members never download them.
  subPackages: [
    { root: 'packages/admin', pages: ['roster/index', 'import/index', 'member/index', 'groups/index'] },
    { root: 'packages/organiser', pages: ['edit/index', 'participants/index'] },
    // Team contests: captains' registration and the list of teams.
    { root: 'packages/team', pages: ['register/index', 'teams/index'] },
    // Votes: members' ballots and results; organisers' form and turnout in their own subpackage.
    { root: 'packages/vote', pages: ['list/index', 'ballot/index'] },
    { root: 'packages/vote-admin', pages: ['edit/index', 'turnout/index'] },
    // 教代会提案 and 意见箱: delegates', handlers' and members' pages; the chair's and committee's tools.
    { root: 'packages/proposal', pages: ['list/index', 'edit/index', 'detail/index'] },
    { root: 'packages/suggestion', pages: ['send/index', 'mine/index', 'detail/index', 'public/index'] },
    { root: 'packages/proposal-admin', pages: ['sessions/index', 'departments/index', 'report/index', 'moderation/index', 'inbox/index'] },
    // 通知公告: members read; the chair and committee write and follow who has read.
    { root: 'packages/notice', pages: ['list/index', 'detail/index'] },
    { root: 'packages/notice-admin', pages: ['edit/index', 'readers/index'] },
    // The annual plan (the chair's import, the year's calendar) and 消息 / 提醒设置.
    { root: 'packages/plan', pages: ['import/index', 'year/index'] },
    { root: 'packages/message', pages: ['list/index', 'settings/index', 'deliveries/index'] },
  ],
  window: {
    navigationBarTitleText: '教工之家',
    navigationBarBackgroundColor: '#b3261e',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#b3261e',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/activities/index', text: '活动', iconPath: 'assets/tab/activities.png', selectedIconPath: 'assets/tab/activities-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});

/**
 * Every page of app.json, main package and subpackages, opened in the weapp build as WeChat opens
 * it (onLoad with a realistic query, onShow, onReady): each shows its content, never 加载失败,
 * with no error in the logic layer and a template in base.wxml for every node it renders.
 */
import { CHAIR, MEMBER, makeFixtures, type PageFixtures } from './support/fixtures';
import { demoOpenid, startWeappWorld, type WeappWorld } from './support/weapp-app';

jest.setTimeout(180_000);

let world: WeappWorld;
let f: PageFixtures;

beforeAll(async () => {
  world = await startWeappWorld();
  f = await makeFixtures(world);
});
afterAll(() => world?.stop());

/** Who opens each page, with what query, and a text that only its real content shows. */
const PAGES: Record<string, (f: PageFixtures) => { who: string; query?: string; shows: string | RegExp }> = {
  'pages/index/index': () => ({ who: MEMBER, shows: '进行中的投票' }),
  'pages/activities/index': () => ({ who: MEMBER, shows: '教工乒乓球比赛' }),
  'pages/mine/index': () => ({ who: MEMBER, shows: '体艺组' }),
  'pages/bind/index': () => ({ who: 'unbound-newcomer', shows: '微信手机号一键绑定' }),
  'pages/activity/index': (f) => ({ who: MEMBER, query: `id=${f.activityId}`, shows: '学校体育馆二楼' }),
  'pages/my-activities/index': () => ({ who: MEMBER, shows: /报名|活动/ }),
  'pages/checkin/index': (f) => ({ who: MEMBER, query: `scene=${f.checkinScene}`, shows: /签到|报名/ }),
  'packages/admin/roster/index': () => ({ who: CHAIR, shows: '郭春梅' }),
  'packages/admin/import/index': () => ({ who: CHAIR, shows: /导入/ }),
  'packages/admin/member/index': () => ({ who: CHAIR, query: `id=${MEMBER}`, shows: '郭春梅' }),
  'packages/admin/groups/index': () => ({ who: CHAIR, shows: '体艺组' }),
  'packages/organiser/edit/index': (f) => ({ who: CHAIR, query: `id=${f.activityId}`, shows: '教工乒乓球比赛' }),
  'packages/organiser/participants/index': (f) => ({ who: CHAIR, query: `id=${f.activityId}`, shows: '教工乒乓球比赛' }),
  'packages/team/register/index': (f) => ({ who: MEMBER, query: `id=${f.teamContestId}`, shows: '报名球队' }),
  'packages/team/teams/index': (f) => ({ who: MEMBER, query: `id=${f.teamContestId}`, shows: '还没有球队报名' }),
  'packages/vote/list/index': () => ({ who: MEMBER, shows: '2026年度工会活动积极分子评选' }),
  'packages/vote/ballot/index': (f) => ({ who: MEMBER, query: `id=${f.voteId}`, shows: '2026年度工会活动积极分子评选' }),
  'packages/vote-admin/edit/index': (f) => ({ who: CHAIR, query: `id=${f.voteId}`, shows: '2026年度工会活动积极分子评选' }),
  'packages/vote-admin/turnout/index': (f) => ({ who: CHAIR, query: `id=${f.voteId}`, shows: '应投' }),
  'packages/proposal/list/index': () => ({ who: CHAIR, shows: '关于增设教职工子女课后托管的建议' }),
  'packages/proposal/edit/index': (f) => ({ who: CHAIR, query: `id=${f.proposalId}`, shows: '关于增设教职工子女课后托管的建议' }),
  'packages/proposal/detail/index': (f) => ({ who: CHAIR, query: `id=${f.proposalId}`, shows: '关于增设教职工子女课后托管的建议' }),
  'packages/suggestion/send/index': () => ({ who: MEMBER, shows: '匿名' }),
  'packages/suggestion/mine/index': () => ({ who: MEMBER, shows: '关于食堂' }),
  'packages/suggestion/detail/index': (f) => ({ who: MEMBER, query: `id=${f.suggestionId}`, shows: '希望食堂增加素菜窗口' }),
  'packages/suggestion/public/index': () => ({ who: MEMBER, shows: /公开|答复|建议/ }),
  'packages/proposal-admin/sessions/index': () => ({ who: CHAIR, shows: '第十二届教代会第二次会议' }),
  'packages/proposal-admin/departments/index': () => ({ who: CHAIR, shows: /部门/ }),
  'packages/proposal-admin/report/index': (f) => ({ who: CHAIR, query: `sessionId=${f.sessionId}`, shows: /办理情况|提案/ }),
  'packages/proposal-admin/moderation/index': () => ({ who: CHAIR, shows: /审核/ }),
  'packages/proposal-admin/inbox/index': () => ({ who: CHAIR, shows: '关于食堂' }),
  'packages/notice/list/index': () => ({ who: MEMBER, shows: '关于组织教职工体检的通知' }),
  'packages/notice/detail/index': (f) => ({ who: MEMBER, query: `id=${f.noticeId}`, shows: '市人民医院' }),
  'packages/notice-admin/edit/index': (f) => ({ who: CHAIR, query: `id=${f.noticeId}`, shows: /通知/ }),
  'packages/notice-admin/readers/index': (f) => ({ who: CHAIR, query: `id=${f.noticeId}`, shows: /已读|未读/ }),
  'packages/plan/import/index': () => ({ who: CHAIR, shows: /工作计划/ }),
  'packages/plan/year/index': (f) => ({ who: CHAIR, query: `year=${f.year}`, shows: `${f.year}` }),
  'packages/message/list/index': () => ({ who: MEMBER, shows: '提醒设置' }),
  'packages/message/settings/index': () => ({ who: MEMBER, shows: /提醒/ }),
  'packages/message/deliveries/index': () => ({ who: CHAIR, shows: /提醒/ }),
};

it('has a row above for every page of app.json', () => {
  const phone = world.phone(demoOpenid(MEMBER));
  expect(Object.keys(PAGES).sort()).toEqual([...phone.mp.allPages].sort());
});

const missing = new Map<string, string>();

describe.each(Object.keys(PAGES))('%s', (route) => {
  it('opens with its content', async () => {
    const { who, query, shows } = PAGES[route]!(f);
    const openid = who === 'unbound-newcomer' ? 'weapp-newcomer-openid-0001' : demoOpenid(who);
    const phone = world.phone(openid, `/${route}${query ? `?${query}` : ''}`);
    await phone.waitForText(shows);
    await phone.settle();
    expect(phone.route).toBe(route);
    expect(phone.text()).not.toContain('加载失败');
    expect(phone.errors).toEqual([]);
    for (const [nn, { className }] of phone.missingTemplates) missing.set(nn, `${route} (class "${className}")`);
  });
});

it('has a template in base.wxml for every node type any page rendered', () => {
  expect(Object.fromEntries(missing)).toEqual({});
});

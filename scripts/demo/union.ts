/**
 * The demo union that `npm start` seeds: a school union of 60 staff in eight union groups, in
 * service and retired, with a chair, committee members, group leaders and congress delegates.
 * Deterministic, so tests and screenshots can name people.
 */
import type { Group, Member } from '../../types/member';
import type { Role } from '../../types/fields';

const GROUPS = ['语文组', '数学组', '英语组', '理化生组', '政史地组', '体艺组', '行政后勤组', '离退休组'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN_MALE = ['建华', '志强', '国庆', '文杰', '俊峰', '明辉', '永刚', '海涛', '振宇', '立新', '德明', '子豪', '浩然', '卫东', '广平'];
const GIVEN_FEMALE = ['丽娟', '秀英', '静怡', '晓燕', '雪梅', '慧敏', '红霞', '婷婷', '佳怡', '玉兰', '春梅', '淑芬', '思琪', '美玲', '欣然'];

export const DEMO_GROUP_IDS = GROUPS.map((_, index) => `demo-g${index + 1}`);

/** The openid the demo uses for a bound member: stable, so a tester can sign in as anyone. */
export const demoOpenid = (staffNo: string) => `demo-openid-${staffNo}`;

/** Members left unbound, to try binding with (name + 工号 shown on the sign-in page). */
export const UNBOUND_STAFF_NOS = ['T1007', 'T1023', 'T1038', 'T1046', 'T1055'];

export interface DemoUnion {
  groups: Group[];
  members: Member[];
  /** One per bound member, keyed by openid, as binding writes them. */
  bindings: Array<{ _id: string; memberId: string; at: number }>;
}

export function buildDemoUnion(now: number): DemoUnion {
  const groups: Group[] = GROUPS.map((name, index) => ({ _id: DEMO_GROUP_IDS[index], name, createdAt: now }));
  const members: Member[] = [];
  for (let i = 0; i < 60; i++) {
    const staffNo = `T${1001 + i}`;
    const groupIndex = i % GROUPS.length;
    const retired = groupIndex === 7;
    const female = (i * 7) % 11 < 6;
    const given = (female ? GIVEN_FEMALE : GIVEN_MALE)[(i * 5) % 15];
    const name = `${SURNAMES[(i * 3) % SURNAMES.length]}${given}`;
    const roles: Role[] = [];
    if (i === 0) roles.push('chair');
    if ([1, 2, 3, 4].includes(i)) roles.push('committee');
    if (i === 2 || i === 9) roles.push('proposalCommittee');
    // The first member of each group leads it (the chair leads 语文组 too).
    if (i < GROUPS.length && !retired) roles.push('groupLeader');
    if (i === 15) roles.push('groupLeader'); // 离退休组's leader
    const bound = !UNBOUND_STAFF_NOS.includes(staffNo);
    members.push({
      _id: staffNo,
      staffNo,
      name,
      gender: female ? 'female' : 'male',
      status: retired ? 'retired' : 'active',
      department: retired ? undefined : groupIndex === 6 ? '总务处' : '教务处',
      gradeGroup: retired || groupIndex >= 5 ? undefined : ['高一年级', '高二年级', '高三年级'][i % 3],
      subjectGroup: groupIndex < 6 ? GROUPS[groupIndex].replace('组', '教研组') : undefined,
      groupId: groups[groupIndex]._id,
      groupName: groups[groupIndex].name,
      roles,
      isDelegate: !retired && i % 3 === 0,
      birthday: `${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      phone: `139${String(20000000 + i * 7919).padStart(8, '0')}`,
      ...(bound ? { openid: demoOpenid(staffNo), boundAt: now } : {}),
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const member of members) for (const key of Object.keys(member) as Array<keyof Member>) if (member[key] === undefined) delete member[key];
  const bindings = members.filter((m) => m.openid).map((m) => ({ _id: m.openid!, memberId: m._id, at: now }));
  return { groups, members, bindings };
}

import dayjs from 'dayjs';
import { assertKeepsAChair, normaliseRoles } from '../../cloudfunctions/api/src/domain/roles';
import { greeting } from '../../src/lib/greeting';
import { maskPhone } from '../../src/lib/mask';
import { organiserTools } from '../../src/lib/organiser-tools';
import { formatDateTime, inShanghai } from '../../src/lib/time';

describe('roles', () => {
  it('orders roles and drops duplicates', () => {
    expect(normaliseRoles(['groupLeader', 'chair', 'chair'])).toEqual(['chair', 'groupLeader']);
  });
  it('keeps at least one chair', () => {
    expect(() => assertKeepsAChair(['chair'], [], 1)).toThrow('LAST_CHAIR');
    expect(() => assertKeepsAChair(['chair'], [], 2)).not.toThrow();
    expect(() => assertKeepsAChair(['committee'], [], 1)).not.toThrow();
  });
  it('opens organiser tools by role only', () => {
    expect(organiserTools([])).toEqual([]);
    expect(organiserTools(['groupLeader'])).toEqual([]);
    expect(organiserTools(['committee']).map((t) => t.title)).toEqual(['发布通知', '提醒记录', '会员名册', '活动管理', '发起投票', '意见箱答复']);
    expect(organiserTools(['chair']).map((t) => t.title)).toEqual([
      '工作计划',
      '发布通知',
      '提醒记录',
      '会员名册',
      '活动管理',
      '发起投票',
      '提案工作',
      '意见箱答复',
      '教代会与承办部门',
      '待审核内容',
      '工会小组',
    ]);
    expect(organiserTools(['proposalCommittee']).map((t) => t.title)).toEqual(['提案工作']);
  });
});

describe('time in Asia/Shanghai', () => {
  it('shows Shanghai wall time whatever the machine zone', () => {
    const ms = Date.UTC(2026, 10, 25, 16, 30); // 00:30 on the 26th in Shanghai
    expect(formatDateTime(ms)).toBe('2026年11月26日 00:30');
    expect(inShanghai(ms).date()).toBe(26);
  });
  it('greets by the Shanghai hour', () => {
    const at = (hour: number) => dayjs('2026-11-25T00:00:00').hour(hour);
    expect(greeting('张老师', at(8))).toBe('张老师，早上好');
    expect(greeting('张老师', at(12))).toBe('张老师，中午好');
    expect(greeting('张老师', at(15))).toBe('张老师，下午好');
    expect(greeting('张老师', at(21))).toBe('张老师，晚上好');
  });
  it('masks a phone number', () => expect(maskPhone('13812345678')).toBe('138****5678'));
});

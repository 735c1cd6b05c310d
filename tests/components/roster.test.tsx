import { fireEvent, render, screen, within } from '@testing-library/react';
import RosterPage from '../../src/packages/admin/roster/index';
import { button, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aMember } from './support/members';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const chair = aMember({ staffNo: 'C001', name: '赵主席', groupName: '行政组', roles: ['chair'], isDelegate: true });
const committee = aMember({ staffNo: 'W001', name: '钱委员', groupName: '数学组', roles: ['committee'] });
const roster = [
  chair,
  committee,
  aMember({ staffNo: 'T101', name: '孙老师', groupName: '语文组' }),
  aMember({ staffNo: 'T102', name: '李老师', groupName: '语文组', bound: false, isDelegate: true }),
  aMember({ staffNo: 'T201', name: '周老师', groupName: '数学组', roles: ['groupLeader'] }),
];
const as = (viewer: typeof chair) => answer({ 'roster.list': { members: roster, canEdit: viewer.roles.includes('chair') } });
const rows = () => Array.from(document.querySelectorAll('.member-row'));
const rowOf = (name: string) => screen.getByText(name).closest('.member-row') as HTMLElement;

test('lists everyone once, with counts, role tags and 未绑定', async () => {
  as(chair);
  render(<RosterPage />);
  await screen.findByText('孙老师');

  expect(rows()).toHaveLength(5);
  expect(callsTo('roster.list')).toHaveLength(1);
  expect(screen.getByLabelText('会员 5')).toBeInTheDocument();
  expect(screen.getByLabelText('已绑定 4')).toBeInTheDocument();
  expect(screen.getByLabelText('未绑定 1')).toBeInTheDocument();
  expect(screen.getByLabelText('教代会代表 2')).toBeInTheDocument();

  const unbound = within(rowOf('李老师'));
  expect(unbound.getByText('T102')).toBeInTheDocument();
  expect(unbound.getByText('语文组')).toBeInTheDocument();
  expect(unbound.getByText('未绑定')).toBeInTheDocument();
  expect(unbound.getByText('教代会代表')).toBeInTheDocument();
  expect(within(rowOf('周老师')).getByText('工会小组长')).toBeInTheDocument();
  expect(within(rowOf('孙老师')).queryByText('未绑定')).not.toBeInTheDocument();
});

test('the search box narrows the list by name or by 工号', async () => {
  as(chair);
  render(<RosterPage />);
  await screen.findByText('孙老师');

  await typeInto('搜索姓名或工号', '李');
  expect(rows()).toHaveLength(1);
  expect(screen.getByText('李老师')).toBeInTheDocument();
  expect(screen.getByText('找到 1 人')).toBeInTheDocument();

  await typeInto('搜索姓名或工号', 't20');
  expect(rows()).toHaveLength(1);
  expect(screen.getByText('周老师')).toBeInTheDocument();

  await typeInto('搜索姓名或工号', '没有这个人');
  expect(rows()).toHaveLength(0);
  expect(screen.getByText('没有找到匹配的会员')).toBeInTheDocument();
});

test('a group chip shows only that group', async () => {
  as(chair);
  render(<RosterPage />);
  await screen.findByText('孙老师');

  fireEvent.click(screen.getByText('数学组', { selector: '.filter-chips *' }));
  expect(rows().map((row) => row.querySelector('.member-row__name')?.textContent)).toEqual(['钱委员', '周老师']);

  fireEvent.click(screen.getByText('全部小组'));
  expect(rows()).toHaveLength(5);
});

test('the chair opens a member, imports and manages groups', async () => {
  as(chair);
  render(<RosterPage />);
  await screen.findByText('孙老师');

  fireEvent.click(rowOf('李老师'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/member/index?id=T102' });
  fireEvent.click(button('导入名册'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/import/index' });
  fireEvent.click(button('工会小组'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/groups/index' });
});

test('a committee member sees the roster read-only', async () => {
  as(committee);
  render(<RosterPage />);
  await screen.findByText('孙老师');

  fireEvent.click(rowOf('李老师'));
  expect(taro.navigateTo).not.toHaveBeenCalled();
  expect(screen.queryByText('导入名册')).not.toBeInTheDocument();
  expect(screen.queryByText('工会小组')).not.toBeInTheDocument();
  expect(screen.getByText(/会员角色由工会主席设置/)).toBeInTheDocument();
});

test('an empty roster invites the chair to import one', async () => {
  answer({ 'roster.list': { members: [], canEdit: true } });
  render(<RosterPage />);
  expect(await screen.findByText('名册里还没有会员')).toBeInTheDocument();
  fireEvent.click(button('导入名册'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/import/index' });
});

test('a failed load says why and can be retried', async () => {
  answer({ 'roster.list': failure('FORBIDDEN') });
  render(<RosterPage />);
  expect(await screen.findByText('你没有权限进行这个操作')).toBeInTheDocument();

  answer({ 'roster.list': { members: roster, canEdit: true } });
  fireEvent.click(button('重试'));
  expect(await screen.findByText('孙老师')).toBeInTheDocument();
});

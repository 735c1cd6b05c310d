import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import GroupsPage from '../../src/packages/admin/groups/index';
import { button, confirmDialog, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const chinese = { _id: 'g-chinese', name: '语文组', createdAt: 1, memberCount: 12 };
const retired = { _id: 'g-retired', name: '退休组', createdAt: 2, memberCount: 0 };
const rowOf = (name: string) => screen.getByText(name).closest('.groups__row') as HTMLElement;

test('lists each group with how many members it has', async () => {
  answer({ 'groups.list': [chinese, retired] });
  render(<GroupsPage />);
  expect(await screen.findByText('语文组')).toBeInTheDocument();
  expect(within(rowOf('语文组')).getByText('12 人')).toBeInTheDocument();
  expect(within(rowOf('退休组')).getByText('0 人')).toBeInTheDocument();
  expect(callsTo('groups.list')).toHaveLength(1);
});

test('a new group is created from the dialog and the list refreshes', async () => {
  answer({ 'groups.list': [chinese], 'groups.create': { _id: 'g-math', name: '数学组', createdAt: 3 } });
  render(<GroupsPage />);
  await screen.findByText('语文组');

  fireEvent.click(button('新建小组'));
  await typeInto('小组名称，例如 语文组', '  数学组 ');
  answer({ 'groups.list': [chinese, { _id: 'g-math', name: '数学组', createdAt: 3, memberCount: 0 }] });
  await confirmDialog('新建工会小组');

  expect(callsTo('groups.create')).toEqual([{ name: '数学组' }]);
  expect(await screen.findByText('数学组')).toBeInTheDocument();
  expect(callsTo('groups.list')).toHaveLength(2);
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已新建小组' }));
});

test('a taken name is explained inside the dialog, which stays open', async () => {
  answer({ 'groups.list': [chinese], 'groups.create': failure('GROUP_NAME_TAKEN') });
  render(<GroupsPage />);
  await screen.findByText('语文组');

  fireEvent.click(button('新建小组'));
  await typeInto('小组名称，例如 语文组', '语文组');
  await confirmDialog('新建工会小组');

  expect(await screen.findByText('已经有同名的工会小组了')).toBeInTheDocument();

  // Still open: the chair corrects the name and saves again.
  answer({ 'groups.create': { _id: 'g-chinese-2', name: '语文二组', createdAt: 3 } });
  await typeInto('小组名称，例如 语文组', '语文二组');
  await confirmDialog('新建工会小组');
  expect(callsTo('groups.create')).toEqual([{ name: '语文组' }, { name: '语文二组' }]);
});

test('renaming sends the new name', async () => {
  answer({ 'groups.list': [chinese], 'groups.rename': { ...chinese, name: '语文一组' } });
  render(<GroupsPage />);
  await screen.findByText('语文组');

  fireEvent.click(within(rowOf('语文组')).getByText('改名'));
  await typeInto('小组名称，例如 语文组', '语文一组');
  await confirmDialog('给「语文组」改名');

  await waitFor(() => expect(callsTo('groups.rename')).toEqual([{ groupId: 'g-chinese', name: '语文一组' }]));
});

test('deleting a group that still has members shows why it was refused', async () => {
  answer({ 'groups.list': [chinese], 'groups.remove': failure('GROUP_NOT_EMPTY') });
  render(<GroupsPage />);
  await screen.findByText('语文组');

  fireEvent.click(within(rowOf('语文组')).getByText('删除'));
  await confirmDialog('删除工会小组');

  expect(callsTo('groups.remove')).toEqual([{ groupId: 'g-chinese' }]);
  expect(await screen.findByText('这个小组还有成员，不能删除')).toBeInTheDocument();
});

test('deleting an empty group refreshes the list', async () => {
  answer({ 'groups.list': [chinese, retired], 'groups.remove': { removed: true } });
  render(<GroupsPage />);
  await screen.findByText('退休组');

  fireEvent.click(within(rowOf('退休组')).getByText('删除'));
  answer({ 'groups.list': [chinese] });
  await confirmDialog('删除工会小组');

  await waitFor(() => expect(screen.queryByText('退休组')).not.toBeInTheDocument());
  expect(callsTo('groups.remove')).toEqual([{ groupId: 'g-retired' }]);
});

test('no groups yet: says so and offers to create one', async () => {
  answer({ 'groups.list': [] });
  render(<GroupsPage />);
  expect(await screen.findByText('还没有工会小组')).toBeInTheDocument();
  expect(button('新建小组')).toBeInTheDocument();
});

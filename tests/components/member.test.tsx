import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MemberPage from '../../src/packages/admin/member/index';
import { button, confirmDialog, isDisabled } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aMember } from './support/members';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const teacher = aMember({ staffNo: 'T102', name: '李老师', groupName: '语文组', phone: '13812345678', roles: ['groupLeader'], isDelegate: false });
const checkbox = (label: string) => screen.getByText(label, { selector: '.nut-checkbox-label' }).closest('.nut-checkbox') as HTMLElement;
const isChecked = (label: string) => checkbox(label).getAttribute('aria-checked') === 'true';
const delegateSwitch = () => document.querySelector('.nut-switch') as HTMLElement;

beforeEach(() => openPageWith({ id: 'T102' }));

test('shows the whole record, the full phone number and the binding', async () => {
  answer({ 'member.get': teacher });
  render(<MemberPage />);

  expect(await screen.findByText('李老师')).toBeInTheDocument();
  expect(callsTo('member.get')).toEqual([{ memberId: 'T102' }]);
  expect(screen.getByText(/工号 T102/)).toBeInTheDocument();
  expect(screen.getByText('13812345678')).toBeInTheDocument();
  expect(screen.getByText('教务处')).toBeInTheDocument();
  expect(screen.getByText('3月8日')).toBeInTheDocument();
  expect(screen.getByText(/^已绑定/)).toBeInTheDocument();
  expect(isChecked('工会小组长')).toBe(true);
  expect(isChecked('工会委员')).toBe(false);
});

test('saving roles sends the ticked roles and the delegate switch, and says it is saved', async () => {
  answer({ 'member.get': teacher, 'member.setRoles': (input) => ({ ...teacher, roles: input.roles, isDelegate: input.isDelegate }) });
  render(<MemberPage />);
  await screen.findByText('李老师');
  expect(isDisabled(button('保存'))).toBe(true); // nothing changed yet

  fireEvent.click(checkbox('工会委员'));
  fireEvent.click(delegateSwitch());
  await waitFor(() => expect(isDisabled(button('保存'))).toBe(false));
  fireEvent.click(button('保存'));

  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })));
  expect(callsTo('member.setRoles')).toEqual([{ memberId: 'T102', roles: ['committee', 'groupLeader'], isDelegate: true }]);
  expect(await screen.findByText('工会委员', { selector: '.role-tags *' })).toBeInTheDocument();
});

test('a refused save shows the server’s reason (the last chair cannot step down)', async () => {
  const onlyChair = aMember({ staffNo: 'T102', name: '李老师', roles: ['chair'] });
  answer({ 'member.get': onlyChair, 'member.setRoles': failure('LAST_CHAIR') });
  render(<MemberPage />);
  await screen.findByText('李老师');

  fireEvent.click(checkbox('工会主席'));
  await waitFor(() => expect(isDisabled(button('保存'))).toBe(false));
  fireEvent.click(button('保存'));

  expect(await screen.findByText('至少要保留一位工会主席')).toBeInTheDocument();
  expect(callsTo('member.setRoles')).toEqual([{ memberId: 'T102', roles: [], isDelegate: false }]);
  expect(taro.showToast).not.toHaveBeenCalled();
});

test('unbinding WeChat asks first, then shows the member as not bound', async () => {
  answer({ 'member.get': teacher, 'member.unbind': { ...teacher, bound: false, boundAt: undefined } });
  render(<MemberPage />);
  await screen.findByText('李老师');

  fireEvent.click(button('解除微信绑定'));
  expect(callsTo('member.unbind')).toHaveLength(0);
  await confirmDialog('解除微信绑定');

  await waitFor(() => expect(callsTo('member.unbind')).toEqual([{ memberId: 'T102' }]));
  expect(await screen.findByText(/还未绑定微信/)).toBeInTheDocument();
  expect(screen.queryByText('解除微信绑定', { selector: '.nut-button *' })).not.toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已解除绑定' }));
});

test('someone not bound has no unbind button', async () => {
  answer({ 'member.get': { ...teacher, bound: false, boundAt: undefined } });
  render(<MemberPage />);
  expect(await screen.findByText(/还未绑定微信/)).toBeInTheDocument();
  expect(screen.queryByText('解除微信绑定')).not.toBeInTheDocument();
});

test('a binding code is shown once with its expiry; a new one says the old one is void; a refusal shows the server’s reason', async () => {
  const expiresAt = Date.UTC(2027, 4, 18, 1, 30); // 2027-05-18 09:30 in Shanghai
  let n = 0;
  answer({ 'member.get': { ...teacher, bound: false, boundAt: undefined }, 'member.issueBindCode': () => ({ code: ['482913', '075310'][n++], memberName: '李老师', expiresAt, tries: 5 }) });
  render(<MemberPage />);
  await screen.findByText(/还未绑定微信/);

  fireEvent.click(button('生成绑定码'));
  expect(await screen.findByText('482913')).toBeInTheDocument();
  expect(callsTo('member.issueBindCode')).toEqual([{ memberId: 'T102' }]);
  expect(screen.getByText(/李老师的绑定码，2027.*5.*18.*09:30 前有效，可试 5 次/)).toBeInTheDocument();

  fireEvent.click(button('重新生成绑定码（旧码作废）'));
  expect(await screen.findByText('075310')).toBeInTheDocument();
  expect(screen.queryByText('482913')).not.toBeInTheDocument();

  answer({ 'member.issueBindCode': failure('NOT_YOUR_GROUP_MEMBER') });
  fireEvent.click(button('重新生成绑定码（旧码作废）'));
  expect(await screen.findByText('小组长只能为本小组的会员生成绑定码')).toBeInTheDocument();
});

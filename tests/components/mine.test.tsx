import { render, screen, waitFor } from '@testing-library/react';
import Mine from '../../src/pages/mine/index';
import { answer } from './support/gateway';
import { aMember } from './support/members';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

test('shows who I am: name, 工号, group, roles and delegate tag, and a masked phone', async () => {
  const me = aMember({ name: '李红', staffNo: 'T023', groupName: '数学组', roles: ['committee', 'groupLeader'], isDelegate: true, phone: '13912345678' });
  answer({ 'me.get': { bound: true, member: me, groupMemberCount: 9 } });
  render(<Mine />);

  expect(await screen.findByText('李红', { selector: '.mine__name' })).toBeInTheDocument();
  expect(screen.getByText(/工号 T023/)).toBeInTheDocument();
  expect(screen.getByText('数学组')).toBeInTheDocument();
  expect(screen.getByText('工会委员')).toBeInTheDocument();
  expect(screen.getByText('工会小组长')).toBeInTheDocument();
  expect(screen.getByText('教代会代表')).toBeInTheDocument();
  expect(screen.getByText('139****5678')).toBeInTheDocument();
  expect(screen.queryByText('13912345678')).not.toBeInTheDocument();
});

test('a member without roles is shown as 会员', async () => {
  answer({ 'me.get': { bound: true, member: aMember({ roles: [], isDelegate: false }), groupMemberCount: 9 } });
  render(<Mine />);
  expect(await screen.findByText('会员')).toBeInTheDocument();
  expect(screen.queryByText('教代会代表')).not.toBeInTheDocument();
});

test('someone not yet bound is sent to the binding page', async () => {
  answer({ 'me.get': { bound: false, setupOpen: false } });
  render(<Mine />);
  await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/bind/index' }));
});

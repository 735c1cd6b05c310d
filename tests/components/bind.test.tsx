import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Bind from '../../src/pages/bind/index';
import { tap, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aMember } from './support/members';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

beforeEach(() => answer({ 'me.get': { bound: false, setupOpen: false } }));

test('a wrong 工号 shows the server’s message and keeps the person on the page', async () => {
  answer({ 'me.bind': failure('BIND_NO_MATCH') });
  render(<Bind />);
  await screen.findByText('欢迎来到教工之家');

  await typeInto('姓名', '王老师');
  await typeInto('工号', 'T999');
  tap('绑定');

  expect(await screen.findByText('姓名和工号对不上，请核对后再试')).toBeInTheDocument();
  expect(callsTo('me.bind')).toEqual([{ name: '王老师', staffNo: 'T999' }]);
  expect(taro.switchTab).not.toHaveBeenCalled();
});

test('binding with the right name and 工号 says so and opens the home page', async () => {
  answer({ 'me.bind': { bound: true, member: aMember(), groupMemberCount: 12 } });
  render(<Bind />);
  await typeInto('姓名', '王老师');
  await typeInto('工号', 'T001');
  tap('绑定');

  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定成功' })));
  expect(callsTo('me.bind')).toEqual([{ name: '王老师', staffNo: 'T001' }]);
  await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }), { timeout: 2000 });
});

test('an empty form is not sent', async () => {
  render(<Bind />);
  await screen.findByText('欢迎来到教工之家');
  tap('绑定');

  expect(await screen.findByText('请填写姓名和工号')).toBeInTheDocument();
  expect(callsTo('me.bind')).toHaveLength(0);
});

test('on first use, the setup code holder becomes chair with name, 工号 and gender', async () => {
  answer({ 'me.get': { bound: false, setupOpen: true }, 'setup.claimChair': { bound: true, member: aMember({ roles: ['chair'] }), groupMemberCount: 1 } });
  render(<Bind />);
  fireEvent.click(await screen.findByText('首次使用？初始化工会主席'));
  await typeInto('姓名', '陈主席');
  await typeInto('工号', 'C001');
  await typeInto('初始化口令', 'open-sesame');
  tap('成为工会主席');
  expect(await screen.findByText('请填写姓名、工号、性别和初始化口令')).toBeInTheDocument();
  expect(callsTo('setup.claimChair')).toHaveLength(0);

  fireEvent.click(screen.getByText('女'));
  tap('成为工会主席');
  await waitFor(() => expect(callsTo('setup.claimChair')).toEqual([{ name: '陈主席', staffNo: 'C001', gender: 'female', setupCode: 'open-sesame' }]));
  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已成为工会主席' })));
});

import { render, screen, waitFor } from '@testing-library/react';
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

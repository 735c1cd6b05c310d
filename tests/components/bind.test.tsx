import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Bind from '../../src/pages/bind/index';
import { tap, typeInto } from './support/dom';
import { agreePrivacy, answer, callsTo, failure, phoneCode } from './support/gateway';
import { aMember } from './support/members';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

beforeEach(() => answer({ 'me.get': { bound: false, setupOpen: false } }));

/** WeChat's own phone button (not a NutUI one). */
const tapPhone = async () => fireEvent.click(await screen.findByText('微信手机号一键绑定'));

test('the phone button binds with the code WeChat gave, says so and opens the home page', async () => {
  answer({ 'me.bindPhone': { bound: true, member: aMember(), groupMemberCount: 12 } });
  render(<Bind />);
  await screen.findByText('欢迎来到教工之家');
  expect(screen.queryByPlaceholderText('工号')).not.toBeInTheDocument();
  await tapPhone();

  await waitFor(() => expect(callsTo('me.bindPhone')).toEqual([{ code: 'phone-code-1' }]));
  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定成功' })));
  await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }), { timeout: 2000 });
});

test('a number the roster does not hold shows the server’s message and the way to a code', async () => {
  answer({ 'me.bindPhone': failure('BIND_PHONE_NO_MATCH') });
  render(<Bind />);
  await tapPhone();
  expect(await screen.findByText('名册里没有登记这个手机号。请用工会主席或小组长给你的绑定码绑定')).toBeInTheDocument();
  expect(taro.switchTab).not.toHaveBeenCalled();
  fireEvent.click(screen.getByText('没有登记手机号或换了手机？用绑定码绑定'));
  expect(await screen.findByPlaceholderText('6 位绑定码')).toBeInTheDocument();
});

test('refusing the privacy guide: a Chinese explanation, never WeChat’s English, and a way to agree later', async () => {
  phoneCode.mockImplementation(async () => ({ refused: 'privacy' }));
  render(<Bind />);
  await tapPhone();
  expect(await screen.findByText(/你还没有同意《教工之家用户隐私保护指引》/)).toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(/privacy|permission|authorized/i);
  expect(callsTo('me.bindPhone')).toHaveLength(0);

  agreePrivacy.mockImplementationOnce(async () => false);
  tap('查看并同意隐私保护指引');
  expect(await screen.findByText('你仍未同意隐私保护指引，可以改用绑定码绑定。')).toBeInTheDocument();
  tap('查看并同意隐私保护指引');
  expect(await screen.findByText('已同意隐私保护指引，请再点一次「微信手机号一键绑定」。')).toBeInTheDocument();
  expect(screen.queryByText('查看并同意隐私保护指引')).not.toBeInTheDocument();

  phoneCode.mockImplementation(async () => ({ code: 'phone-code-2' }));
  answer({ 'me.bindPhone': { bound: true, member: aMember(), groupMemberCount: 12 } });
  await tapPhone();
  await waitFor(() => expect(callsTo('me.bindPhone')).toEqual([{ code: 'phone-code-2' }]));
});

test('binding with name and code; a wrong code shows the server’s message', async () => {
  answer({ 'me.bind': failure('BIND_CODE_WRONG') });
  render(<Bind />);
  fireEvent.click(await screen.findByText('没有登记手机号或换了手机？用绑定码绑定'));
  tap('绑定');
  expect(await screen.findByText('请填写姓名和绑定码')).toBeInTheDocument();
  expect(callsTo('me.bind')).toHaveLength(0);

  await typeInto('姓名', '王老师');
  await typeInto('6 位绑定码', '123456');
  tap('绑定');
  expect(await screen.findByText('姓名或绑定码不对，请核对后再试')).toBeInTheDocument();
  expect(callsTo('me.bind')).toEqual([{ name: '王老师', code: '123456' }]);

  answer({ 'me.bind': { bound: true, member: aMember(), groupMemberCount: 12 } });
  tap('绑定');
  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定成功' })));
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

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ActivityPage from '../../src/pages/activity/index';
import { aDetail, eventsChoice, sizeChoice } from './support/activities';
import { button, field, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, CloudCallError, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const showModal = jest.spyOn(Taro, 'showModal');

/** The platform checkbox beside this option's label. */
const checkbox = (label: string) =>
  waitFor(() => {
    const input = screen.getByText(label).closest('.signup-form__check')?.querySelector('input');
    if (!input) throw new Error(`没有「${label}」复选框`);
    return input as HTMLInputElement;
  });

beforeEach(() => {
  openPageWith({ id: 'act1' });
  showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never);
});

test('signing up with one companion and two events sends them and says 报名成功', async () => {
  answer({ 'activity.get': aDetail(), 'activity.signUp': { status: 'confirmed', companions: 1 } });
  render(<ActivityPage />);
  expect(await screen.findByText('教工羽毛球赛')).toBeInTheDocument();
  expect(callsTo('activity.get')).toEqual([{ activityId: 'act1' }]);
  expect(screen.getByText('最多选 2 项')).toBeInTheDocument();
  expect(screen.getByText('携带家属', { selector: '.signup-form *' })).toBeInTheDocument();

  await tapAndSettle(await checkbox('单打'));
  await tapAndSettle(await checkbox('混双'));
  await tapAndSettle(document.querySelector('.nut-inputnumber-add')!);
  await tapAndSettle(button('报名'));

  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' })));
  expect(callsTo('activity.signUp')).toEqual([{ activityId: 'act1', companions: 1, answers: { events: ['singles', 'mixed'], bus: false } }]);
  expect(await screen.findByText('已报名')).toBeInTheDocument();
  expect(screen.getByText('携带家属 1 人')).toBeInTheDocument();
  expect(screen.getByText('参加项目：单打、混双')).toBeInTheDocument();
  expect(screen.queryByText('报名', { selector: '.nut-button *' })).not.toBeInTheDocument();
});

test('a required question left empty is pointed out before anything is sent', async () => {
  answer({ 'activity.get': aDetail() });
  render(<ActivityPage />);
  await screen.findByText('教工羽毛球赛');
  await tapAndSettle(button('报名'));
  expect(await screen.findByText('请回答「参加项目」')).toBeInTheDocument();
  expect(callsTo('activity.signUp')).toHaveLength(0);
});

test('questions whose ids are named like what every object has (toString, constructor) start empty, are required, and are sent as answered', async () => {
  // Such ids are refused now (ID_RESERVED), but an activity stored before may carry them.
  const unit = { id: 'toString', kind: 'text' as const, label: '所在部门', required: true };
  const events = { ...eventsChoice, id: 'constructor' };
  answer({ 'activity.get': aDetail({}, { choices: [unit, events], companionsMax: 0 }), 'activity.signUp': { status: 'confirmed', companions: 0 } });
  render(<ActivityPage />);
  await screen.findByText('教工羽毛球赛');
  expect((await field('请填写所在部门')).value).toBe('');
  expect((await checkbox('单打')).checked).toBe(false);

  await tapAndSettle(button('报名'));
  expect(await screen.findByText('请回答「所在部门」')).toBeInTheDocument();
  expect(callsTo('activity.signUp')).toHaveLength(0);

  await typeInto('请填写所在部门', ' 教务处 ');
  await tapAndSettle(button('报名'));
  expect(await screen.findByText('请回答「参加项目」')).toBeInTheDocument();
  expect(callsTo('activity.signUp')).toHaveLength(0);

  await tapAndSettle(await checkbox('单打'));
  await tapAndSettle(button('报名'));
  await waitFor(() => expect(callsTo('activity.signUp')).toEqual([{ activityId: 'act1', companions: 0, answers: { toString: '教务处', constructor: ['singles'] } }]));
});

test('a full activity puts the member on the waitlist and shows the position', async () => {
  const full = aDetail({}, { capacity: 20, taken: 20, waiting: 1, choices: [sizeChoice], companionsMax: 0 });
  answer({ 'activity.get': full, 'activity.signUp': { status: 'waitlisted', companions: 0, waitPosition: 2 } });
  render(<ActivityPage />);
  expect(await screen.findByText(/已满，可候补/)).toBeInTheDocument();
  expect(screen.queryByText('携带家属', { selector: '.signup-form *' })).not.toBeInTheDocument();

  fireEvent.click(screen.getByText('L'));
  await tapAndSettle(button('报名'));

  await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已进入候补，第 2 位' })));
  expect(await screen.findByText('候补第 2 位')).toBeInTheDocument();
  expect(callsTo('activity.signUp')).toEqual([{ activityId: 'act1', companions: 0, answers: { size: 'l' } }]);
});

test('the server’s ANSWERS_INVALID reasons are shown beside the form', async () => {
  const refused = new CloudCallError('ANSWERS_INVALID', '报名表填写有误，请检查后再试', [{ path: 'answers.events', message: '「参加项目」最多选 2 项' }]);
  answer({ 'activity.get': aDetail(), 'activity.signUp': refused });
  render(<ActivityPage />);
  await screen.findByText('教工羽毛球赛');
  await tapAndSettle(await checkbox('双打'));
  await tapAndSettle(button('报名'));

  expect(await screen.findByText('报名表填写有误，请检查后再试：「参加项目」最多选 2 项')).toBeInTheDocument();
  expect(taro.showToast).not.toHaveBeenCalled();
});

test('when sign-up is closed the reason is shown instead of the form', async () => {
  answer({ 'activity.get': aDetail({ canSignUp: { ok: false, reason: '报名已截止' } }) });
  render(<ActivityPage />);
  expect(await screen.findByText('报名已截止')).toBeInTheDocument();
  expect(screen.queryByText('报名', { selector: '.nut-button *' })).not.toBeInTheDocument();
});

test('cancelling asks first, then shows the sign-up as cancelled', async () => {
  const signedUp = aDetail({ mine: { status: 'confirmed', companions: 0, answers: { events: ['doubles'] } }, canSignUp: { ok: false, reason: '你已经报过名了' }, canCancel: true });
  answer({ 'activity.get': signedUp, 'activity.cancelSignup': { status: 'cancelled', companions: 0 } });
  render(<ActivityPage />);
  expect(await screen.findByText('已报名')).toBeInTheDocument();

  showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never);
  await tapAndSettle(button('取消报名'));
  expect(callsTo('activity.cancelSignup')).toHaveLength(0);

  await tapAndSettle(button('取消报名'));
  expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '取消报名' }));
  await waitFor(() => expect(callsTo('activity.cancelSignup')).toEqual([{ activityId: 'act1' }]));
  expect(await screen.findByText('你已取消过报名。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消报名' }));
});

test('a refused cancellation says why', async () => {
  const signedUp = aDetail({ mine: { status: 'confirmed', companions: 0, answers: {} }, canSignUp: { ok: false, reason: '你已经报过名了' }, canCancel: true });
  answer({ 'activity.get': signedUp, 'activity.cancelSignup': failure('CANCEL_NOT_ALLOWED') });
  render(<ActivityPage />);
  await screen.findByText('已报名');
  await tapAndSettle(button('取消报名'));
  expect(await screen.findByText('这个活动报名后不能取消，如有特殊情况请联系组织者')).toBeInTheDocument();
});

test('organisers publish a draft and cancel an activity with a reason', async () => {
  const draft = aDetail({ canManage: true }, { status: 'draft' });
  answer({
    'activity.get': draft,
    'activity.publish': { ...draft.activity, status: 'published' },
    'activity.cancel': (input) => ({ ...draft.activity, status: 'cancelled', cancelReason: input.reason }),
  });
  render(<ActivityPage />);
  await screen.findByText('草稿');
  await tapAndSettle(button('发布'));
  await waitFor(() => expect(callsTo('activity.publish')).toEqual([{ activityId: 'act1' }]));
  expect(await screen.findByText('报名中')).toBeInTheDocument();

  await tapAndSettle(button('取消活动'));
  await tapAndSettle(button('确认取消活动'));
  expect(await screen.findByText('请填写取消原因')).toBeInTheDocument();
  // Taro's input draws its native element a moment after mounting: wait for it.
  fireEvent.input(await field('取消原因，例如 天气原因改期'), { target: { value: '天气原因' } });
  await tapAndSettle(button('确认取消活动'));
  await waitFor(() => expect(callsTo('activity.cancel')).toEqual([{ activityId: 'act1', reason: '天气原因' }]));
  expect(await screen.findByText('取消原因：天气原因')).toBeInTheDocument();
});

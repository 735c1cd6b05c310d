import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import EditActivityPage from '../../src/packages/organiser/edit/index';
import { aDetail, anActivity, START } from './support/activities';
import { button, typeInto, tapAndSettle } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const HOUR = 3600000;
/** Picks a value in the platform picker labelled e.g. 「结束日期」 or 「报名开始时刻」. */
const pick = async (label: string, value: string) => {
  const picker = document.querySelector(`taro-picker-core[aria-label="${label}"]`);
  if (!picker) throw new Error(`没有「${label}」选择器`);
  await act(async () => {
    fireEvent(picker, new CustomEvent('change', { detail: { value } }));
  });
};
const setTimes = async () => {
  await pick('开始日期', '2026-12-05');
  await pick('结束日期', '2026-12-05');
  await pick('报名开始日期', '2026-11-20');
  await pick('报名开始时刻', '08:00');
  await pick('报名截止日期', '2026-12-04');
};

test('an end before the start is refused on the phone, without calling the cloud', async () => {
  openPageWith({});
  render(<EditActivityPage />);
  await typeInto('活动名称，例如 教工羽毛球赛', '教工羽毛球赛');
  await setTimes();
  await pick('结束日期', '2026-12-04');

  await tapAndSettle(button('保存为草稿'));
  expect(await screen.findByText('结束时间不能早于开始时间')).toBeInTheDocument();
  expect(callsTo('activity.create')).toHaveLength(0);
});

test('creating sends the draft in Shanghai time, then offers to publish it', async () => {
  openPageWith({});
  answer({
    'activity.create': (input) => anActivity({ ...input.draft, _id: 'new1', status: 'draft' }),
    'activity.publish': anActivity({ _id: 'new1', status: 'published' }),
  });
  render(<EditActivityPage />);
  await typeInto('活动名称，例如 教工羽毛球赛', ' 教工羽毛球赛 ');
  await typeInto('地点，例如 学校体育馆', '学校体育馆');
  fireEvent.click(screen.getByText('体育比赛'));
  await setTimes();
  fireEvent.click(button('+ 多选'));
  await typeInto('问题，例如 参加哪些项目', '参加项目');
  await typeInto('选项 1', '单打');
  await typeInto('选项 2', '双打');

  await tapAndSettle(button('保存为草稿'));
  await waitFor(() => expect(callsTo('activity.create')).toHaveLength(1));
  expect(callsTo('activity.create')[0]).toEqual({
    draft: {
      title: '教工羽毛球赛',
      category: 'sports',
      description: '',
      place: '学校体育馆',
      startAt: START,
      endAt: START + 2 * HOUR,
      signupOpensAt: Date.UTC(2026, 10, 20, 0, 0),
      signupDeadline: Date.UTC(2026, 11, 4, 10, 0),
      capacity: null,
      cancelRule: 'untilDeadline',
      audience: {},
      companionsMax: 0,
      choices: [
        {
          id: expect.stringMatching(/^[a-z0-9]+$/),
          kind: 'multi',
          label: '参加项目',
          required: true,
          max: 2,
          options: [
            { id: expect.any(String), label: '单打' },
            { id: expect.any(String), label: '双打' },
          ],
        },
      ],
    },
  });

  expect(await screen.findByText('已保存为草稿')).toBeInTheDocument();
  await tapAndSettle(button('发布'));
  expect(await screen.findByText('活动已发布')).toBeInTheDocument();
  expect(callsTo('activity.publish')).toEqual([{ activityId: 'new1' }]);
});

test('an empty option is refused with the schema’s own message', async () => {
  openPageWith({});
  render(<EditActivityPage />);
  await typeInto('活动名称，例如 教工羽毛球赛', '电影夜');
  await setTimes();
  fireEvent.click(button('+ 单选'));
  await typeInto('问题，例如 参加哪些项目', '场次');
  await tapAndSettle(button('保存为草稿'));
  expect(await screen.findByText('请填写选项')).toBeInTheDocument();
  expect(callsTo('activity.create')).toHaveLength(0);
});

test('editing loads the activity with one call and shows the server’s refusal', async () => {
  openPageWith({ id: 'act1' });
  answer({ 'activity.get': aDetail({ canManage: true }, { taken: 12 }), 'activity.update': failure('CAPACITY_BELOW_TAKEN') });
  render(<EditActivityPage />);
  await waitFor(() => expect(screen.getAllByDisplayValue('教工羽毛球赛').length).toBeGreaterThan(0));
  expect(callsTo('activity.get')).toEqual([{ activityId: 'act1' }]);
  await typeInto('名额（含携带的家属）', '10');

  await tapAndSettle(button('保存修改'));
  expect(await screen.findByText('名额不能少于已报名的人数')).toBeInTheDocument();
  const sent = callsTo('activity.update');
  expect(sent).toHaveLength(1);
  expect(sent[0].activityId).toBe('act1');
  expect(sent[0].draft).toMatchObject({ capacity: 10, startAt: START, choices: anActivity().choices });
  expect(taro.navigateBack).not.toHaveBeenCalled();
});

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import EditVotePage from '../../src/packages/vote-admin/edit/index';
import type { VoteDraft } from '../../types/vote';
import { button, field, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, failure, pickFile } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';
import { aVote, aVoteDetail, CLOSES, OPENS } from './support/vote-admin';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
// The form tests type into a dozen fields each; on a busy machine that outlasts jest's 5 s default.
jest.setTimeout(20000);

/** Picks a value in the platform picker labelled e.g. 「截止日期」 or 「开始时刻」. */
const pick = async (label: string, value: string) => {
  const picker = document.querySelector(`taro-picker-core[aria-label="${label}"]`);
  if (!picker) throw new Error(`没有「${label}」选择器`);
  await act(async () => {
    fireEvent(picker, new CustomEvent('change', { detail: { value } }));
  });
};
/** Opens 2026-12-01 08:00, closes 2026-12-04 18:00 (Shanghai). */
const setTimes = async () => {
  await pick('开始日期', '2026-12-01');
  await pick('开始时刻', '08:00');
  await pick('截止日期', '2026-12-04');
  await pick('截止时刻', '18:00');
};
/** Types into the text area with this placeholder. */
const typeIntoArea = async (placeholder: string, value: string) => {
  const area = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'TEXTAREA');
    if (!found) throw new Error(`没有占位文字为「${placeholder}」的文本框`);
    return found;
  });
  fireEvent.input(area, { target: { value } });
};
const switchOf = (label: string) => {
  const found = document.querySelector(`.nut-switch[aria-label='${label}']`);
  if (!found) throw new Error(`没有「${label}」开关`);
  return found as HTMLElement;
};
const radioOf = (label: string) => screen.getByText(label).closest('.nut-radio') as HTMLElement;
const created = (input: { draft: VoteDraft }) => aVote({ ...input.draft, _id: 'new1', status: 'draft' });

const ELECTION_TITLE = '标题，例如 2026年度优秀教师评选';

test('creating an election sends the exact draft: candidates, picks, 无记名, electorate; then opens the vote', async () => {
  openPageWith({});
  const upload = jest.fn(async () => 'cloud://env.bucket/vote-photos/abc.png');
  pickFile.mockResolvedValue({ name: '李老师.PNG', size: 1024, upload });
  answer({ 'vote.create': created });
  render(<EditVotePage />);

  await typeInto(ELECTION_TITLE, ' 2026年度优秀教师评选 ');
  await typeIntoArea('说明（选填）：评选条件、名额、注意事项', '每个教研组推荐一名。');
  await typeInto('候选人 1 姓名或名称', '王老师');
  await typeInto('候选人 1 工号（选填，用于关联会员）', 'T001');
  await typeIntoArea('候选人 1 简介（选填），例如 任教学科、主要事迹', '语文组，班主任十年');
  fireEvent.click(screen.getByText('+ 添加候选人'));
  await typeInto('候选人 2 姓名或名称', '李老师');
  await tapAndSettle(button('添加候选人 2 照片'));
  expect(await screen.findByText('已添加照片')).toBeInTheDocument();
  expect(pickFile).toHaveBeenCalledWith('votePhoto');
  expect(upload).toHaveBeenCalledTimes(1);
  expect(screen.getByText('每张选票最多选 1 人')).toBeInTheDocument();
  await typeInto('最多选择人数', '2');
  expect(screen.getByText('每张选票最多选 2 人')).toBeInTheDocument();
  await setTimes();
  fireEvent.click(screen.getByText('在职会员'));
  expect(screen.getByText('无记名：系统只记录谁投了票，不记录投给谁。')).toBeInTheDocument();

  await tapAndSettle(button('保存为草稿'));
  await waitFor(() => expect(callsTo('vote.create')).toHaveLength(1));
  const [{ draft }] = callsTo('vote.create');
  expect(draft).toEqual({
    title: '2026年度优秀教师评选',
    description: '每个教研组推荐一名。',
    content: {
      kind: 'election',
      candidates: [
        { id: expect.stringMatching(/^[A-Za-z0-9_-]+$/), name: '王老师', memberId: 'T001', intro: '语文组，班主任十年' },
        { id: expect.stringMatching(/^[A-Za-z0-9_-]+$/), name: '李老师', photo: 'cloud://env.bucket/vote-photos/abc.png' },
      ],
      minPicks: 0,
      maxPicks: 2,
    },
    opensAt: OPENS,
    closesAt: CLOSES,
    electorate: { statuses: ['active'] },
    secret: true,
    resultVisibility: 'afterClose',
    allowChange: false,
  });
  const ids = (draft.content as { candidates: Array<{ id: string }> }).candidates.map((c) => c.id);
  expect(new Set(ids).size).toBe(2);
  expect(ids).not.toContain('other');

  expect(await screen.findByText('已保存为草稿')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
  await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/vote/ballot/index?id=new1' }));
});

test('more picks than candidates is refused on the phone, naming the problem, without calling the cloud', async () => {
  openPageWith({});
  render(<EditVotePage />);
  await typeInto(ELECTION_TITLE, '评选');
  await typeInto('候选人 1 姓名或名称', '王老师');
  await typeInto('最多选择人数', '3');
  await tapAndSettle(button('保存为草稿'));
  expect(await screen.findByText('最多选择人数不能超过候选人数')).toBeInTheDocument();

  fireEvent.click(screen.getByText('+ 添加候选人'));
  await typeInto('最多选择人数', '1');
  await tapAndSettle(button('保存为草稿'));
  expect(await screen.findByText('第 2 位候选人：请填写候选人名称')).toBeInTheDocument();
  expect(callsTo('vote.create')).toHaveLength(0);
});

test('live results are unavailable for a secret vote; a named vote may show them and allow changes', async () => {
  openPageWith({});
  answer({ 'vote.create': created });
  render(<EditVotePage />);
  await screen.findByText('投票中实时公布');
  expect(radioOf('投票中实时公布')).toHaveAttribute('aria-disabled', 'true');
  expect(screen.getByText(/无记名投票不能实时公布结果/)).toBeInTheDocument();
  expect(document.querySelector(".nut-switch[aria-label='允许改票']")).toBeNull();

  // A poll is named by default: live results and changing one's ballot are offered.
  fireEvent.click(screen.getByText('问卷投票'));
  expect(switchOf('无记名投票')).toHaveAttribute('aria-checked', 'false');
  expect(radioOf('投票中实时公布')).toHaveAttribute('aria-disabled', 'false');
  fireEvent.click(screen.getByText('投票中实时公布'));
  await tapAndSettle(switchOf('允许改票'));

  // Switching 无记名 on takes both back.
  await tapAndSettle(switchOf('无记名投票'));
  expect(radioOf('投票中实时公布')).toHaveAttribute('aria-disabled', 'true');
  expect(radioOf('投票结束后公布')).toHaveAttribute('aria-checked', 'true');
  expect(document.querySelector(".nut-switch[aria-label='允许改票']")).toBeNull();

  await tapAndSettle(switchOf('无记名投票'));
  fireEvent.click(screen.getByText('投票中实时公布'));
  await tapAndSettle(switchOf('允许改票'));
  await typeInto('标题，例如 春季教工活动去哪儿', '春游去哪儿');
  await typeInto('选项 1', '西湖');
  await typeInto('选项 2', '千岛湖');
  await typeInto('最多可选数', '2');
  await tapAndSettle(switchOf('允许填写"其他"'));
  await setTimes();
  await tapAndSettle(button('保存为草稿'));
  await waitFor(() => expect(callsTo('vote.create')).toHaveLength(1));
  expect(callsTo('vote.create')[0].draft).toMatchObject({
    content: {
      kind: 'poll',
      options: [
        { id: expect.any(String), label: '西湖' },
        { id: expect.any(String), label: '千岛湖' },
      ],
      maxPicks: 2,
      allowOther: true,
    },
    electorate: {},
    secret: false,
    resultVisibility: 'live',
    allowChange: true,
  });
});

test('a motion is voted on by the delegates: said, not asked, and sent so', async () => {
  openPageWith({});
  answer({ 'vote.create': created });
  render(<EditVotePage />);
  await screen.findByText('在职会员');
  fireEvent.click(screen.getByText('表决'));
  expect(screen.getByText('参加表决的是全体教代会代表')).toBeInTheDocument();
  expect(screen.queryByText('在职会员')).not.toBeInTheDocument();
  expect(switchOf('无记名投票')).toHaveAttribute('aria-checked', 'true');

  await typeInto('议案名称，例如 关于修订教职工考核办法的议案', '关于修订教职工考核办法的议案');
  await setTimes();
  await tapAndSettle(button('保存为草稿'));
  expect(await screen.findByText('请在说明里写上表决的议案内容')).toBeInTheDocument();
  expect(callsTo('vote.create')).toHaveLength(0);

  await typeIntoArea('议案内容：写明提请表决的事项，代表们据此表决', '考核办法第三条修改为……');
  await tapAndSettle(button('保存为草稿'));
  await waitFor(() => expect(callsTo('vote.create')).toHaveLength(1));
  expect(callsTo('vote.create')[0].draft).toEqual({
    title: '关于修订教职工考核办法的议案',
    description: '考核办法第三条修改为……',
    content: { kind: 'motion' },
    opensAt: OPENS,
    closesAt: CLOSES,
    electorate: { delegatesOnly: true },
    secret: true,
    resultVisibility: 'afterClose',
    allowChange: false,
  });
});

test('an appraisal lists the people appraised, with their post when given, for chosen union groups', async () => {
  openPageWith({});
  answer({
    'vote.create': created,
    'groups.list': [
      { _id: 'g1', name: '语文组', memberCount: 12 },
      { _id: 'g2', name: '数学组', memberCount: 10 },
    ] as never,
  });
  render(<EditVotePage />);
  await screen.findByText('在职会员');
  fireEvent.click(screen.getByText('民主评议'));
  await typeInto('标题，例如 2026年度中层干部民主评议', '中层干部民主评议');
  await typeInto('评议对象 1 姓名', '周主任');
  await typeInto('评议对象 1 职务（选填）', '教务处主任');
  fireEvent.click(screen.getByText('+ 添加评议对象'));
  await typeInto('评议对象 2 姓名', '吴主任');
  await setTimes();

  fireEvent.click(screen.getByText('指定工会小组'));
  await tapAndSettle(button('保存为草稿'));
  expect(await screen.findByText('请选择参加投票的工会小组')).toBeInTheDocument();
  fireEvent.click(await screen.findByText('数学组'));
  await tapAndSettle(button('保存为草稿'));
  await waitFor(() => expect(callsTo('vote.create')).toHaveLength(1));
  expect(callsTo('groups.list')).toHaveLength(1);
  expect(callsTo('vote.create')[0].draft).toMatchObject({
    content: {
      kind: 'appraisal',
      subjects: [
        { id: expect.any(String), name: '周主任', title: '教务处主任' },
        { id: expect.any(String), name: '吴主任' },
      ],
    },
    electorate: { groupIds: ['g2'] },
    secret: true,
  });
  expect((callsTo('vote.create')[0].draft.content as { subjects: object[] }).subjects[1]).not.toHaveProperty('title');
});

test('editing prefills the form from vote.get and sends vote.update', async () => {
  openPageWith({ id: 'vote1' });
  answer({ 'vote.get': aVoteDetail(), 'vote.update': (input) => aVote({ ...input.draft, status: 'draft' }) });
  render(<EditVotePage />);
  expect((await field(ELECTION_TITLE)).value).toBe('2026年度优秀教师评选');
  expect(callsTo('vote.get')).toEqual([{ voteId: 'vote1' }]);
  expect((await field('候选人 1 姓名或名称')).value).toBe('王老师');
  expect((await field('候选人 1 工号（选填，用于关联会员）')).value).toBe('T001');
  expect((await field('候选人 3 姓名或名称')).value).toBe('赵老师');
  expect((await field('最少选择人数')).value).toBe('1');
  expect((await field('最多选择人数')).value).toBe('2');
  expect(screen.getByText('类型：评选')).toBeInTheDocument();
  expect(screen.queryByText('问卷投票')).not.toBeInTheDocument();
  expect(radioOf('在职会员')).toHaveAttribute('aria-checked', 'true');
  expect(document.querySelector('taro-image-core')?.getAttribute('src')).toBe('https://tmp.example/wang.jpg');

  await typeInto(ELECTION_TITLE, '2026年度优秀教师评选（第二轮）');
  await tapAndSettle(button('保存修改'));
  await waitFor(() => expect(callsTo('vote.update')).toHaveLength(1));
  expect(callsTo('vote.update')[0]).toEqual({
    voteId: 'vote1',
    draft: {
      title: '2026年度优秀教师评选（第二轮）',
      description: '每个教研组推荐一名。',
      content: aVote().content,
      opensAt: OPENS,
      closesAt: CLOSES,
      electorate: { statuses: ['active'] },
      secret: true,
      resultVisibility: 'afterClose',
      allowChange: false,
    },
  });
  expect(await screen.findByText('已保存修改')).toBeInTheDocument();
  await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/vote/ballot/index?id=vote1' }));
});

test('a refusal (someone has voted) shows the server’s message and keeps the form', async () => {
  openPageWith({ id: 'vote1' });
  answer({ 'vote.get': aVoteDetail({ status: 'published' }, { phase: 'open' }), 'vote.update': failure('VOTE_NOT_EDITABLE') });
  render(<EditVotePage />);
  expect(await screen.findByText('投票已发布，还没有人投票。保存后，修改立即生效。')).toBeInTheDocument();
  await typeInto('候选人 2 姓名或名称', '李老师（数学组）');
  await tapAndSettle(button('保存修改'));
  expect(await screen.findByText('已经有人投票了，只能延长截止时间')).toBeInTheDocument();
  expect(callsTo('vote.update')).toHaveLength(1);
  expect((await field('候选人 2 姓名或名称')).value).toBe('李老师（数学组）');
  expect(taro.redirectTo).not.toHaveBeenCalled();
});

test('the vote fails to load: says so and retries', async () => {
  openPageWith({ id: 'vote1' });
  answer({ 'vote.get': failure('NOT_FOUND') });
  render(<EditVotePage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'vote.get': aVoteDetail() });
  await tapAndSettle(button('重试'));
  expect((await field(ELECTION_TITLE)).value).toBe('2026年度优秀教师评选');
});

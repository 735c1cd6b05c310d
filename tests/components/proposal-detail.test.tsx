import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ProposalDetailPage from '../../src/packages/proposal/detail/index';
import * as routes from '../../src/lib/proposal-routes';
import type { Proposal, ProposalDetail } from '../../types/proposal';
import { button, isDisabled, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, CloudCallError, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';
import { aDetail, aSummary, DAY, delegates, departments, NOW } from './support/proposals';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
const showModal = jest.spyOn(Taro, 'showModal');
const notify = jest.spyOn(routes, 'notifyProposalChanged');
jest.setTimeout(20000);

const yes = { confirm: true, cancel: false, errMsg: 'ok' } as never;
const no = { confirm: false, cancel: true, errMsg: 'ok' } as never;
const row = (name: string) => screen.getByRole('checkbox', { name });
const radio = (name: string) => screen.getByRole('radio', { name });
const checked = (el: HTMLElement) => el.getAttribute('aria-checked') === 'true';

const typeIntoArea = async (placeholder: string, value: string) => {
  const area = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'TEXTAREA');
    if (!found) throw new Error(`没有占位文字为「${placeholder}」的文本框`);
    return found;
  });
  fireEvent.input(area, { target: { value } });
};

/** The same proposal, moved on as the cloud would answer. */
const moved = (detail: ProposalDetail, proposal: Partial<Proposal>, rest: Partial<ProposalDetail> = {}): ProposalDetail => ({
  ...detail,
  proposal: { ...detail.proposal, ...proposal, history: [...detail.proposal.history, ...(proposal.history ?? [])] },
  can: { ...detail.can, edit: false, invite: false, revise: false, submit: false, respond: false, triage: false, assign: false, reply: false, rate: false },
  submitBlocker: null,
  ...rest,
});

const signedBy = {
  T002: { name: '李明', state: 'signed' as const, invitedAt: NOW - DAY, answeredAt: NOW - 20 * 60 * 60 * 1000 },
  T003: { name: '张伟', state: 'invited' as const, invitedAt: NOW - DAY },
  T004: { name: '陈静', state: 'declined' as const, invitedAt: NOW - DAY, answeredAt: NOW - 10 * 60 * 60 * 1000 },
};

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  openPageWith({ id: 'p1' });
  showModal.mockResolvedValue(yes);
});

describe('the proposer', () => {
  test('a draft reads in full, with its history; 提交 waits with what blocks it; 编辑 opens the form', async () => {
    answer({ 'proposal.get': aDetail({}, { submitBlocker: '请先邀请附议人' }, { edit: true, invite: true }) });
    render(<ProposalDetailPage />);

    expect(await screen.findByText('关于增设教工午休室的提案')).toBeInTheDocument();
    expect(callsTo('proposal.get')).toEqual([{ proposalId: 'p1' }]);
    expect(screen.getByText('草稿')).toBeInTheDocument();
    expect(screen.getByText('教职工福利')).toBeInTheDocument();
    expect(screen.getByText('第十二届教代会第二次会议')).toBeInTheDocument();
    expect(screen.getByText(/学校目前没有教工午休的地方/)).toBeInTheDocument();
    expect(screen.getByText(/建议将行政楼三楼闲置的两间教室/)).toBeInTheDocument();
    expect(screen.getByText('2026年12月3日 14:00 · 王芳 · 起草提案')).toBeInTheDocument();
    expect(screen.getByText('还没有邀请附议人。')).toBeInTheDocument();

    expect(isDisabled(button('提交'))).toBe(true);
    expect(screen.getByText('暂时不能提交：请先邀请附议人')).toBeInTheDocument();
    expect(screen.queryByText('撤回修改')).not.toBeInTheDocument();

    fireEvent.click(button('编辑'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposal/edit/index?id=p1' });
  });

  test('邀请附议: a searchable checklist of the other delegates; the chosen ones are sent and the answer shown', async () => {
    const detail = aDetail({}, { submitBlocker: '请先邀请附议人' }, { edit: true, invite: true });
    const after = moved(
      detail,
      {
        status: 'seeking',
        coSigners: { T002: { name: '李明', state: 'invited', invitedAt: NOW }, T004: { name: '陈静', state: 'invited', invitedAt: NOW } },
        history: [{ at: NOW, actorName: '王芳', event: '邀请附议：李明、陈静' }],
      },
      { submitBlocker: '还需 2 位代表附议', can: { ...detail.can, edit: false, invite: true, revise: true } },
    );
    answer({ 'proposal.get': detail, 'proposal.delegates': delegates, 'proposal.invite': after });
    render(<ProposalDetailPage />);
    await screen.findByText('关于增设教工午休室的提案');

    await tapAndSettle(button('邀请附议'));
    expect(await screen.findByText('李明')).toBeInTheDocument();
    expect(callsTo('proposal.delegates')).toEqual([{}]);
    expect(isDisabled(button('发送邀请'))).toBe(true);

    await typeInto('搜索代表姓名或小组', '语文');
    await waitFor(() => expect(screen.queryByText('李明')).not.toBeInTheDocument());
    await tapAndSettle(row('陈静'));
    await typeInto('搜索代表姓名或小组', '');
    await tapAndSettle(await waitFor(() => row('李明')));
    expect(checked(row('陈静'))).toBe(true);
    expect(checked(row('张伟'))).toBe(false);

    await tapAndSettle(button('发送邀请（2 人）'));
    // In the list's order, not the order of tapping.
    expect(callsTo('proposal.invite')).toEqual([{ proposalId: 'p1', memberIds: ['T002', 'T004'] }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '邀请已发送' }));
    expect(await screen.findByText('征集附议中')).toBeInTheDocument();
    expect(screen.getByLabelText('李明 待回复')).toBeInTheDocument();
    expect(screen.getByLabelText('陈静 待回复')).toBeInTheDocument();
    expect(screen.getByText('暂时不能提交：还需 2 位代表附议')).toBeInTheDocument();
    expect(screen.getByText('2026年12月5日 14:00 · 王芳 · 邀请附议：李明、陈静')).toBeInTheDocument();
    expect(screen.queryByText('发送邀请（2 人）')).not.toBeInTheDocument();
    expect(notify).toHaveBeenCalledTimes(1);
    // The page took the answer as it was: no second load.
    expect(callsTo('proposal.get')).toHaveLength(1);
  });

  test('an invitation the content check refuses shows the server’s message; the page and the choice stay', async () => {
    answer({ 'proposal.get': aDetail({}, { submitBlocker: '请先邀请附议人' }, { edit: true, invite: true }), 'proposal.delegates': delegates, 'proposal.invite': failure('CONTENT_RISKY') });
    render(<ProposalDetailPage />);
    await screen.findByText('关于增设教工午休室的提案');
    await tapAndSettle(button('邀请附议'));
    await tapAndSettle(await waitFor(() => row('张伟')));
    await tapAndSettle(button('发送邀请（1 人）'));

    expect(await screen.findByText('内容未通过微信内容安全检查，请修改后再提交')).toBeInTheDocument();
    expect(checked(row('张伟'))).toBe(true);
    expect(screen.getByText('草稿')).toBeInTheDocument();
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  test('when the content check cannot run, the proposal waits for the chair, and the page says so', async () => {
    const detail = aDetail({}, { submitBlocker: '请先邀请附议人' }, { edit: true, invite: true });
    const held = moved(detail, { status: 'held', coSigners: { T003: { name: '张伟', state: 'invited', invitedAt: NOW } } }, { can: { ...detail.can, edit: false, invite: false, revise: true } });
    answer({ 'proposal.get': detail, 'proposal.delegates': delegates, 'proposal.invite': held });
    render(<ProposalDetailPage />);
    await screen.findByText('关于增设教工午休室的提案');
    await tapAndSettle(button('邀请附议'));
    await tapAndSettle(await waitFor(() => row('张伟')));
    await tapAndSettle(button('发送邀请（1 人）'));

    expect(await screen.findByText('待人工审核')).toBeInTheDocument();
    expect(screen.getByText('内容安全检查暂时无法进行，提案需要工会主席先审核，审核通过后才会送达附议人。')).toBeInTheDocument();
    expect(screen.getByText('内容安全检查暂时无法进行，提案正在等待工会主席审核，审核通过后会送达附议人。')).toBeInTheDocument();
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已送交审核' }));
  });

  test('co-signers show their answers; 撤回修改 warns that signatures are cleared before it goes', async () => {
    const detail = aDetail({ status: 'seeking', coSigners: signedBy }, { submitBlocker: '还需 1 位代表附议' }, { invite: true, revise: true });
    answer({ 'proposal.get': detail, 'proposal.revise': moved(detail, { status: 'draft', coSigners: {} }, { can: { ...detail.can, edit: true, invite: true } }) });
    render(<ProposalDetailPage />);
    await screen.findByText('关于增设教工午休室的提案');

    expect(screen.getByText('已附议 1 人，提交前需要至少 2 人')).toBeInTheDocument();
    expect(screen.getByLabelText('李明 已附议')).toBeInTheDocument();
    expect(screen.getByLabelText('张伟 待回复')).toBeInTheDocument();
    expect(screen.getByLabelText('陈静 已婉拒')).toBeInTheDocument();
    expect(Array.from(document.querySelectorAll('.proposal-detail__cosigners .proposal-detail__name')).map((el) => el.textContent)).toEqual(['李明', '张伟', '陈静']);
    expect(isDisabled(button('提交'))).toBe(true);
    expect(screen.getByText('暂时不能提交：还需 1 位代表附议')).toBeInTheDocument();

    showModal.mockResolvedValueOnce(no);
    await tapAndSettle(button('撤回修改'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤回修改', content: expect.stringContaining('已有的附议会全部作废') }));
    expect(callsTo('proposal.revise')).toHaveLength(0);

    await tapAndSettle(button('撤回修改'));
    expect(callsTo('proposal.revise')).toEqual([{ proposalId: 'p1' }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤回修改' }));
    expect(await screen.findByText('草稿')).toBeInTheDocument();
    expect(screen.getByText('还没有邀请附议人。')).toBeInTheDocument();
  });

  test('with enough co-signers, 提交 asks first and then submits', async () => {
    const detail = aDetail({ status: 'seeking', coSigners: { ...signedBy, T003: { ...signedBy.T003, state: 'signed', answeredAt: NOW } } }, {}, { invite: true, revise: true, submit: true });
    answer({ 'proposal.get': detail, 'proposal.submit': moved(detail, { status: 'submitted', submittedAt: NOW }) });
    render(<ProposalDetailPage />);
    await screen.findByText('关于增设教工午休室的提案');

    expect(isDisabled(button('提交'))).toBe(false);
    await tapAndSettle(button('提交'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '提交提案' }));
    expect(callsTo('proposal.submit')).toEqual([{ proposalId: 'p1' }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交' }));
    expect(await screen.findByText('待审查')).toBeInTheDocument();
    expect(screen.getByText('提交时间').closest('.nut-cell')).toHaveTextContent('2026年12月5日 14:00');
    expect(screen.queryByText('我可以做')).not.toBeInTheDocument();
  });

  test('a refused submit shows the server’s message and keeps the page as it was', async () => {
    const detail = aDetail({ status: 'seeking', coSigners: signedBy }, {}, { revise: true, submit: true });
    answer({ 'proposal.get': detail, 'proposal.submit': new CloudCallError('NOT_ENOUGH_COSIGNERS', '还需 1 位代表附议') });
    render(<ProposalDetailPage />);
    await screen.findByText('关于增设教工午休室的提案');
    await tapAndSettle(button('提交'));

    expect(await screen.findByRole('alert')).toHaveTextContent('还需 1 位代表附议');
    expect(screen.getByText('征集附议中')).toBeInTheDocument();
    expect(button('提交')).toBeInTheDocument();
    expect(taro.showToast).not.toHaveBeenCalled();
  });
});

describe('an invited delegate', () => {
  const invited = aDetail({ status: 'seeking', coSigners: signedBy }, {}, { respond: true });

  test('co-signs after a confirmation', async () => {
    answer({ 'proposal.get': invited, 'proposal.respond': moved(invited, { coSigners: { ...signedBy, T003: { ...signedBy.T003, state: 'signed', answeredAt: NOW } } }) });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('王芳 邀请你附议这份提案')).toBeInTheDocument();

    await tapAndSettle(button('附议'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '附议提案' }));
    expect(callsTo('proposal.respond')).toEqual([{ proposalId: 'p1', accept: true }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已附议' }));
    expect(await screen.findByLabelText('张伟 已附议')).toBeInTheDocument();
    expect(screen.queryByText('王芳 邀请你附议这份提案')).not.toBeInTheDocument();
  });

  test('declines, or changes their mind before anything is sent', async () => {
    answer({ 'proposal.get': invited, 'proposal.respond': moved(invited, { coSigners: { ...signedBy, T003: { ...signedBy.T003, state: 'declined', answeredAt: NOW } } }) });
    render(<ProposalDetailPage />);
    await screen.findByText('王芳 邀请你附议这份提案');

    showModal.mockResolvedValueOnce(no);
    await tapAndSettle(button('婉拒'));
    expect(callsTo('proposal.respond')).toHaveLength(0);

    await tapAndSettle(button('婉拒'));
    expect(callsTo('proposal.respond')).toEqual([{ proposalId: 'p1', accept: false }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已婉拒' }));
    expect(await screen.findByLabelText('张伟 已婉拒')).toBeInTheDocument();
  });

  test('a refusal (the window closed meanwhile) is shown and the buttons stay', async () => {
    answer({ 'proposal.get': invited, 'proposal.respond': failure('PROPOSAL_WINDOW_CLOSED') });
    render(<ProposalDetailPage />);
    await screen.findByText('王芳 邀请你附议这份提案');
    await tapAndSettle(button('附议'));
    expect(await screen.findByText('现在不在提案征集时间内')).toBeInTheDocument();
    expect(button('附议')).toBeInTheDocument();
  });
});

describe('the proposal committee', () => {
  const submitted = aDetail({ status: 'submitted', coSigners: signedBy, submittedAt: NOW - DAY }, {}, { triage: true });

  test('立案 after a confirmation', async () => {
    answer({
      'proposal.get': submitted,
      'proposal.triage': moved(submitted, { status: 'accepted', number: 4, decision: { kind: 'accept', byName: '周主任', at: NOW } }, { can: { ...submitted.can, triage: false } }),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('提案审查')).toBeInTheDocument();
    await tapAndSettle(button('立案'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '立案' }));
    expect(callsTo('proposal.triage')).toEqual([{ proposalId: 'p1', decision: { kind: 'accept' } }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已立案' }));
    expect(await screen.findByText('第 4 号')).toBeInTheDocument();
    expect(screen.getByText('已立案待交办')).toBeInTheDocument();
    expect(screen.getByText('立案（周主任，2026年12月5日）')).toBeInTheDocument();
  });

  test('不予立案 needs a reason, which is sent', async () => {
    const reason = '属于学校日常管理事项，建议通过意见箱反映';
    answer({
      'proposal.get': submitted,
      'proposal.triage': moved(submitted, { status: 'rejected', decision: { kind: 'reject', reason, byName: '周主任', at: NOW } }),
    });
    render(<ProposalDetailPage />);
    await screen.findByText('提案审查');
    await tapAndSettle(button('不予立案'));
    await tapAndSettle(button('确认不予立案'));
    expect(screen.getByRole('alert')).toHaveTextContent('请写明理由');
    expect(callsTo('proposal.triage')).toHaveLength(0);

    await typeIntoArea('不予立案的理由（会告知提案人）', ` ${reason} `);
    await tapAndSettle(button('确认不予立案'));
    expect(callsTo('proposal.triage')).toEqual([{ proposalId: 'p1', decision: { kind: 'reject', reason } }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已不予立案' }));
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(screen.getByText('提案工作委员会决定不予立案。')).toBeInTheDocument();
  });

  test('并案: chooses another proposal of the same session from the committee’s box, with a reason', async () => {
    const same = aSummary({ _id: 'p7', title: '关于设立教工休息室的提案', status: 'accepted', number: 2, proposerName: '刘洋' });
    const drafted = aSummary({ _id: 'p8', title: '还在征集的提案', status: 'rejected' });
    const other = aSummary({ _id: 'p9', sessionId: 's0', title: '上一次会议的提案', status: 'accepted' });
    answer({
      'proposal.get': submitted,
      'proposal.list': { proposals: [aSummary({ _id: 'p1', status: 'submitted' }), same, drafted, other], isDelegate: true, isCommittee: true, isHandler: false },
      'proposal.triage': (input) =>
        moved(submitted, { status: 'merged', decision: { ...(input.decision as { kind: 'merge'; into: string; reason: string }), byName: '周主任', at: NOW } }, { mergedIntoTitle: same.title }),
    });
    render(<ProposalDetailPage />);
    await screen.findByText('提案审查');
    await tapAndSettle(button('并案'));

    expect(await screen.findByText('关于设立教工休息室的提案')).toBeInTheDocument();
    expect(callsTo('proposal.list')).toEqual([{ box: 'committee', sessionId: 's1' }]);
    expect(screen.getByText('第 2 号 · 刘洋 · 已立案待交办')).toBeInTheDocument();
    expect(screen.queryByText('还在征集的提案')).not.toBeInTheDocument();
    expect(screen.queryByText('上一次会议的提案')).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: '关于增设教工午休室的提案' })).not.toBeInTheDocument();

    await typeIntoArea('并案的理由，例如 两份提案都建议增设午休室', '两份提案都建议增设教工休息场所');
    await tapAndSettle(button('确认并案'));
    expect(screen.getByRole('alert')).toHaveTextContent('请选择要并入的提案');

    await tapAndSettle(radio('关于设立教工休息室的提案'));
    await tapAndSettle(button('确认并案'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '将「关于增设教工午休室的提案」并入「关于设立教工休息室的提案」，一并办理。确定吗？' }));
    expect(callsTo('proposal.triage')).toEqual([{ proposalId: 'p1', decision: { kind: 'merge', into: 'p7', reason: '两份提案都建议增设教工休息场所' } }]);
    expect(await screen.findByText('已并入提案《关于设立教工休息室的提案》，一并办理。')).toBeInTheDocument();
  });

  test('交办 sends the lead department, the helpers and the deadline (end of the chosen day, Beijing time)', async () => {
    const accepted = aDetail({ status: 'accepted', number: 4, coSigners: signedBy }, {}, { assign: true });
    answer({
      'proposal.get': accepted,
      'department.list': departments,
      'proposal.assign': (input) =>
        moved(accepted, {
          status: 'assigned',
          assignment: { leadId: input.leadId, leadName: '总务处', helperIds: input.helperIds, helperNames: ['办公室'], deadline: input.deadline },
        }),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('交办承办部门')).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: '主办 总务处' })).toBeInTheDocument();
    expect(callsTo('department.list')).toEqual([{}]);

    await tapAndSettle(button('确认交办'));
    expect(screen.getByRole('alert')).toHaveTextContent('请选择主办部门');

    await tapAndSettle(radio('主办 总务处'));
    // The lead cannot also help.
    expect(screen.queryByRole('checkbox', { name: '协办 总务处' })).not.toBeInTheDocument();
    await tapAndSettle(row('协办 办公室'));
    await tapAndSettle(button('确认交办'));
    expect(screen.getByRole('alert')).toHaveTextContent('请选择答复期限');

    const picker = document.querySelector('taro-picker-core[aria-label="答复期限日期"]')!;
    await act(async () => {
      fireEvent(picker, new CustomEvent('change', { detail: { value: '2026-12-31' } }));
    });
    expect(screen.getByText('2026年12月31日')).toBeInTheDocument();
    await tapAndSettle(button('确认交办'));

    expect(callsTo('proposal.assign')).toEqual([{ proposalId: 'p1', leadId: 'd1', helperIds: ['d3'], deadline: Date.UTC(2026, 11, 31, 15, 59) }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已交办' }));
    expect(await screen.findByText('办理中')).toBeInTheDocument();
    const handling = within(document.querySelector('.proposal-detail')! as HTMLElement);
    expect(handling.getByText('总务处')).toBeInTheDocument();
    expect(handling.getByText('办公室')).toBeInTheDocument();
  });

  test('a deadline already past is caught before sending', async () => {
    const accepted = aDetail({ status: 'accepted', number: 4 }, {}, { assign: true });
    answer({ 'proposal.get': accepted, 'department.list': departments });
    render(<ProposalDetailPage />);
    await tapAndSettle(await screen.findByRole('radio', { name: '主办 教务处' }));
    const picker = document.querySelector('taro-picker-core[aria-label="答复期限日期"]')!;
    await act(async () => {
      fireEvent(picker, new CustomEvent('change', { detail: { value: '2026-12-01' } }));
    });
    await tapAndSettle(button('确认交办'));
    expect(screen.getByRole('alert')).toHaveTextContent('答复期限要晚于现在');
    expect(callsTo('proposal.assign')).toHaveLength(0);
  });
});

describe('the lead department', () => {
  const assignment = { leadId: 'd1', leadName: '总务处', helperIds: ['d3'], helperNames: ['办公室'], deadline: NOW - DAY };
  const assigned = aDetail({ status: 'assigned', number: 4, coSigners: signedBy, assignment }, { overdue: true }, { reply: true });
  const text = '已将行政楼三楼两间教室改为教工午休室，配置折叠床二十张，下学期开放。';

  test('replies after a confirmation; an overdue proposal is marked', async () => {
    answer({
      'proposal.get': assigned,
      'proposal.reply': moved(assigned, { status: 'replied', replies: [{ round: 1, text, departmentName: '总务处', byName: '赵强', at: NOW }] }, { overdue: false }),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('第 1 轮答复（总务处主办）')).toBeInTheDocument();
    expect(screen.getAllByText('已逾期').length).toBeGreaterThan(0);
    expect(screen.getByText('已超过答复期限，承办部门还没有答复。')).toBeInTheDocument();

    await typeIntoArea('答复内容：办理情况、采取的措施和结果（10–3000 字）', '已办理');
    await tapAndSettle(button('提交答复'));
    expect(screen.getByRole('alert')).toHaveTextContent('答复至少写 10 个字');

    await typeIntoArea('答复内容：办理情况、采取的措施和结果（10–3000 字）', text);
    await tapAndSettle(button('提交答复'));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '提交答复' }));
    expect(callsTo('proposal.reply')).toEqual([{ proposalId: 'p1', text }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '答复已提交' }));
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.getByText('第 1 轮答复')).toBeInTheDocument();
    expect(screen.getByText('已答复待评价')).toBeInTheDocument();
  });

  test('a reply held for the chair is explained', async () => {
    answer({
      'proposal.get': assigned,
      'proposal.reply': moved(assigned, { heldReply: { round: 1, text, departmentName: '总务处', byName: '赵强', at: NOW } }),
    });
    render(<ProposalDetailPage />);
    await typeIntoArea('答复内容：办理情况、采取的措施和结果（10–3000 字）', text);
    await tapAndSettle(button('提交答复'));
    expect(await screen.findByText('答复已提交。内容安全检查暂时无法进行，需要工会主席审核后才会送达提案人和附议人。')).toBeInTheDocument();
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已送交审核' }));
  });
});

describe('rating the reply', () => {
  const reply = { round: 1, text: '已将行政楼三楼两间教室改为教工午休室。', departmentName: '总务处', byName: '赵强', at: NOW - DAY };
  const replied = aDetail(
    {
      status: 'replied',
      number: 4,
      coSigners: { T002: signedBy.T002 },
      replies: [reply],
      ratings: { '1': { T002: { rating: 'basically', name: '李明', at: NOW - 60_000 } } },
    },
    {
      raters: [
        { memberId: 'T001', name: '王芳', rated: false },
        { memberId: 'T002', name: '李明', rated: true },
      ],
    },
    { rate: true },
  );

  test('shows who has rated; 不满意 says it goes back for another round, and is sent after confirming', async () => {
    answer({
      'proposal.get': replied,
      'proposal.rate': moved(replied, {
        status: 'assigned',
        round: 2,
        ratings: { '1': { ...replied.proposal.ratings['1'], T001: { rating: 'unsatisfied', name: '王芳', at: NOW } } },
      }, { raters: [] }),
    });
    render(<ProposalDetailPage />);
    expect(await screen.findByText('评价第 1 轮答复')).toBeInTheDocument();
    expect(screen.getByText('已评价 1/2 人')).toBeInTheDocument();
    expect(screen.getByLabelText('王芳 未评价')).toBeInTheDocument();
    expect(screen.getByLabelText('李明 已评价')).toBeInTheDocument();
    expect(screen.getByText('评价：李明：基本满意')).toBeInTheDocument();

    showModal.mockResolvedValueOnce(no);
    await tapAndSettle(button('不满意'));
    expect(showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '评价答复', content: '你的评价：不满意。提交后不能修改。选择「不满意」，提案会退回承办部门重新办理，再答复一轮。' }),
    );
    expect(callsTo('proposal.rate')).toHaveLength(0);

    await tapAndSettle(button('不满意'));
    expect(callsTo('proposal.rate')).toEqual([{ proposalId: 'p1', rating: 'unsatisfied' }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '评价已提交' }));
    expect(await screen.findByText('有代表对上一轮答复不满意，承办部门正在重新办理（第 2 轮）。')).toBeInTheDocument();
    expect(screen.getByText('评价：李明：基本满意；王芳：不满意')).toBeInTheDocument();
    expect(screen.queryByText('评价第 1 轮答复')).not.toBeInTheDocument();
  });

  test('a second rating is refused with the server’s words', async () => {
    answer({ 'proposal.get': replied, 'proposal.rate': failure('ALREADY_RATED') });
    render(<ProposalDetailPage />);
    await screen.findByText('评价第 1 轮答复');
    await tapAndSettle(button('满意'));
    expect(await screen.findByText('你已经评价过这一轮答复了')).toBeInTheDocument();
    expect(screen.getByText('评价第 1 轮答复')).toBeInTheDocument();
  });
});

test('a proposal that cannot be loaded shows the error and can be retried', async () => {
  answer({ 'proposal.get': failure('NOT_FOUND') });
  render(<ProposalDetailPage />);
  expect(await screen.findByText('要找的内容不存在或已被删除')).toBeInTheDocument();
  answer({ 'proposal.get': aDetail({ status: 'closed' }) });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('提案已办结。')).toBeInTheDocument();
});

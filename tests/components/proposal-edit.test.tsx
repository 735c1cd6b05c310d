import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import EditProposalPage from '../../src/packages/proposal/edit/index';
import type { ProposalDraft } from '../../types/proposal';
import { button, field, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { openPageWith, stubTaro } from './support/taro';
import { aDetail, NOW } from './support/proposals';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const TITLE = '案由：一句话说明提什么，例如 关于增设教工午休室的提案';
const REASONS = '案据：为什么提，现状和存在的问题、依据';
const MEASURES = '建议措施：具体、可行的解决办法';

const typeIntoArea = async (placeholder: string, value: string) => {
  const area = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'TEXTAREA');
    if (!found) throw new Error(`没有占位文字为「${placeholder}」的文本框`);
    return found;
  });
  fireEvent.input(area, { target: { value } });
};

const radioOf = (label: string) => screen.getByText(label).closest('.nut-radio') as HTMLElement;

const written = {
  title: '关于改善食堂伙食的提案',
  reasons: '食堂菜品单一，价格偏高，教职工意见较多。',
  measures: '建议每学期召开一次伙食座谈会，公开成本，增加菜品种类。',
};

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));

test('drafting sends the exact draft to the session, then opens the proposal', async () => {
  openPageWith({ sessionId: 's1' });
  answer({ 'proposal.create': (input) => aDetail({ _id: 'new1', ...input.draft }) });
  render(<EditProposalPage />);

  expect(screen.getByText('一事一案')).toBeInTheDocument();
  expect(screen.getByText('案由 4–60 字；案据、建议措施各 10–3000 字')).toBeInTheDocument();
  expect(screen.getByText('0/60')).toBeInTheDocument();

  await typeInto(TITLE, `  ${written.title} `);
  expect(screen.getByText('11/60')).toBeInTheDocument();
  await typeIntoArea(REASONS, written.reasons);
  await typeIntoArea(MEASURES, written.measures);

  // No category yet: said, nothing sent.
  await tapAndSettle(button('保存草稿'));
  expect(screen.getByRole('alert')).toHaveTextContent('请选择提案分类');
  expect(callsTo('proposal.create')).toHaveLength(0);

  // All five categories, in the group that wraps on a narrow phone (one line would widen the page).
  const categories = radioOf('后勤保障').closest('.nut-radiogroup') as HTMLElement;
  expect(categories).toHaveClass('proposal-edit__categories');
  expect(Array.from(categories.querySelectorAll('.nut-radio')).map((el) => el.textContent)).toEqual(['教育教学', '学校管理', '教职工福利', '后勤保障', '其他']);
  fireEvent.click(screen.getByText('后勤保障'));
  expect(radioOf('后勤保障')).toHaveAttribute('aria-checked', 'true');
  await tapAndSettle(button('保存草稿'));

  const draft: ProposalDraft = { ...written, category: 'logistics' };
  expect(callsTo('proposal.create')).toEqual([{ sessionId: 's1', draft }]);
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/proposal/detail/index?id=new1' });
  // The form is gone: a second tap cannot save twice.
  expect(screen.queryByText('保存草稿')).not.toBeInTheDocument();
});

test('too short a text is caught on the phone with the cloud’s words', async () => {
  openPageWith({ sessionId: 's1' });
  render(<EditProposalPage />);
  await typeInto(TITLE, '食堂');
  await typeIntoArea(REASONS, written.reasons);
  await typeIntoArea(MEASURES, written.measures);
  fireEvent.click(screen.getByText('教职工福利'));
  await tapAndSettle(button('保存草稿'));
  expect(screen.getByRole('alert')).toHaveTextContent('案由至少写 4 个字');
  expect(callsTo('proposal.create')).toHaveLength(0);
});

test('a refusal shows the server’s message and keeps what was written', async () => {
  openPageWith({ sessionId: 's1' });
  answer({ 'proposal.create': failure('PROPOSAL_WINDOW_CLOSED') });
  render(<EditProposalPage />);
  await typeInto(TITLE, written.title);
  await typeIntoArea(REASONS, written.reasons);
  await typeIntoArea(MEASURES, written.measures);
  fireEvent.click(screen.getByText('学校管理'));
  await tapAndSettle(button('保存草稿'));

  expect(await screen.findByText('现在不在提案征集时间内')).toBeInTheDocument();
  expect((await field(TITLE)).value).toBe(written.title);
  expect(taro.redirectTo).not.toHaveBeenCalled();
  expect(taro.showToast).not.toHaveBeenCalled();
});

test('editing starts from the stored draft and sends the change with the proposal’s id', async () => {
  openPageWith({ id: 'p1' });
  const detail = aDetail({}, {}, { edit: true, invite: true });
  answer({ 'proposal.get': detail, 'proposal.update': (input) => aDetail({ ...input.draft }) });
  render(<EditProposalPage />);

  expect((await field(TITLE)).value).toBe('关于增设教工午休室的提案');
  expect(callsTo('proposal.get')).toEqual([{ proposalId: 'p1' }]);
  expect(radioOf('教职工福利')).toHaveAttribute('aria-checked', 'true');
  await typeInto(TITLE, '关于增设教工午休室和淋浴间的提案');
  await tapAndSettle(button('保存修改'));

  expect(callsTo('proposal.update')).toEqual([
    { proposalId: 'p1', draft: { title: '关于增设教工午休室和淋浴间的提案', reasons: detail.proposal.reasons, measures: detail.proposal.measures, category: 'welfare' } },
  ]);
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/proposal/detail/index?id=p1' });
});

test('a proposal seeking co-signers cannot be edited here: the way to change it is said', async () => {
  openPageWith({ id: 'p1' });
  answer({ 'proposal.get': aDetail({ status: 'seeking' }, {}, { revise: true }) });
  render(<EditProposalPage />);
  expect(await screen.findByText('提案正在征集附议，内容不能直接修改。请在提案页点「撤回修改」，撤回后已有的附议会作废。')).toBeInTheDocument();
  expect(screen.queryByText('保存修改')).not.toBeInTheDocument();
  fireEvent.click(button('回到提案'));
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/proposal/detail/index?id=p1' });
});

test('a failed load shows the error state', async () => {
  openPageWith({ id: 'p1' });
  answer({ 'proposal.get': failure('NOT_FOUND') });
  render(<EditProposalPage />);
  expect(await screen.findByText('要找的内容不存在或已被删除')).toBeInTheDocument();
  expect(screen.getByText('加载失败')).toBeInTheDocument();
});

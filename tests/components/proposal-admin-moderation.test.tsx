import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ModerationPage from '../../src/packages/proposal-admin/moderation/index';
import { button, confirmDialog, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aHeldItem } from './support/suggestions';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const REASON = '原因，例如 含有与工会工作无关的广告';
const cardOf = (title: string) => screen.getByLabelText(title);
const proposal = aHeldItem({ kind: 'proposal', id: 'p7', title: '关于教师周转房的提案', text: '案据：新教师住房困难。', authorName: '吴老师' });
const anonymous = aHeldItem({ kind: 'suggestion', id: 's8', title: '关于加班补贴的建议', authorName: '匿名', at: Date.UTC(2026, 2, 2, 16, 0) });

test('lists each held text with what it is, who wrote it, when, and the whole text', async () => {
  answer({ 'moderation.list': [aHeldItem(), proposal, anonymous] });
  render(<ModerationPage />);
  expect(await screen.findByText('关于调整课间操时间的建议')).toBeInTheDocument();
  const held = cardOf('关于调整课间操时间的建议');
  expect(within(held).getByText('意见建议')).toBeInTheDocument();
  expect(within(held).getByText('周老师 · 2026年3月3日 14:15')).toBeInTheDocument();
  expect(within(held).getByText('建议把课间操挪到第二节课后。')).toBeInTheDocument();
  expect(within(cardOf('关于教师周转房的提案')).getByText('提案')).toBeInTheDocument();
  // An anonymous suggestion keeps only its day.
  expect(within(cardOf('关于加班补贴的建议')).getByText('匿名 · 2026年3月3日')).toBeInTheDocument();
});

test('通过 releases it and the list refreshes', async () => {
  answer({ 'moderation.list': [aHeldItem(), proposal], 'moderation.release': { released: true } });
  render(<ModerationPage />);
  await screen.findByText('关于教师周转房的提案');

  answer({ 'moderation.list': [aHeldItem()] });
  await tapAndSettle(within(cardOf('关于教师周转房的提案')).getByText('通过').closest('.nut-button')!);

  expect(callsTo('moderation.release')).toEqual([{ kind: 'proposal', id: 'p7' }]);
  expect(await screen.findByText('「关于教师周转房的提案」已通过审核。')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByLabelText('关于教师周转房的提案')).not.toBeInTheDocument());
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过' }));
});

test('不通过 asks for a reason and sends it', async () => {
  answer({ 'moderation.list': [aHeldItem()], 'moderation.refuse': { refused: true } });
  render(<ModerationPage />);
  await screen.findByText('关于调整课间操时间的建议');

  fireEvent.click(within(cardOf('关于调整课间操时间的建议')).getByText('不通过'));
  await confirmDialog('不通过的原因');
  expect(await screen.findByText('请写上不通过的原因，提交人会看到')).toBeInTheDocument();
  expect(callsTo('moderation.refuse')).toEqual([]);

  await typeInto(REASON, ' 与工会工作无关 ');
  answer({ 'moderation.list': [] });
  await confirmDialog('不通过的原因');
  expect(callsTo('moderation.refuse')).toEqual([{ kind: 'suggestion', id: 's9', reason: '与工会工作无关' }]);
  expect(await screen.findByText('「关于调整课间操时间的建议」未通过审核，提交人会看到你写的原因。')).toBeInTheDocument();
  expect(await screen.findByText('没有待审核的内容')).toBeInTheDocument();
});

test('something already decided elsewhere is explained', async () => {
  answer({ 'moderation.list': [aHeldItem()], 'moderation.release': failure('NOT_HELD') });
  render(<ModerationPage />);
  await screen.findByText('关于调整课间操时间的建议');
  await tapAndSettle(button('通过'));
  expect(await screen.findByRole('alert')).toHaveTextContent('这条内容不在待审核状态，请刷新后再试');
});

test('nothing held, or a failure to load, is said so', async () => {
  answer({ 'moderation.list': failure('FORBIDDEN') });
  render(<ModerationPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  expect(screen.getByText('你没有权限进行这个操作')).toBeInTheDocument();
  answer({ 'moderation.list': [] });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('没有待审核的内容')).toBeInTheDocument();
});

import { fireEvent, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { LoadState } from '../../src/components/LoadState';
import { useAction } from '../../src/hooks/useAction';
import { button } from './support/dom';
import { answer, callsTo, CloudCallError, failure } from './support/gateway';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());

const noRetry = () => undefined;

test('while loading it says so, and hides the content', () => {
  render(
    <LoadState loading onRetry={noRetry}>
      <Text>内容</Text>
    </LoadState>,
  );
  expect(screen.getByText('正在加载…')).toBeInTheDocument();
  expect(screen.queryByText('内容')).not.toBeInTheDocument();
});

test('an error shows its message and a 重试 button that retries', () => {
  const retry = jest.fn();
  render(
    <LoadState loading={false} error={new CloudCallError('NETWORK', '网络不太顺畅，请稍后再试')} onRetry={retry}>
      <Text>内容</Text>
    </LoadState>,
  );
  expect(screen.getByText('加载失败')).toBeInTheDocument();
  expect(screen.getByText('网络不太顺畅，请稍后再试')).toBeInTheDocument();
  fireEvent.click(button('重试'));
  expect(retry).toHaveBeenCalledTimes(1);
});

test('an empty list says so, with its action', () => {
  render(<LoadState loading={false} empty emptyText="还没有工会小组" emptyAction={<Text>新建小组</Text>} onRetry={noRetry} />);
  expect(screen.getByText('还没有工会小组')).toBeInTheDocument();
  expect(screen.getByText('新建小组')).toBeInTheDocument();
});

test('loaded content is shown as is', () => {
  render(
    <LoadState loading={false} onRetry={noRetry}>
      <Text>内容</Text>
    </LoadState>,
  );
  expect(screen.getByText('内容')).toBeInTheDocument();
});

function Groups() {
  const groups = useAction('groups.list', {});
  return (
    <LoadState loading={groups.loading} error={groups.error} onRetry={groups.reload} empty={groups.data?.length === 0}>
      {groups.data?.map((group) => <Text key={group._id}>{group.name}</Text>)}
    </LoadState>
  );
}

test('重试 after a failed load loads again and shows the data', async () => {
  answer({ 'groups.list': failure('INTERNAL') });
  render(<Groups />);
  expect(await screen.findByText('服务开小差了，请稍后再试')).toBeInTheDocument();

  answer({ 'groups.list': [{ _id: 'g1', name: '语文组', createdAt: 1, memberCount: 3 }] });
  fireEvent.click(button('重试'));

  expect(await screen.findByText('语文组')).toBeInTheDocument();
  expect(screen.queryByText('加载失败')).not.toBeInTheDocument();
  expect(callsTo('groups.list')).toHaveLength(2);
});

import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { SUGGESTION_PAGES, useProposalChanged } from '../../../lib/proposal-routes';
import { SuggestionCard } from '../components/SuggestionCard';
import { deviceTokens } from '../lib/device-tokens';
import { tokensOf } from '../lib/owner-tokens';
import '../components/suggestion.scss';

const readTokens = (): string[] => tokensOf(deviceTokens.list());
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/** 我的建议: the named ones by 工号, the anonymous ones by the tokens this phone keeps; each with its status and reply. */
export default function MySuggestionsPage() {
  const [tokens, setTokens] = useState(readTokens);
  const mine = useAction('suggestion.mine', { tokens });
  const list = mine.data ?? [];

  // A suggestion was sent (perhaps a new anonymous one) or answered: new tokens reload by themselves.
  const refresh = () => {
    const next = readTokens();
    if (sameList(next, tokens)) return mine.reload();
    setTokens(next);
    return Promise.resolve();
  };
  useProposalChanged(() => void refresh());
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const write = () => void Taro.navigateTo({ url: SUGGESTION_PAGES.send });
  const writeButton = (
    <Button type="primary" block onClick={write}>
      写建议
    </Button>
  );

  return (
    <View className="page suggestion">
      <View className="suggestion__buttons suggestion__buttons--top">{writeButton}</View>
      <LoadState
        loading={mine.loading && !mine.data}
        error={mine.error}
        onRetry={mine.reload}
        empty={list.length === 0}
        emptyText="你还没有提交过建议"
        emptyAction={<Text className="suggestion__hint">有想法就写下来吧，工会会认真答复。</Text>}
      >
        {list.map((s) => (
          <SuggestionCard key={s._id} suggestion={s} onOpen={() => void Taro.navigateTo({ url: SUGGESTION_PAGES.detail(s._id) })} />
        ))}
        {tokens.length > 0 && <Text className="suggestion__hint">匿名建议只在提交它的这台手机上显示。</Text>}
      </LoadState>
      <Text className="suggestion__link" onClick={() => void Taro.navigateTo({ url: SUGGESTION_PAGES.public })}>
        查看公开答复 ›
      </Text>
    </View>
  );
}

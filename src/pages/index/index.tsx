import { View, Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import { LoadState } from '../../components/LoadState';
import { useMe } from '../../hooks/useMe';
import { greeting } from '../../lib/greeting';
import { organiserTools } from '../../lib/organiser-tools';
import { PROPOSAL_PAGES, SUGGESTION_PAGES } from '../../lib/proposal-routes';
import { VOTE_PAGES } from '../../lib/vote-routes';
import './index.scss';

export default function Home() {
  const { member, groupMemberCount, loading, error, reload } = useMe();
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page home">
      <LoadState loading={loading || !member} error={error} onRetry={reload}>
        {member && (
          <>
            <View className="card home__hello">
              <Text className="home__title">{greeting(member.name)}</Text>
              <Text className="home__sub">
                {member.groupName} · 小组共 {groupMemberCount} 人
              </Text>
            </View>
            <View className="section-title">参与工会事务</View>
            <Cell.Group>
              <Cell title="投票评议" description="参加评选、民主评议和表决" clickable onClick={() => Taro.navigateTo({ url: VOTE_PAGES.list })} />
              <Cell title="教代会提案" description="起草、附议提案，跟进办理和答复" clickable onClick={() => Taro.navigateTo({ url: PROPOSAL_PAGES.list })} />
              <Cell title="意见箱" description="提出合理化建议，可匿名，一定有回音" clickable onClick={() => Taro.navigateTo({ url: SUGGESTION_PAGES.mine })} />
            </Cell.Group>
            {organiserTools(member.roles).length > 0 && (
              <>
                <View className="section-title">工会工作</View>
                <Cell.Group>
                  {organiserTools(member.roles).map((tool) => (
                    <Cell key={tool.url} title={tool.title} description={tool.description} clickable onClick={() => Taro.navigateTo({ url: tool.url })} />
                  ))}
                </Cell.Group>
              </>
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { HomeMonth } from '../../../types/actions';
import { LoadState } from '../../components/LoadState';
import { MonthSwitcher } from '../../components/MonthSwitcher';
import { useAction } from '../../hooks/useAction';
import { useMe } from '../../hooks/useMe';
import { standingText } from '../../lib/activity-format';
import { ACTIVITY_PAGES } from '../../lib/activity-routes';
import { greeting } from '../../lib/greeting';
import { closesText, monthWord, planSectionTitle, voteMark } from '../../lib/home-month';
import { MESSAGE_PAGES, NOTICE_PAGES, PLAN_PAGES, useMonthChanged } from '../../lib/month-routes';
import { organiserTools } from '../../lib/organiser-tools';
import { LINK_LABELS, linkedPage, planDayText } from '../../lib/plan-links';
import { PROPOSAL_PAGES, SUGGESTION_PAGES } from '../../lib/proposal-routes';
import { formatDate, formatShortDateTime, monthKeyOf } from '../../lib/time';
import { VOTE_PAGES } from '../../lib/vote-routes';
import './index.scss';

const go = (url: string) => void Taro.navigateTo({ url });
const none = (text: string) => <Text className="home__none">{text}</Text>;

/** The month's plan items, activities, open votes and notices, each with its own empty line. */
function MonthSections({ data, current }: { data: HomeMonth; current: string }) {
  const when = monthWord(data.month, current);
  return (
    <>
      <View className="section-title">{planSectionTitle(data.month, current)}</View>
      <Cell.Group>
        {data.planItems.length === 0 && <Cell title={none(`${when}没有工作计划安排`)} />}
        {data.planItems.map((item) => (
          <Cell
            key={item.id}
            title={item.text}
            description={item.date ? planDayText(item.date) : undefined}
            // Cell calls onClick whatever it is: only linked items get one.
            {...(item.linked ? { extra: `${LINK_LABELS[item.linked.kind]} ›`, clickable: true, onClick: () => go(linkedPage(item.linked!)) } : {})}
          />
        ))}
        <Cell title="查看全年工作计划" clickable extra="›" onClick={() => go(PLAN_PAGES.year(Number(data.month.slice(0, 4))))} />
      </Cell.Group>

      <View className="section-title">活动</View>
      <Cell.Group>
        {data.activities.length === 0 && <Cell title={none(`${when}没有活动`)} />}
        {data.activities.map((a) => (
          <Cell
            key={a._id}
            title={a.title}
            description={`${formatShortDateTime(a.startAt)}${a.place ? ` · ${a.place}` : ''}`}
            extra={standingText(a.mine) || '›'}
            clickable
            onClick={() => go(ACTIVITY_PAGES.detail(a._id))}
          />
        ))}
      </Cell.Group>

      <View className="section-title">进行中的投票</View>
      <Cell.Group>
        {data.votes.length === 0 && <Cell title={none('现在没有进行中的投票')} />}
        {data.votes.map((v) => (
          <Cell key={v._id} title={v.title} description={closesText(v.closesAt)} extra={voteMark(v) || '›'} clickable onClick={() => go(VOTE_PAGES.detail(v._id))} />
        ))}
      </Cell.Group>

      <View className="section-title">通知</View>
      <Cell.Group>
        {data.notices.length === 0 && <Cell title={none(`${when}没有新通知`)} />}
        {data.notices.map((n) => (
          <Cell
            key={n._id}
            title={
              <View className="home__notice">
                {!n.read && <View className="home__dot" aria-label="未读" />}
                <Text>{n.title}</Text>
              </View>
            }
            description={formatDate(n.visibleAt)}
            extra="›"
            clickable
            onClick={() => go(NOTICE_PAGES.detail(n._id))}
          />
        ))}
      </Cell.Group>
    </>
  );
}

/** 首页: the month at a glance, the way into union affairs, and the organisers' tools. */
export default function Home() {
  const { member, groupMemberCount, loading, error, reload } = useMe();
  const current = monthKeyOf(Date.now());
  const [month, setMonth] = useState(current);
  const view = useAction('home.month', { month });
  const [shown, setShown] = useState(false);
  useMonthChanged(() => void view.reload());
  useDidShow(() => {
    // Back from a ballot, a notice or the messages: marks and counts may have moved.
    if (shown && !view.loading) void view.reload();
    setShown(true);
  });
  usePullDownRefresh(() => {
    void Promise.all([reload(), view.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  const unread = view.data?.unreadMessages ?? 0;
  const tools = member ? organiserTools(member.roles) : [];

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
            <Cell.Group>
              <Cell title="消息" description="活动、投票和通知的提醒" extra={unread > 0 ? `${unread} 条未读` : '›'} clickable onClick={() => go(MESSAGE_PAGES.list)} />
            </Cell.Group>

            <View className={month === current ? 'home__month home__month--now' : 'home__month'}>
              <MonthSwitcher value={month} onChange={(next) => setMonth(next ?? current)} />
            </View>
            <LoadState loading={view.loading && view.data?.month !== month} error={view.error} onRetry={view.reload}>
              {view.data && <MonthSections data={view.data} current={current} />}
            </LoadState>

            <View className="section-title">参与工会事务</View>
            <Cell.Group>
              <Cell title="通知公告" description="工会的通知、校务公开和经费公开" clickable onClick={() => go(NOTICE_PAGES.list)} />
              <Cell title="投票评议" description="参加评选、民主评议和表决" clickable onClick={() => go(VOTE_PAGES.list)} />
              <Cell title="教代会提案" description="起草、附议提案，跟进办理和答复" clickable onClick={() => go(PROPOSAL_PAGES.list)} />
              <Cell title="意见箱" description="提出合理化建议，可匿名，一定有回音" clickable onClick={() => go(SUGGESTION_PAGES.mine)} />
            </Cell.Group>
            {tools.length > 0 && (
              <>
                <View className="section-title">工会工作</View>
                <Cell.Group>
                  {tools.map((tool) => (
                    <Cell key={tool.url} title={tool.title} description={tool.description} clickable onClick={() => go(tool.url)} />
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

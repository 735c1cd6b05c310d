import { View, Text, Picker } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Plan, PlanItem } from '../../../../types/plan';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { InlineMessage } from '../../../components/InlineMessage';
import { LoadState } from '../../../components/LoadState';
import { call } from '../../../gateway/cloud';
import { useAction } from '../../../hooks/useAction';
import { ACTIVITY_PAGES } from '../../../lib/activity-routes';
import { messageOf } from '../../../lib/cloud-message';
import { notifyMonthChanged, NOTICE_PAGES, PLAN_PAGES, useMonthChanged } from '../../../lib/month-routes';
import { LINK_LABELS, linkedPage, planDayText, type PlanLink } from '../../../lib/plan-links';
import { nowInShanghai } from '../../../lib/time';
import { VOTE_PAGES } from '../../../lib/vote-routes';
import '../plan.scss';

type Kind = PlanLink['kind'];
const KINDS: Kind[] = ['activity', 'vote', 'notice'];

/** Where a new draft opens for editing. */
const draftEditPage = ({ kind, id }: PlanLink): string => (kind === 'activity' ? ACTIVITY_PAGES.edit(id) : kind === 'vote' ? VOTE_PAGES.edit(id) : NOTICE_PAGES.edit(id));

const pad = (n: number) => String(n).padStart(2, '0');
/** The first and last day of a month, as the date picker takes them. */
function monthRange(year: number, month: number): { start: string; end: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}` };
}

const withItem = (plan: Plan, next: PlanItem): Plan => ({
  ...plan,
  months: plan.months.map((m) => ({ ...m, items: m.items.map((item) => (item.id === next.id ? { ...item, ...next } : item)) })),
});

/** 工作计划: the year's plan by month, dates and drafts for the chair and committee. */
export default function PlanYearPage() {
  const router = useRouter();
  const [year, setYear] = useState(() => Number(router.params.year) || nowInShanghai().year());
  const state = useAction('plan.get', { year });
  const me = useAction('me.get', {});
  const roles = me.data?.bound ? me.data.member.roles : [];
  const isChair = roles.includes('chair');
  const canManage = isChair || roles.includes('committee');
  const [busy, setBusy] = useState('');
  const [problem, setProblem] = useState<{ itemId: string; text: string } | null>(null);
  const [making, setMaking] = useState<{ item: PlanItem; kind: Kind } | null>(null);

  useMonthChanged(() => void state.reload());
  usePullDownRefresh(() => {
    void Promise.all([state.reload(), me.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const plan = state.data?.plan ?? null;
  const loading = (state.loading && !state.data) || (me.loading && !me.data);

  const setDate = async (item: PlanItem, date: string | null) => {
    setProblem(null);
    setBusy(`${item.id}:date`);
    try {
      const saved = await call('plan.setItemDate', { year, itemId: item.id, date }, { silent: true });
      if (plan) state.setData({ plan: withItem(plan, saved) });
      void Taro.showToast({ title: date ? `已定在${planDayText(date)}` : '已清除日期', icon: 'none' });
      notifyMonthChanged();
    } catch (e) {
      setProblem({ itemId: item.id, text: messageOf(e, '没有保存成功，请稍后再试') });
      void state.reload();
    } finally {
      setBusy('');
    }
  };

  const makeDraft = async () => {
    if (!making) return;
    const { item, kind } = making;
    setProblem(null);
    setBusy(`${item.id}:${kind}`);
    try {
      const linked = await call('plan.makeDraft', { year, itemId: item.id, kind }, { silent: true });
      if (plan) state.setData({ plan: withItem(plan, { ...item, linked }) });
      void Taro.showToast({ title: `已生成${LINK_LABELS[linked.kind]}草稿`, icon: 'success' });
      notifyMonthChanged();
      void Taro.navigateTo({ url: draftEditPage(linked) });
    } catch (e) {
      setProblem({ itemId: item.id, text: messageOf(e, '没有生成成功，请稍后再试') });
      void state.reload();
    } finally {
      setBusy('');
      setMaking(null);
    }
  };

  const emptyAction = isChair ? (
    <Button type="primary" onClick={() => void Taro.navigateTo({ url: PLAN_PAGES.import })}>
      导入工作计划
    </Button>
  ) : undefined;
  const emptyText = isChair ? `还没有导入${year}年的工作计划` : year === nowInShanghai().year() ? '工会还没有发布今年的工作计划' : `工会还没有发布${year}年的工作计划`;

  return (
    <View className="page plan">
      <View className="plan__years">
        <Text className="plan__arrow" aria-label="上一年" onClick={() => setYear(year - 1)}>
          ‹
        </Text>
        <Text className="plan__title">{year}年</Text>
        <Text className="plan__arrow" aria-label="下一年" onClick={() => setYear(year + 1)}>
          ›
        </Text>
      </View>
      <LoadState loading={loading} error={state.error} onRetry={state.reload} empty={!plan} emptyText={emptyText} emptyAction={emptyAction}>
        {plan && (
          <>
            <View className="card plan__card">
              <Text className="plan__title">{plan.title}</Text>
              {canManage && <Text className="plan__hint">给条目定好日期，它就会出现在首页那一天；也可以一键生成活动、投票或通知的草稿，修改后再发布。</Text>}
              {isChair && (
                <Text className="plan__link" onClick={() => void Taro.navigateTo({ url: PLAN_PAGES.import })}>
                  重新导入工作计划
                </Text>
              )}
            </View>
            {plan.months.map((month) => {
              const { start, end } = monthRange(month.year, month.month);
              return (
                <View key={`${month.year}-${month.month}`} className="card plan__month" aria-label={`${month.year}年${month.month}月`}>
                  <Text className="plan__month-title">
                    {month.year}年{month.month}月
                  </Text>
                  {month.items.map((item, j) => (
                    <View key={item.id} className="plan__item" aria-label={item.text}>
                      <Text className="plan__item-text">
                        {j + 1}. {item.text}
                      </Text>
                      <View className="plan__item-actions">
                        <Text className="plan__date">{item.date ? planDayText(item.date) : '日期未定'}</Text>
                        {canManage && (
                          <Picker mode="date" start={start} end={end} value={item.date ?? start} aria-label="设定日期" onChange={(e) => void setDate(item, String(e.detail.value))}>
                            <View className="plan__pick">{item.date ? '改日期' : '定日期'}</View>
                          </Picker>
                        )}
                        {canManage && item.date && (
                          <Text className="plan__link plan__link--danger" onClick={() => void setDate(item, null)}>
                            清除日期
                          </Text>
                        )}
                      </View>
                      {item.linked ? (
                        <View className="plan__item-actions">
                          <Text className="plan__linked">已生成{LINK_LABELS[item.linked.kind]}</Text>
                          <Text className="plan__link" onClick={() => void Taro.navigateTo({ url: linkedPage(item.linked!) })}>
                            查看{LINK_LABELS[item.linked.kind]}
                          </Text>
                        </View>
                      ) : (
                        canManage && (
                          <View className="plan__item-actions">
                            {KINDS.map((kind) => (
                              <Button key={kind} size="small" fill="outline" loading={busy === `${item.id}:${kind}`} disabled={busy !== ''} onClick={() => setMaking({ item, kind })}>
                                生成{LINK_LABELS[kind]}
                              </Button>
                            ))}
                          </View>
                        )
                      )}
                      {problem?.itemId === item.id && <InlineMessage text={problem.text} />}
                    </View>
                  ))}
                </View>
              );
            })}
          </>
        )}
      </LoadState>
      <ConfirmDialog
        visible={Boolean(making)}
        title={making ? `生成${LINK_LABELS[making.kind]}` : ''}
        content={making ? `用「${making.item.text}」生成一份${LINK_LABELS[making.kind]}草稿？草稿生成后打开，修改好再发布。每一条只能生成一次。` : ''}
        confirmText="生成"
        onConfirm={makeDraft}
        onClose={() => setMaking(null)}
      />
    </View>
  );
}

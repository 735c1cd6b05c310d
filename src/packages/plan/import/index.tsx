import { View, Text, Picker } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Plan, PlanPreview } from '../../../../types/plan';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { InlineMessage } from '../../../components/InlineMessage';
import { call, pickFile } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { notifyMonthChanged, PLAN_PAGES } from '../../../lib/month-routes';
import { nowInShanghai } from '../../../lib/time';
import {
  draftFromPreview,
  draftProblem,
  ITEM_MAX,
  itemCount,
  monthLabels,
  saveInputOf,
  TITLE_MAX,
  withItemText,
  withMonthNumber,
  withNewItem,
  withNewMonth,
  withoutItem,
  withoutMonth,
  withTitle,
  withYear,
  type PlanDraft,
} from '../lib/plan-draft';
import '../plan.scss';

const PASTE_PLACEHOLDER = '在这里粘贴工作计划的全文，例如：\n九月份：1、筹备庆“教师节”系列活动。\n2、组织好新调入教师一日游活动。';
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const EMPTY_TEXT = '请先粘贴工作计划的文字，或上传 .txt / .docx 文件';

type Busy = '' | 'uploading' | 'reading' | 'saving';
interface Editing {
  monthKey: string;
  itemId: string;
}

/** 导入工作计划 (chair): paste or upload the plan, 识别, check and edit month by month, 保存. */
export default function PlanImportPage() {
  const thisYear = nowInShanghai().year();
  const years = [thisYear - 1, thisYear, thisYear + 1];
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState<Busy>('');
  const [problem, setProblem] = useState('');
  const [warnings, setWarnings] = useState<PlanPreview['warnings']>([]);
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState('');
  const [existing, setExisting] = useState<Plan | null>(null);
  const year = draft?.year;

  // A plan saved for the same year is replaced: say so before the chair saves.
  useEffect(() => {
    setExisting(null);
    if (!year) return;
    let current = true;
    call('plan.get', { year }, { silent: true })
      .then(({ plan }) => current && setExisting(plan))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [year]);

  const startDraft = (preview: PlanPreview) => {
    setWarnings(preview.warnings);
    setDraft(draftFromPreview(preview, thisYear));
    setEditing(null);
    setSaveProblem('');
  };

  const recognise = async () => {
    if (!text.trim()) {
      setProblem(EMPTY_TEXT);
      return;
    }
    setProblem('');
    setFileName('');
    setBusy('reading');
    try {
      startDraft(await call('plan.preview', { text }, { silent: true }));
    } catch (e) {
      setProblem(messageOf(e, '识别失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  const upload = async () => {
    const picked = await pickFile('plan');
    if (!picked) return; // cancelled: keep what is on screen
    setProblem('');
    if (!/\.(txt|docx)$/i.test(picked.name)) {
      setProblem('只能上传 .txt 或 .docx 格式的工作计划（.doc 请先在 Word 里另存为 .docx）');
      return;
    }
    setFileName(picked.name);
    setBusy('uploading');
    try {
      const fileID = await picked.upload();
      setBusy('reading');
      const preview = await call('plan.preview', { fileID }, { silent: true });
      setText(preview.text);
      startDraft(preview);
    } catch (e) {
      setProblem(messageOf(e, '上传失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  const change = (next: PlanDraft) => {
    setSaveProblem('');
    setDraft(next);
  };

  const finishEditing = () => {
    if (!draft || !editing) return;
    const month = draft.months.find((m) => m.key === editing.monthKey);
    const item = month?.items.find((i) => i.id === editing.itemId);
    if (item && !item.text.trim()) change(withoutItem(draft, editing.monthKey, editing.itemId));
    setEditing(null);
  };

  const addItem = (monthKey: string) => {
    if (!draft) return;
    const next = withNewItem(draft, monthKey);
    const month = next.months.find((m) => m.key === monthKey)!;
    change(next);
    setEditing({ monthKey, itemId: month.items[month.items.length - 1].id });
  };

  const addMonth = () => {
    if (!draft) return;
    const next = withNewMonth(draft);
    const month = next.months[next.months.length - 1];
    change(next);
    setEditing({ monthKey: month.key, itemId: month.items[0].id });
  };

  const save = async () => {
    if (!draft) return;
    const wrong = draftProblem(draft);
    if (wrong) {
      setSaveProblem(wrong);
      return;
    }
    setSaveProblem('');
    setBusy('saving');
    try {
      const plan = await call('plan.save', saveInputOf(draft), { silent: true });
      void Taro.showToast({ title: '工作计划已保存', icon: 'success' });
      notifyMonthChanged();
      void Taro.redirectTo({ url: PLAN_PAGES.year(plan.year) });
    } catch (e) {
      setSaveProblem(messageOf(e, '保存失败，请稍后再试'));
    } finally {
      setBusy('');
    }
  };

  if (!draft) {
    return (
      <View className="page plan">
        <View className="card plan__card">
          <Text className="plan__intro">把工会的年度工作计划粘贴到下面，或上传 .txt / .docx 文件。识别后可以逐月核对、修改，再保存。</Text>
          <TextArea className="plan__paste" placeholder={PASTE_PLACEHOLDER} value={text} maxLength={50000} rows={10} onChange={setText} />
          {fileName && <Text className="plan__hint">文件：{fileName}</Text>}
          {busy === 'uploading' && <InlineMessage tone="info" text="正在上传…" />}
          {busy === 'reading' && <InlineMessage tone="info" text="正在识别…" />}
          <InlineMessage text={problem} />
          <Button type="primary" block loading={busy === 'reading'} disabled={busy !== ''} onClick={recognise}>
            识别
          </Button>
          <Button fill="outline" block disabled={busy !== ''} onClick={upload}>
            上传文件
          </Button>
          <Text className="plan__hint">计划要按月份写，例如「九月份：1、……」。在微信里上传，请先把文件发到任一聊天，再从聊天中选择。</Text>
        </View>
      </View>
    );
  }

  const labels = monthLabels(draft);
  const count = itemCount(draft);
  const removingMonth = draft.months.find((m) => m.key === removing);
  const removingIndex = draft.months.findIndex((m) => m.key === removing);

  return (
    <View className="page plan">
      <View className="card plan__card">
        <View className="plan__row">
          <Text className="plan__label">计划年份</Text>
          <Picker mode="selector" range={years.map((y) => `${y}年`)} value={Math.max(0, years.indexOf(draft.year))} aria-label="计划年份" onChange={(e) => change(withYear(draft, years[Number(e.detail.value)]))}>
            <View className="plan__pick">{draft.year}年</View>
          </Picker>
        </View>
        <View className="plan__row">
          <Text className="plan__label">计划名称</Text>
          <Input className="plan__input" placeholder="计划名称" value={draft.title} maxLength={TITLE_MAX} onChange={(value) => change(withTitle(draft, value))} />
        </View>
        <Text className="plan__hint">从九月开始的学年计划，排在十二月后面的月份算作下一年。</Text>
        {existing && (
          <InlineMessage
            tone="info"
            text={`${draft.year}年已经有工作计划「${existing.title}」，保存后会替换它。已经生成的活动、投票和通知不受影响。`}
          />
        )}
      </View>

      {warnings.length > 0 && (
        <View className="card plan__warnings" aria-label="请核对">
          <Text className="plan__warnings-title">识别时发现 {warnings.length} 处需要核对：</Text>
          {warnings.map((w) => (
            <Text key={`${w.line}-${w.message}`} className="plan__warning">
              第 {w.line} 行：{w.message}
            </Text>
          ))}
        </View>
      )}

      <Text className="plan__summary">
        共 {draft.months.length} 个月、{count} 条工作。点「修改」改写一条，不需要的可以删除。
      </Text>

      {draft.months.map((month, i) => (
        <View key={month.key} className="card plan__month" aria-label={labels[i]}>
          <View className="plan__month-head">
            <Text className="plan__month-title">{labels[i]}</Text>
            <Picker mode="selector" range={MONTH_NAMES} value={month.month - 1} aria-label={`更改${labels[i]}的月份`} onChange={(e) => change(withMonthNumber(draft, month.key, Number(e.detail.value) + 1))}>
              <View className="plan__pick">改月份</View>
            </Picker>
            <Text className="plan__link plan__link--danger" onClick={() => setRemoving(month.key)}>
              删除这个月
            </Text>
          </View>
          {month.items.length === 0 && <Text className="plan__hint">这个月还没有工作条目</Text>}
          {month.items.map((item, j) =>
            editing?.itemId === item.id ? (
              <View key={item.id} className="plan__edit">
                <TextArea
                  placeholder="写下这一条工作"
                  value={item.text}
                  maxLength={-1}
                  autoSize
                  onChange={(value) => change(withItemText(draft, month.key, item.id, value))}
                />
                {item.text.trim().length > ITEM_MAX && <InlineMessage text={`这一条有 ${item.text.trim().length} 字，最多 ${ITEM_MAX} 字`} />}
                <Button size="small" type="primary" onClick={finishEditing}>
                  完成
                </Button>
              </View>
            ) : (
              <View key={item.id} className="plan__item">
                <Text className="plan__item-text">
                  {j + 1}. {item.text}
                </Text>
                <View className="plan__item-actions">
                  <Text
                    className="plan__link"
                    onClick={() => {
                      finishEditing();
                      setEditing({ monthKey: month.key, itemId: item.id });
                    }}
                  >
                    修改
                  </Text>
                  <Text className="plan__link plan__link--danger" onClick={() => change(withoutItem(draft, month.key, item.id))}>
                    删除
                  </Text>
                </View>
              </View>
            ),
          )}
          <Button size="small" fill="outline" onClick={() => addItem(month.key)}>
            添加一条
          </Button>
        </View>
      ))}

      <Button block fill="outline" onClick={addMonth}>
        添加一个月
      </Button>

      <View className="plan__save">
        <InlineMessage text={saveProblem} />
        <Button type="primary" block loading={busy === 'saving'} disabled={busy !== ''} onClick={save}>
          保存计划
        </Button>
        <Text className="plan__link plan__back" onClick={() => setLeaving(true)}>
          返回修改原文
        </Text>
      </View>

      <ConfirmDialog
        visible={Boolean(removingMonth)}
        title="删除这个月"
        content={removingMonth ? `删除${labels[removingIndex]}和它的 ${removingMonth.items.length} 条工作？` : ''}
        confirmText="删除"
        onConfirm={() => {
          if (removing) change(withoutMonth(draft, removing));
          setRemoving(null);
        }}
        onClose={() => setRemoving(null)}
      />
      <ConfirmDialog
        visible={leaving}
        title="返回修改原文"
        content="回到粘贴的原文，修改后重新识别。你对识别结果做的修改不会保留。"
        confirmText="返回"
        onConfirm={() => {
          setDraft(null);
          setWarnings([]);
          setLeaving(false);
        }}
        onClose={() => setLeaving(false)}
      />
    </View>
  );
}

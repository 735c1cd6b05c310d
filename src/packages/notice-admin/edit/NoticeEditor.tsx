import { View, Text } from '@tarojs/components';
import { Button, Input, Radio, Switch, TextArea } from '@nutui/nutui-react-taro';
import { useState, type ReactNode } from 'react';
import type { NoticeDraft } from '../../../../types/notice';
import { InlineMessage } from '../../../components/InlineMessage';
import { DateTimeField } from '../../organiser/edit/DateTimeField';
import { noticeDraftOf, type FormAttachment, type NoticeForm } from '../lib/notice-form';
import { AttachmentsField } from './AttachmentsField';
import { AudienceField } from './AudienceField';

export interface NoticeEditorProps {
  initial: NoticeForm;
  /** Sends the checked draft (and publishes it when asked); resolves with the server's objection, or nothing when done. */
  onSave: (draft: NoticeDraft, publish: boolean) => Promise<string | undefined>;
}

export const TITLE_PLACEHOLDER = '标题，例如 关于开展2026年教职工体检的通知';
export const BODY_PLACEHOLDER = '正文：写清楚时间、地点、要做什么、找谁咨询';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <View className="section-title">{title}</View>
      <View className="card edit__card">{children}</View>
    </>
  );
}

/** Everything an author writes about a notice, checked on the phone before it is sent. */
export function NoticeEditor({ initial, onSave }: NoticeEditorProps) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState<'' | 'draft' | 'publish'>('');
  const set = (patch: Partial<NoticeForm>) => setForm((current) => ({ ...current, ...patch }));
  const setAttachments = (change: (list: FormAttachment[]) => FormAttachment[]) => setForm((current) => ({ ...current, attachments: change(current.attachments) }));

  const save = async (publish: boolean) => {
    const checked = noticeDraftOf(form);
    if (!checked.ok) return setProblem(checked.problem);
    setSaving(publish ? 'publish' : 'draft');
    setProblem('');
    try {
      setProblem((await onSave(checked.draft, publish)) ?? '');
    } finally {
      setSaving('');
    }
  };

  return (
    <View className="edit notice-edit">
      <Section title="内容">
        <Input placeholder={TITLE_PLACEHOLDER} value={form.title} maxLength={60} onChange={(title) => set({ title })} />
        <TextArea placeholder={BODY_PLACEHOLDER} value={form.body} maxLength={5000} autoSize onChange={(body) => set({ body })} />
        <Text className="edit__hint">换行会原样显示。</Text>
      </Section>

      <Section title="附件">
        <AttachmentsField attachments={form.attachments} onChange={setAttachments} />
      </Section>

      <Section title="通知对象">
        <AudienceField value={form} onChange={set} />
      </Section>

      <Section title="发布方式">
        <View className="edit__row">
          <Text className="edit__label">置顶</Text>
          <Switch checked={form.pinned} onChange={(pinned) => set({ pinned })} ariaLabel="置顶" />
        </View>
        <Text className="edit__hint">{form.pinned ? '置顶的通知排在列表最前面。' : '按发布时间排列，新的在前。'}</Text>
        <Radio.Group value={form.timing} direction="horizontal" onChange={(timing) => set({ timing: timing as NoticeForm['timing'] })}>
          <Radio value="now">立即发布</Radio>
          <Radio value="scheduled">定时发布</Radio>
        </Radio.Group>
        {form.timing === 'scheduled' && <DateTimeField label="发布时间" value={form.publishAt} onChange={(publishAt) => set({ publishAt })} />}
        <Text className="edit__hint">
          {form.timing === 'scheduled'
            ? '按北京时间。发布后，到了这个时间通知才出现在大家的列表里，并提醒通知对象。'
            : '发布后，通知对象马上就能看到，并收到提醒。'}
        </Text>
      </Section>

      <InlineMessage text={problem} />
      <View className="notice-edit__buttons">
        <Button className="notice-edit__button" fill="outline" loading={saving === 'draft'} disabled={saving !== ''} onClick={() => void save(false)}>
          保存草稿
        </Button>
        <Button className="notice-edit__button" type="primary" loading={saving === 'publish'} disabled={saving !== ''} onClick={() => void save(true)}>
          保存并发布
        </Button>
      </View>
      <Text className="edit__hint notice-edit__footnote">发布时会先经过微信内容安全检查；草稿只有组织者能看到。</Text>
    </View>
  );
}
NoticeEditor.displayName = 'NoticeEditor';

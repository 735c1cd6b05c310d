import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { InlineMessage } from '../../../components/InlineMessage';
import { pickFile } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { ATTACHMENT_KIND_LABELS, attachmentKindOf, fileSizeText } from '../../notice/lib/notice-view';
import { ATTACHMENT_MAX_COUNT, attachmentName, attachmentProblem, type FormAttachment } from '../lib/notice-form';

export interface AttachmentsFieldProps {
  attachments: FormAttachment[];
  onChange: (change: (list: FormAttachment[]) => FormAttachment[]) => void;
}

/**
 * 附件: picked from a chat (WeChat) or the disk (browser), refused on the phone when too large or
 * of a kind notices cannot carry, uploaded where the server says, listed with 移除.
 */
export function AttachmentsField({ attachments, onChange }: AttachmentsFieldProps) {
  const [uploading, setUploading] = useState('');
  const [problem, setProblem] = useState('');

  const add = async () => {
    setProblem('');
    try {
      const picked = await pickFile('notice');
      if (!picked) return; // cancelled: nothing changes
      const refused = attachmentProblem(picked, attachments.length);
      if (refused) return setProblem(refused);
      setUploading(picked.name);
      const fileID = await picked.upload();
      onChange((list) => [...list, { fileID, name: attachmentName(picked.name), size: picked.size }]);
      void Taro.showToast({ title: '附件已上传', icon: 'success' });
    } catch (e) {
      setProblem(messageOf(e, '附件上传失败，请稍后再试'));
    } finally {
      setUploading('');
    }
  };

  return (
    <View className="notice-edit__files">
      {attachments.map((a) => {
        const kind = attachmentKindOf(a.name);
        return (
          <View key={a.fileID} className="notice-edit__file" aria-label={a.name}>
            <Text className="notice-edit__file-kind">{kind ? ATTACHMENT_KIND_LABELS[kind] : '文件'}</Text>
            <View className="notice-edit__file-text">
              <Text className="notice-edit__file-name">{a.name}</Text>
              {a.size > 0 && <Text className="edit__hint">{fileSizeText(a.size)}</Text>}
            </View>
            <View className="edit__link edit__link--danger" role="button" aria-label={`移除 ${a.name}`} onClick={() => onChange((list) => list.filter((x) => x.fileID !== a.fileID))}>
              移除
            </View>
          </View>
        );
      })}
      {attachments.length < ATTACHMENT_MAX_COUNT && (
        <Button size="small" fill="outline" loading={uploading !== ''} disabled={uploading !== ''} onClick={() => void add()}>
          {uploading ? '正在上传…' : '添加附件'}
        </Button>
      )}
      <InlineMessage text={problem} />
      <Text className="edit__hint">可以添加图片（jpg、png）、PDF、Excel 或 Word 文件，每个不超过 10 MB，最多 {ATTACHMENT_MAX_COUNT} 个。</Text>
    </View>
  );
}
AttachmentsField.displayName = 'AttachmentsField';

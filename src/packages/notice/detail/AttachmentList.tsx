import { View, Text, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Attachment } from '../../../../types/notice';
import { ownValue } from '../../../../types/own-keys';
import { InlineMessage } from '../../../components/InlineMessage';
import { openDocument } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { ATTACHMENT_KIND_LABELS, attachmentKindOf, fileSizeText } from '../lib/notice-view';

export interface AttachmentListProps {
  attachments: Attachment[];
  /** Temporary download URLs by file id, from `notice.get`. */
  urls: Record<string, string>;
}

const kindOf = (a: Attachment) => a.kind ?? attachmentKindOf(a.name) ?? 'pdf';

/**
 * A notice's attachments: pictures as thumbnails (tap to see them full size), documents as rows
 * that open in WeChat's viewer (where they can be forwarded or saved).
 */
export function AttachmentList({ attachments, urls }: AttachmentListProps) {
  const [opening, setOpening] = useState('');
  const [problem, setProblem] = useState('');
  const images = attachments.filter((a) => kindOf(a) === 'image');
  const documents = attachments.filter((a) => kindOf(a) !== 'image');
  /** The attachment's temporary URL, or '' when the cloud gave none. */
  const urlOf = (a: Attachment): string => ownValue(urls, a.fileID) ?? '';
  const imageUrls = images.map(urlOf).filter(Boolean);

  const preview = (a: Attachment) => {
    const url = urlOf(a);
    setProblem('');
    if (!url) return setProblem(`「${a.name}」暂时打不开，请下拉刷新后再试`);
    Taro.previewImage({ current: url, urls: imageUrls }).catch(() => setProblem('图片暂时打不开，请稍后再试'));
  };

  const open = async (a: Attachment) => {
    const url = urlOf(a);
    setProblem('');
    if (!url) return setProblem(`「${a.name}」暂时打不开，请下拉刷新后再试`);
    setOpening(a.fileID);
    try {
      await openDocument({ fileID: a.fileID, tempFileURL: url, fileName: a.name });
    } catch (e) {
      setProblem(messageOf(e, '文件打开失败，请稍后再试'));
    } finally {
      setOpening('');
    }
  };

  return (
    <View className="card notice-files">
      {images.length > 0 && (
        <View className="notice-files__images">
          {images.map((a) => (
            <View key={a.fileID} className="notice-files__thumb" role="button" aria-label={`查看图片 ${a.name}`} onClick={() => preview(a)}>
              {urlOf(a) ? <Image className="notice-files__image" src={urlOf(a)} mode="aspectFill" /> : <Text className="notice-files__missing">图片暂不可用</Text>}
            </View>
          ))}
        </View>
      )}
      {documents.map((a) => (
        <View key={a.fileID} className="notice-files__doc" role="button" aria-label={`打开 ${a.name}`} onClick={() => void open(a)}>
          <Text className={`notice-files__kind notice-files__kind--${kindOf(a)}`}>{ATTACHMENT_KIND_LABELS[kindOf(a)]}</Text>
          <View className="notice-files__doc-text">
            <Text className="notice-files__name">{a.name}</Text>
            {a.size > 0 && <Text className="notice-files__size">{fileSizeText(a.size)}</Text>}
          </View>
          <Text className="notice-files__open">{opening === a.fileID ? '正在打开…' : '打开 ›'}</Text>
        </View>
      ))}
      {documents.length > 0 && <Text className="notice-files__hint">文件会用微信打开，可以在右上角菜单里转发或保存。</Text>}
      <InlineMessage text={problem} />
    </View>
  );
}
AttachmentList.displayName = 'AttachmentList';

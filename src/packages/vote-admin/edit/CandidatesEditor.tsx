import { View, Text, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ownValue } from '../../../../types/own-keys';
import { InlineMessage } from '../../../components/InlineMessage';
import { pickFile } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';
import { newCandidate, type CandidateForm } from '../lib/vote-draft-form';
import { ListEditor } from './ListEditor';

export interface CandidatesEditorProps {
  candidates: CandidateForm[];
  update: (change: (list: CandidateForm[]) => CandidateForm[]) => void;
  /** Temporary URLs of photos already stored, by file id (from `vote.get`). */
  photoUrls: Record<string, string>;
}

/** 评选's candidates: a name, and if wished a 工号 (links a roster member), a short intro and a photo. */
export function CandidatesEditor({ candidates, update, photoUrls }: CandidatesEditorProps) {
  const [uploading, setUploading] = useState('');
  const [problem, setProblem] = useState('');
  /** The stored photo's temporary URL, or '' (none yet, or one just uploaded and not yet saved). */
  const photoUrl = (fileId: string): string => (fileId && ownValue(photoUrls, fileId)) || '';

  const choosePhoto = async (candidateId: string, patch: (p: Partial<CandidateForm>) => void) => {
    setProblem('');
    try {
      const picked = await pickFile('votePhoto');
      if (!picked) return; // cancelled: keep what there is
      setUploading(candidateId);
      const fileID = await picked.upload();
      patch({ photo: fileID });
      void Taro.showToast({ title: '照片已上传', icon: 'success' });
    } catch (e) {
      setProblem(messageOf(e, '照片上传失败，请稍后再试'));
    } finally {
      setUploading('');
    }
  };

  return (
    <>
      <ListEditor items={candidates} noun="候选人" min={1} max={100} addText="+ 添加候选人" update={update} create={newCandidate}>
        {(candidate, index, patch) => (
          <>
            <Input placeholder={`候选人 ${index + 1} 姓名或名称`} value={candidate.name} maxLength={40} onChange={(name) => patch({ name })} />
            <Input placeholder={`候选人 ${index + 1} 工号（选填，用于关联会员）`} value={candidate.memberId} maxLength={32} onChange={(memberId) => patch({ memberId })} />
            <TextArea placeholder={`候选人 ${index + 1} 简介（选填），例如 任教学科、主要事迹`} value={candidate.intro} maxLength={300} autoSize onChange={(intro) => patch({ intro })} />
            <View className="vote-edit__photo">
              {photoUrl(candidate.photo) ? (
                <Image className="vote-edit__photo-image" src={photoUrl(candidate.photo)} mode="aspectFill" />
              ) : (
                candidate.photo && <Text className="vote-edit__photo-done">已添加照片</Text>
              )}
              <Button
                size="small"
                fill="outline"
                loading={uploading === candidate.id}
                disabled={uploading !== ''}
                onClick={() => void choosePhoto(candidate.id, patch)}
              >
                {uploading === candidate.id ? '正在上传…' : candidate.photo ? `更换候选人 ${index + 1} 照片` : `添加候选人 ${index + 1} 照片`}
              </Button>
              {candidate.photo && (
                <Text className="edit__link edit__link--danger" onClick={() => patch({ photo: '' })}>
                  移除照片
                </Text>
              )}
            </View>
          </>
        )}
      </ListEditor>
      <InlineMessage text={problem} />
      <Text className="edit__hint">照片选填，支持 jpg、png。填了工号的候选人会与名册中的会员关联。</Text>
    </>
  );
}

import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, ResultPage } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { RosterPreview } from '../../../../types/member';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { InlineMessage } from '../../../components/InlineMessage';
import { call, CloudCallError, pickFile } from '../../../gateway/cloud';
import { validRowCount } from '../lib/roster-import';
import { notifyRosterChanged } from '../lib/roster-changed';
import { ADMIN_PAGES } from '../lib/routes';
import { ColumnGuide } from './ColumnGuide';
import { PreviewReport } from './PreviewReport';
import './index.scss';

/** Where the chair is in the import: each step replaces the one before. */
type Step =
  | { kind: 'start' }
  | { kind: 'uploading'; fileName: string }
  | { kind: 'checking'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'preview'; fileName: string; fileID: string; preview: RosterPreview }
  | { kind: 'done'; created: number; updated: number };

const messageOf = (e: unknown, fallback: string): string => (e instanceof CloudCallError ? e.message : fallback);

function backToRoster() {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  const route = previous?.route?.replace(/^\//, '').split('?')[0];
  if (route && `/${route}` === ADMIN_PAGES.roster) void Taro.navigateBack();
  else void Taro.redirectTo({ url: ADMIN_PAGES.roster });
}

export default function ImportPage() {
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [confirming, setConfirming] = useState(false);
  const [commitProblem, setCommitProblem] = useState('');
  const busy = step.kind === 'uploading' || step.kind === 'checking';

  const chooseFile = async () => {
    const picked = await pickFile('roster');
    if (!picked) return; // cancelled: keep what is on screen
    setCommitProblem('');
    setStep({ kind: 'uploading', fileName: picked.name });
    try {
      const fileID = await picked.upload();
      setStep({ kind: 'checking', fileName: picked.name });
      const preview = await call('roster.preview', { fileID }, { silent: true });
      setStep({ kind: 'preview', fileName: picked.name, fileID, preview });
    } catch (e) {
      setStep({ kind: 'failed', fileName: picked.name, message: messageOf(e, '上传失败，请稍后再试') });
    }
  };

  const commit = async () => {
    if (step.kind !== 'preview') return;
    setCommitProblem('');
    try {
      const result = await call('roster.commit', { fileID: step.fileID }, { silent: true });
      setStep({ kind: 'done', ...result });
      notifyRosterChanged();
      void Taro.showToast({ title: '导入完成', icon: 'success' });
    } catch (e) {
      setCommitProblem(messageOf(e, '导入失败，请稍后再试'));
    }
  };

  if (step.kind === 'done') {
    return (
      <View className="page import">
        <ResultPage
          status="success"
          title="导入完成"
          description={`新增 ${step.created} 人，更新 ${step.updated} 人`}
          actions={[
            { text: '返回名册', type: 'primary', onClick: backToRoster },
            { text: '再导入一份', type: 'default', onClick: () => setStep({ kind: 'start' }) },
          ]}
        />
      </View>
    );
  }

  const valid = step.kind === 'preview' ? validRowCount(step.preview) : 0;

  return (
    <View className="page import">
      <ColumnGuide />

      <View className="card import__pick">
        {step.kind !== 'start' && <Text className="import__file">文件：{step.fileName}</Text>}
        {step.kind === 'uploading' && <InlineMessage tone="info" text="正在上传…" />}
        {step.kind === 'checking' && <InlineMessage tone="info" text="正在检查名册…" />}
        {step.kind === 'failed' && <InlineMessage text={step.message} />}
        <Button type="primary" fill={step.kind === 'preview' ? 'outline' : 'solid'} block loading={busy} disabled={busy} onClick={chooseFile}>
          {step.kind === 'start' ? '选择文件' : '重新选择文件'}
        </Button>
        <Text className="import__hint">支持 .xlsx 和 .csv。在微信里请先把名册文件发到任一聊天，再从聊天中选择。</Text>
      </View>

      {step.kind === 'preview' && (
        <>
          <PreviewReport preview={step.preview} />
          <View className="import__commit">
            <InlineMessage text={commitProblem} />
            {valid === 0 && <InlineMessage tone="info" text="没有可以导入的记录，请修改名册后重新选择文件。" />}
            <Button type="primary" block disabled={valid === 0} onClick={() => setConfirming(true)}>
              导入 {valid} 条有效记录
            </Button>
          </View>
          <ConfirmDialog
            visible={confirming}
            title="确认导入"
            content={`将新增 ${step.preview.counts.new} 人、更新 ${step.preview.counts.update} 人${
              step.preview.counts.invalid > 0 ? `，有问题的 ${step.preview.counts.invalid} 行不会导入` : ''
            }。确定导入吗？`}
            confirmText="导入"
            onConfirm={commit}
            onClose={() => setConfirming(false)}
          />
        </>
      )}
    </View>
  );
}

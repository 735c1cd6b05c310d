import { View, Text } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { RosterPreview, RosterRowPreview } from '../../../../types/member';
import { StatBar } from '../../../components/StatBar';
import { orderPreviewRows } from '../lib/roster-import';

/** Valid rows drawn before "show more": the problems are what the chair must read. */
const VALID_ROWS_SHOWN = 50;

const STATUS_TAGS = {
  invalid: { text: '有问题', type: 'danger' },
  new: { text: '新增', type: 'success' },
  update: { text: '更新', type: 'primary' },
} as const;

function PreviewRow({ row }: { row: RosterRowPreview }) {
  const tag = STATUS_TAGS[row.status];
  return (
    <View className={`preview-row preview-row--${row.status}`}>
      <View className="preview-row__head">
        <Text className="preview-row__line">第 {row.line} 行</Text>
        <Text className="preview-row__who">
          {row.name || '（无姓名）'} {row.staffNo}
        </Text>
        <Tag type={tag.type}>
          {tag.text}
        </Tag>
      </View>
      {row.groupName && <Text className="preview-row__group">{row.groupName}</Text>}
      {row.problems.map((problem, index) => (
        <Text key={index} className="preview-row__problem">
          {problem}
        </Text>
      ))}
    </View>
  );
}

/** What an import would do: counts, problems with the file, then every row with a problem and the rest. */
export function PreviewReport({ preview }: { preview: RosterPreview }) {
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(() => orderPreviewRows(preview.rows), [preview.rows]);
  const problemRows = rows.filter((row) => row.status === 'invalid');
  const validRows = rows.filter((row) => row.status !== 'invalid');
  const shownValid = showAll ? validRows : validRows.slice(0, VALID_ROWS_SHOWN);

  return (
    <View className="preview-report">
      <View className="card">
        <StatBar
          stats={[
            { label: '新增', value: preview.counts.new },
            { label: '更新', value: preview.counts.update },
            { label: '有问题', value: preview.counts.invalid, tone: preview.counts.invalid > 0 ? 'warning' : 'normal' },
          ]}
        />
      </View>

      {preview.fileProblems.length > 0 && (
        <View className="card preview-report__file" role="alert">
          <Text className="preview-report__file-title">文件有问题</Text>
          {preview.fileProblems.map((problem, index) => (
            <Text key={index} className="preview-row__problem">
              {problem}
            </Text>
          ))}
        </View>
      )}

      {problemRows.length > 0 && (
        <>
          <View className="section-title">有问题的行（不会导入，改好后重新选择文件）</View>
          <View className="card preview-report__rows">
            {problemRows.map((row) => (
              <PreviewRow key={row.line} row={row} />
            ))}
          </View>
        </>
      )}

      {validRows.length > 0 && (
        <>
          <View className="section-title">将导入的行</View>
          <View className="card preview-report__rows">
            {shownValid.map((row) => (
              <PreviewRow key={row.line} row={row} />
            ))}
            {shownValid.length < validRows.length && (
              <Button fill="none" block onClick={() => setShowAll(true)}>
                显示全部（还有 {validRows.length - shownValid.length} 行）
              </Button>
            )}
          </View>
        </>
      )}
    </View>
  );
}

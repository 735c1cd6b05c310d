import { View, Text } from '@tarojs/components';
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATUS_LABELS } from '../../../../types/labels';
import { LoadState } from '../../../components/LoadState';
import { useAction } from '../../../hooks/useAction';
import { useProposalChanged } from '../../../lib/proposal-routes';
import { categoryRows, departmentsText, numberText, satisfactionText, statusRows } from '../lib/report';
import { windowText } from '../lib/session-form';
import { ExportFileButton } from '../../../components/ExportFileButton';
import { call } from '../../../gateway/cloud';

function CountTable({ title, rows }: { title: string; rows: Array<{ label: string; count: number }> }) {
  return (
    <View className="card admin__card" aria-label={title}>
      <Text className="admin__title">{title}</Text>
      {rows.map((row) => (
        <View key={row.label} className="report__row">
          <Text className="admin__line">{row.label}</Text>
          <Text className="report__count">{row.count} 份</Text>
        </View>
      ))}
    </View>
  );
}

/** One session's 提案办理情况: the figures, each accepted proposal and how its reply was rated; one call. */
export function ReportView({ sessionId }: { sessionId: string }) {
  const state = useAction('proposal.report', { sessionId });
  useProposalChanged(() => void state.reload());
  const report = state.data;

  return (
    <LoadState loading={state.loading && !report} error={state.error} onRetry={state.reload} empty={report?.total === 0} emptyText="这次会议还没有提案">
      {report && (
        <>
          <View className="card admin__card">
            <Text className="admin__title">{report.session.name}</Text>
            <Text className="admin__muted">{windowText(report.session)}</Text>
            <Text className="report__total">共收到提案 {report.total} 份，立案 {report.accepted.length} 份</Text>
            <ExportFileButton label="导出 Excel" exportFile={() => call('proposal.exportReport', { sessionId }, { silent: true })} />
          </View>
          <CountTable title="按办理结果" rows={statusRows(report)} />
          <CountTable title="按分类" rows={categoryRows(report)} />

          <View className="section-title">立案提案（{report.accepted.length} 份）</View>
          {report.accepted.length === 0 && <Text className="admin__intro">还没有立案的提案。</Text>}
          {report.accepted.map((item) => (
            <View key={item._id} className="card admin__card" aria-label={item.title}>
              <Text className="admin__title">
                {numberText(item.number)} {item.title}
              </Text>
              <Text className="admin__muted">
                提案人：{item.proposerName} · {PROPOSAL_CATEGORY_LABELS[item.category]} · {PROPOSAL_STATUS_LABELS[item.status]}
              </Text>
              <Text className="admin__line">{departmentsText(item)}</Text>
              <Text className="admin__text">{item.reply ? `答复：${item.reply}` : '尚未答复'}</Text>
              <Text className="admin__line">评价：{satisfactionText(item.satisfaction)}</Text>
            </View>
          ))}
        </>
      )}
    </LoadState>
  );
}
ReportView.displayName = 'ReportView';

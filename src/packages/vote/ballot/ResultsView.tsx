import { View, Text } from '@tarojs/components';
import type { RowCount, VoteResults } from '../../../../types/vote';
import { GRADE_LABELS, GRADES, STANCE_LABELS } from '../../../../types/labels';
import { OTHER_LABEL } from '../lib/ballot';
import { barWidth, motionVerdict, percentText, rowsByCount, shareText } from '../lib/results';

/** One labelled bar: 张三 ▇▇▇▇ 37 票 61.7%. */
function Bar({ label, count, total, unit = '票' }: { label: string; count: number; total: number; unit?: string }) {
  return (
    <View className="result-bar" aria-label={`${label} ${count} ${unit} ${percentText(count, total)}`}>
      <View className="result-bar__line">
        <Text className="result-bar__label">{label}</Text>
        <Text className="result-bar__figures">
          {count} {unit} · {percentText(count, total)}
        </Text>
      </View>
      <View className="result-bar__track">
        <View className="result-bar__fill" style={{ width: barWidth(count, total) }} />
      </View>
    </View>
  );
}

function Rows({ rows, total }: { rows: RowCount[]; total: number }) {
  return (
    <>
      {rows.map((row) => (
        <Bar key={row.id} label={row.label} count={row.count} total={total} />
      ))}
    </>
  );
}

/** The results of any kind of vote, as bars with counts and percentages. */
export function ResultsView({ results }: { results: VoteResults }) {
  switch (results.kind) {
    case 'election':
      return (
        <View className="results">
          <Text className="results__total">共 {results.ballots} 张选票，百分比按选票数计算</Text>
          <Rows rows={rowsByCount(results.rows)} total={results.ballots} />
        </View>
      );
    case 'appraisal':
      return (
        <View className="results">
          <Text className="results__total">共 {results.ballots} 张评议票</Text>
          {results.rows.map((row) => (
            <View key={row.id} className="results__subject" aria-label={row.label}>
              <View className="results__subject-head">
                <Text className="results__subject-name">{row.label}</Text>
                <Text className="results__approval">优秀+称职 {shareText(row.approval)}</Text>
              </View>
              {GRADES.map((grade) => (
                <Bar key={grade} label={GRADE_LABELS[grade]} count={row.grades[grade] ?? 0} total={results.ballots} />
              ))}
            </View>
          ))}
        </View>
      );
    case 'motion': {
      const verdict = motionVerdict(results);
      return (
        <View className="results">
          <View className="results__verdict">
            <Text className={`results__outcome results__outcome--${results.valid && results.passed ? 'passed' : 'failed'}`}>
              {results.valid ? (results.passed ? '通过' : '未通过') : '表决无效'}
            </Text>
            <Text className="results__total">
              应到代表 {results.delegates} 人，实到 {results.turnout} 人（{percentText(results.turnout, results.delegates)}）
            </Text>
          </View>
          <Bar label={STANCE_LABELS.yes} count={results.yes} total={results.turnout} />
          <Bar label={STANCE_LABELS.no} count={results.no} total={results.turnout} />
          <Bar label={STANCE_LABELS.abstain} count={results.abstain} total={results.turnout} />
          <Text className="results__note">百分比按实到人数计算；是否有效、是否通过按应到代表人数计算。</Text>
          <Text className={`results__line${results.valid ? '' : ' results__line--bad'}`}>{verdict.valid}</Text>
          <Text className={`results__line${results.passed ? '' : ' results__line--bad'}`}>{verdict.passed}</Text>
        </View>
      );
    }
    case 'poll':
      return (
        <View className="results">
          <Text className="results__total">共 {results.ballots} 人参与，百分比按参与人数计算</Text>
          <Rows rows={results.rows} total={results.ballots} />
          {results.otherTexts.length > 0 && (
            <View className="results__others">
              <Text className="results__subject-name">「{OTHER_LABEL}」的内容</Text>
              {results.otherTexts.map((text, index) => (
                <Text key={`${index}-${text}`} className="results__other">
                  {text}
                </Text>
              ))}
            </View>
          )}
        </View>
      );
  }
}
ResultsView.displayName = 'ResultsView';

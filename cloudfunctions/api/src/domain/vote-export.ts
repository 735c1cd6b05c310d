import ExcelJS from 'exceljs';
import { GRADES, GRADE_LABELS, STANCE_LABELS, VOTE_KIND_LABELS } from '../../../../types/labels';
import type { Ballot, Vote, VoteContent, VoteResults } from '../../../../types/vote';
import { OTHER_OPTION } from '../../../../types/vote';
import { shanghaiStamp } from './activity-export';
import { ownValue } from '../../../../types/own-keys';

export const RESULTS_SHEET = '投票结果';
export const BALLOTS_SHEET = '投票明细';

const percent = (n: number, of: number): string => (of ? `${((n / of) * 100).toFixed(1)}%` : '—');

function resultRows(results: VoteResults): (string | number)[][] {
  switch (results.kind) {
    case 'election':
      return [['名次', '候选人', '得票', '得票率'], ...results.rows.map((r, i) => [i + 1, r.label, r.count, percent(r.count, results.ballots)])];
    case 'poll':
      return [['选项', '票数', '占比'], ...results.rows.map((r) => [r.label, r.count, percent(r.count, results.ballots)]), ...results.otherTexts.map((t) => ['其他：' + t, '', ''])];
    case 'appraisal':
      return [
        ['评议对象', ...GRADES.map((g) => GRADE_LABELS[g]), '优秀+称职', '满意率'],
        ...results.rows.map((r) => [r.label, ...GRADES.map((g) => r.grades[g]), r.grades.excellent + r.grades.competent, percent(r.grades.excellent + r.grades.competent, results.ballots)]),
      ];
    case 'motion':
      return [
        ['项目', '人数'],
        ['应到代表', results.delegates],
        ['实际投票', results.turnout],
        [STANCE_LABELS.yes, results.yes],
        [STANCE_LABELS.no, results.no],
        [STANCE_LABELS.abstain, results.abstain],
        ['表决是否有效（投票人数不少于全体代表三分之二）', results.valid ? '有效' : '无效'],
        ['是否通过（赞成票超过全体代表半数）', results.passed ? '通过' : '未通过'],
      ];
  }
}

/** A named ballot in words: 「张三、李四」, 「赞成」, 「王校长：优秀；…」. */
export function ballotText(content: VoteContent, ballot: Ballot): string {
  if (content.kind === 'election' && ballot.kind === 'election') return ballot.picks.map((id) => content.candidates.find((c) => c.id === id)?.name ?? id).join('、');
  if (content.kind === 'appraisal' && ballot.kind === 'appraisal') return content.subjects.map((s) => `${s.name}：${ownValue(GRADE_LABELS, ownValue(ballot.grades, s.id) ?? '') ?? ''}`).join('；');
  if (ballot.kind === 'motion') return STANCE_LABELS[ballot.stance];
  if (content.kind === 'poll' && ballot.kind === 'poll')
    return ballot.picks.map((id) => (id === OTHER_OPTION ? `其他：${ballot.otherText ?? ''}` : content.options.find((o) => o.id === id)?.label ?? id)).join('、');
  return '';
}

export interface NamedRow {
  name: string;
  memberId: string;
  groupName: string;
  ballot: Ballot;
  castAt: number;
}

/** The results as an .xlsx: a summary and the results; a named vote adds each ballot (投票明细). */
export async function voteWorkbook(vote: Pick<Vote, 'title' | 'content' | 'secret' | 'opensAt' | 'closesAt' | 'turnout'>, electorate: number, results: VoteResults, named: NamedRow[] | null): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '教工之家';
  const sheet = book.addWorksheet(RESULTS_SHEET);
  const facts: (string | number)[][] = [
    [vote.title],
    ['类型', `${VOTE_KIND_LABELS[vote.content.kind]}（${vote.secret ? '无记名' : '记名'}）`],
    ['投票时间', `${shanghaiStamp(vote.opensAt)} 至 ${shanghaiStamp(vote.closesAt)}`],
    ['应投人数', electorate],
    ['已投人数', vote.turnout],
    ['投票率', percent(vote.turnout, electorate)],
    [],
  ];
  for (const row of [...facts, ...resultRows(results)]) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(facts.length + 1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 36 : 14;
  });
  if (named) {
    const detail = book.addWorksheet(BALLOTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    detail.addRow(['序号', '姓名', '工号', '工会小组', '选择', '投票时间']).font = { bold: true };
    named.forEach((row, i) => detail.addRow([i + 1, row.name, row.memberId, row.groupName, ballotText(vote.content, row.ballot), shanghaiStamp(row.castAt)]));
    detail.columns.forEach((column, i) => {
      column.width = i === 4 ? 60 : i === 0 ? 6 : 14;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const voteExportFileName = (title: string): string => `${title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)}-投票结果.xlsx`;

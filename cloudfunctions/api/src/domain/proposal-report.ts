import ExcelJS from 'exceljs';
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, RATINGS, RATING_LABELS } from '../../../../types/labels';
import type { CongressSession, Proposal, ProposalReport } from '../../../../types/proposal';
import { ACCEPTED, SUBMITTED, satisfactionOf } from './proposal-rules';
import { shanghaiStamp } from './activity-export';

/**
 * 提案办理情况报告: what reached the committee, counted by outcome and category, and each accepted
 * proposal with its department, latest reply and the last round's satisfaction. Drafts and
 * proposals still seeking co-signers are not part of the session's record.
 */
export function buildReport(session: CongressSession, proposals: Proposal[]): ProposalReport {
  const filed = proposals.filter((p) => SUBMITTED.includes(p.status));
  const count = <K extends string>(keys: readonly K[], key: (p: Proposal) => K) =>
    keys.map((k) => ({ k, count: filed.filter((p) => key(p) === k).length })).filter((row) => row.count > 0);
  const accepted = filed
    .filter((p) => ACCEPTED.includes(p.status))
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
    .map((p) => {
      const last = p.replies[p.replies.length - 1];
      return {
        _id: p._id,
        ...(p.number ? { number: p.number } : {}),
        title: p.title,
        proposerName: p.proposerName,
        category: p.category,
        status: p.status,
        leadName: p.assignment?.leadName ?? '',
        helperNames: p.assignment?.helperNames ?? [],
        reply: last?.text ?? '',
        satisfaction: satisfactionOf(p, last?.round ?? p.round),
      };
    });
  return {
    session,
    total: filed.length,
    byStatus: count(PROPOSAL_STATUSES, (p) => p.status).map(({ k, count: n }) => ({ status: k, count: n })),
    byCategory: count(PROPOSAL_CATEGORIES, (p) => p.category).map(({ k, count: n }) => ({ category: k, count: n })),
    accepted,
  };
}

export const SUMMARY_SHEET = '汇总';
export const DETAIL_SHEET = '立案提案办理情况';

export async function reportWorkbook(report: ProposalReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '教工之家';
  const summary = book.addWorksheet(SUMMARY_SHEET);
  summary.addRow([`${report.session.name}提案办理情况报告`]).font = { bold: true, size: 14 };
  summary.addRow([`生成时间：${shanghaiStamp(Date.now())}`]);
  summary.addRow(['提交提案总数', report.total]);
  summary.addRow([]);
  summary.addRow(['按办理结果', '件数']).font = { bold: true };
  for (const row of report.byStatus) summary.addRow([PROPOSAL_STATUS_LABELS[row.status], row.count]);
  summary.addRow([]);
  summary.addRow(['按提案分类', '件数']).font = { bold: true };
  for (const row of report.byCategory) summary.addRow([PROPOSAL_CATEGORY_LABELS[row.category], row.count]);
  summary.getColumn(1).width = 40;
  summary.getColumn(2).width = 10;

  const detail = book.addWorksheet(DETAIL_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.addRow(['立案号', '案由', '提案人', '分类', '主办部门', '协办部门', '办理状态', '答复', ...RATINGS.map((r) => RATING_LABELS[r])]).font = { bold: true };
  for (const row of report.accepted) {
    detail.addRow([
      row.number ?? '',
      row.title,
      row.proposerName,
      PROPOSAL_CATEGORY_LABELS[row.category],
      row.leadName,
      row.helperNames.join('、'),
      PROPOSAL_STATUS_LABELS[row.status],
      row.reply,
      ...RATINGS.map((r) => row.satisfaction[r]),
    ]);
  }
  detail.columns.forEach((column, i) => {
    column.width = i === 1 ? 36 : i === 7 ? 60 : 12;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const reportFileName = (sessionName: string): string => `${sessionName.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)}-提案办理情况报告.xlsx`;

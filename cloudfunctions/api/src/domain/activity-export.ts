import ExcelJS from 'exceljs';
import type { Answers, Choice, ParticipantRow } from '../../../../types/activity';
import { ownValue } from '../../../../types/own-keys';

const SHANGHAI_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-03-08 14:05, in Asia/Shanghai (cloud functions run in UTC). */
export function shanghaiStamp(ms: number): string {
  const d = new Date(ms + SHANGHAI_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** An answer as a cell: option labels (not ids), 是/否, or the text; empty when unanswered. */
export function answerCell(choice: Choice, answer: Answers[string] | undefined): string {
  if (answer === undefined || answer === '') return '';
  if (choice.kind === 'yesno') return answer === true ? '是' : answer === false ? '否' : '';
  if (choice.kind === 'text') return typeof answer === 'string' ? answer : '';
  const label = (id: string) => choice.options.find((o) => o.id === id)?.label ?? id;
  return (Array.isArray(answer) ? answer : [answer]).filter((a): a is string => typeof a === 'string').map(label).join('、');
}

export const LIST_SHEET = '报名名单';
export const WAITLIST_SHEET = '候补名单';
const BASE_HEADERS = ['序号', '姓名', '工号', '工会小组', '携带家属人数'];

function addSheet(book: ExcelJS.Workbook, name: string, rows: ParticipantRow[], choices: readonly Choice[], waitlist: boolean): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = [...BASE_HEADERS, ...choices.map((c) => c.label), '报名时间', '签到', ...(waitlist ? ['候补位次'] : [])];
  sheet.addRow(headers).font = { bold: true };
  rows.forEach((row, index) => {
    sheet.addRow([
      index + 1,
      row.memberName,
      row.memberId,
      row.groupName,
      row.companions,
      ...choices.map((c) => answerCell(c, ownValue(row.answers, c.id))),
      shanghaiStamp(row.arrivedAt),
      row.checkedInAt ? `已签到 ${shanghaiStamp(row.checkedInAt)}` : '',
      ...(waitlist ? [row.waitPosition ?? index + 1] : []),
    ]);
  });
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 6 : Math.min(40, Math.max(10, String(headers[i] ?? '').length * 2 + 4));
  });
}

/** The participant list as an .xlsx: 报名名单 (confirmed, by arrival) and 候补名单 (by position). */
export async function participantWorkbook(choices: readonly Choice[], confirmed: ParticipantRow[], waitlist: ParticipantRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '教工之家';
  addSheet(book, LIST_SHEET, confirmed, choices, false);
  addSheet(book, WAITLIST_SHEET, waitlist, choices, true);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A file name people recognise in a chat: 「<活动>-报名名单.xlsx」, without characters file systems refuse. */
export const exportFileName = (title: string): string => `${title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)}-报名名单.xlsx`;

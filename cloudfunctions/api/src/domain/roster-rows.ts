import * as v from 'valibot';
import { isUnreservedId, MonthDay, PersonName, Phone, ShortText, StaffNo, type Gender, type MemberStatus } from '../../../../types/fields';
import type { Group, Member, RosterPreview, RosterRowPreview } from '../../../../types/member';
import { normalisePhone } from './phone-match';
import type { Sheet } from './roster-file';

/** The fields a roster row may carry, as read from the sheet (before checks). */
export interface RosterRecord {
  staffNo: string;
  name: string;
  gender: Gender;
  status: MemberStatus;
  groupId: string;
  groupName: string;
  department?: string;
  gradeGroup?: string;
  subjectGroup?: string;
  isDelegate?: boolean;
  birthday?: string;
  phone?: string;
}

type Column = 'name' | 'staffNo' | 'gender' | 'groupName' | 'status' | 'department' | 'gradeGroup' | 'subjectGroup' | 'isDelegate' | 'birthday' | 'phone';

/** Header spellings seen in union rosters, per column. */
const HEADERS: Record<Column, string[]> = {
  name: ['姓名', '名字', '教职工姓名'],
  staffNo: ['工号', '职工号', '教工号', '编号'],
  gender: ['性别'],
  groupName: ['工会小组', '小组', '所在小组', '所属小组'],
  status: ['状态', '在职状态', '人员状态', '在职/退休'],
  department: ['部门', '处室', '所在部门'],
  gradeGroup: ['年级组', '年级'],
  subjectGroup: ['教研组', '学科组', '科组'],
  isDelegate: ['教代会代表', '代表', '是否代表', '是否教代会代表'],
  birthday: ['生日', '出生日期', '出生年月日'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话'],
};
const REQUIRED: Column[] = ['name', 'staffNo', 'gender', 'groupName'];
const LABEL: Record<Column, string> = { name: '姓名', staffNo: '工号', gender: '性别', groupName: '工会小组', status: '状态', department: '部门', gradeGroup: '年级组', subjectGroup: '教研组', isDelegate: '教代会代表', birthday: '生日', phone: '手机' };
/** Columns we will not store even if the sheet has them (PIPL: collect the minimum). */
const REFUSED = /身份证|证件号|住址|家庭地址/;

const normaliseHeader = (text: string) => text.replace(/[\s*＊（）()]/g, '');

// Maps, not objects: the cell text is the key, and a cell reading `constructor` must not find anything.
const GENDERS = new Map<string, Gender>([['男', 'male'], ['女', 'female'], ['m', 'male'], ['f', 'female'], ['male', 'male'], ['female', 'female']]);
const STATUSES = new Map<string, MemberStatus>([['在职', 'active'], ['在岗', 'active'], ['退休', 'retired'], ['离退休', 'retired'], ['离休', 'retired'], ['已退休', 'retired']]);
const YES_NO = new Map<string, boolean>([['是', true], ['否', false], ['y', true], ['n', false], ['yes', true], ['no', false], ['1', true], ['0', false], ['√', true], ['', false]]);

/** 3-8, 03-08, 3月8日, 1980-03-08, 1980/3/8, 1980年3月8日 → 03-08; anything else undefined. */
export function toMonthDay(text: string): string | undefined {
  const match = /^(?:\d{4}\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return undefined;
  const value = `${match[1].padStart(2, '0')}-${match[2].padStart(2, '0')}`;
  return v.is(MonthDay, value) ? value : undefined;
}

function mapHeader(header: string[]): { columns: Partial<Record<Column, number>>; problems: string[]; ignored: string[] } {
  const columns: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const text = normaliseHeader(raw);
    if (!text) return;
    const column = (Object.keys(HEADERS) as Column[]).find((key) => HEADERS[key].includes(text));
    if (column && columns[column] === undefined) columns[column] = index;
    else if (REFUSED.test(text)) ignored.push(`「${raw}」列不会被保存：我们不收集这类个人信息`);
  });
  const missing = REQUIRED.filter((column) => columns[column] === undefined).map((column) => LABEL[column]);
  return { columns, problems: missing.length ? [`缺少必填列：${missing.join('、')}`] : [], ignored };
}

export interface CheckedRoster {
  preview: RosterPreview;
  valid: RosterRecord[];
}

/**
 * Checks every row of a roster sheet against the groups and the existing records.
 * Valid rows become records; the preview tells the chair what will happen to each row and why.
 */
export function checkRoster(sheet: Sheet, groups: Group[], existingIds: ReadonlySet<string>): CheckedRoster {
  const header = sheet[0] ?? [];
  const { columns, problems: fileProblems, ignored } = mapHeader(header);
  const groupByName = new Map(groups.map((group) => [group.name, group]));
  const firstLineOf = new Map<string, number>();
  const rows: RosterRowPreview[] = [];
  const valid: RosterRecord[] = [];
  if (fileProblems.length) return { preview: { rows, counts: { new: 0, update: 0, invalid: 0 }, fileProblems: [...fileProblems, ...ignored] }, valid };

  sheet.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? '').trim());
    if (cells.every((text) => !text || !text.trim())) return; // blank line
    const problems: string[] = [];
    const staffNo = cell('staffNo');
    const name = cell('name');
    const groupName = cell('groupName');

    if (!name) problems.push('缺少姓名');
    else if (!v.is(PersonName, name)) problems.push('姓名太长');
    if (!staffNo) problems.push('缺少工号');
    else if (!isUnreservedId(staffNo)) problems.push(`工号「${staffNo}」是程序的保留名称，不能用作工号，请换一个`);
    else if (!v.is(StaffNo, staffNo)) problems.push('工号只能包含字母、数字、下划线或短横线，最多 32 位');
    else if (firstLineOf.has(staffNo)) problems.push(`工号与第 ${firstLineOf.get(staffNo)} 行重复`);
    else firstLineOf.set(staffNo, line);
    const gender = GENDERS.get(cell('gender').toLowerCase());
    if (!gender) problems.push(cell('gender') ? `性别「${cell('gender')}」无法识别，请填男或女` : '缺少性别');
    const group = groupByName.get(groupName);
    if (!groupName) problems.push('缺少工会小组');
    else if (!group) problems.push(`没有名为「${groupName}」的工会小组，请先在「工会小组」中新建`);
    const statusText = cell('status');
    const status = statusText ? STATUSES.get(statusText) : 'active';
    if (!status) problems.push(`状态「${statusText}」无法识别，请填在职或退休`);
    const delegateText = cell('isDelegate').toLowerCase();
    const isDelegate = columns.isDelegate === undefined ? undefined : YES_NO.get(delegateText);
    if (columns.isDelegate !== undefined && isDelegate === undefined) problems.push(`教代会代表「${cell('isDelegate')}」请填是或否`);
    const birthdayText = cell('birthday');
    const birthday = birthdayText ? toMonthDay(birthdayText) : undefined;
    if (birthdayText && !birthday) problems.push(`生日「${birthdayText}」无法识别，例如填 3月8日`);
    // "+86 138-0013-8000" is stored as 13800138000, the form WeChat's phone number is compared in.
    const phone = normalisePhone(cell('phone')) ?? cell('phone').replace(/[\s-]/g, '');
    if (phone && !v.is(Phone, phone)) problems.push(`手机「${cell('phone')}」应为 11 位数字`);
    const texts = { department: cell('department'), gradeGroup: cell('gradeGroup'), subjectGroup: cell('subjectGroup') };
    for (const [key, text] of Object.entries(texts)) if (text && !v.is(ShortText, text)) problems.push(`${LABEL[key as Column]}太长`);

    const status_ = problems.length ? 'invalid' : existingIds.has(staffNo) ? 'update' : 'new';
    rows.push({ line, staffNo, name, groupName, status: status_, problems });
    if (problems.length) return;
    valid.push({
      staffNo,
      name,
      gender: gender!,
      status: status!,
      groupId: group!._id,
      groupName: group!.name,
      ...(texts.department ? { department: texts.department } : {}),
      ...(texts.gradeGroup ? { gradeGroup: texts.gradeGroup } : {}),
      ...(texts.subjectGroup ? { subjectGroup: texts.subjectGroup } : {}),
      ...(isDelegate !== undefined ? { isDelegate } : {}),
      ...(birthday ? { birthday } : {}),
      ...(phone ? { phone } : {}),
    });
  });

  const count = (status: RosterRowPreview['status']) => rows.filter((row) => row.status === status).length;
  // Rows with problems first, so the chair sees what to fix.
  rows.sort((a, b) => Number(b.status === 'invalid') - Number(a.status === 'invalid') || a.line - b.line);
  return { preview: { rows, counts: { new: count('new'), update: count('update'), invalid: count('invalid') }, fileProblems: ignored }, valid };
}

/**
 * The record a roster row writes: the sheet's filled-in fields replace the old ones; what the sheet
 * leaves empty or does not carry (binding, roles, history) is kept, so a re-import never drops anything.
 */
export function mergeRosterRecord(record: RosterRecord, existing: Member | undefined, now: number): Member {
  const base: Member = existing ? { ...existing } : { _id: record.staffNo, staffNo: record.staffNo, name: record.name, gender: record.gender, status: record.status, groupId: record.groupId, groupName: record.groupName, roles: [], isDelegate: false, createdAt: now, updatedAt: now };
  return {
    ...base,
    ...record,
    _id: record.staffNo,
    isDelegate: record.isDelegate ?? base.isDelegate,
    updatedAt: now,
  };
}

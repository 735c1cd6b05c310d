import type { Choice } from '../../types/activity';
import { answerCell, exportFileName, shanghaiStamp } from '../../cloudfunctions/api/src/domain/activity-export';
import { checkinRefusal, newCheckinToken, publicActivity } from '../../cloudfunctions/api/src/domain/activity-checkin';

const multi: Choice = { id: 'events', kind: 'multi', label: '参赛项目', required: true, max: 2, options: [{ id: 's', label: '单打' }, { id: 'd', label: '双打' }] };
const single: Choice = { id: 'size', kind: 'single', label: '尺码', required: false, options: [{ id: 'm', label: 'M' }, { id: 'l', label: 'L' }] };
const yesno: Choice = { id: 'bus', kind: 'yesno', label: '需要乘车', required: false };
const text: Choice = { id: 'note', kind: 'text', label: '备注', required: false };

test('answers become option labels, 是/否 or text; unanswered is empty', () => {
  expect(answerCell(multi, ['s', 'd'])).toBe('单打、双打');
  expect(answerCell(single, 'l')).toBe('L');
  expect(answerCell(yesno, true)).toBe('是');
  expect(answerCell(yesno, false)).toBe('否');
  expect(answerCell(text, '素食')).toBe('素食');
  expect(answerCell(multi, undefined)).toBe('');
});

test('times are written in Asia/Shanghai, whatever the zone the function runs in', () => {
  expect(shanghaiStamp(Date.UTC(2026, 2, 7, 16, 5))).toBe('2026-03-08 00:05');
  expect(shanghaiStamp(Date.UTC(2026, 11, 31, 23, 59))).toBe('2027-01-01 07:59');
});

test('file names keep the title and drop characters file systems refuse', () => {
  expect(exportFileName('教工羽毛球赛')).toBe('教工羽毛球赛-报名名单.xlsx');
  expect(exportFileName('三八 节/插花:沙龙')).toBe('三八_节_插花_沙龙-报名名单.xlsx');
});

test('check-in opens two hours before the start and closes two hours after the end', () => {
  const H = 3600_000;
  const a = { status: 'published' as const, startAt: 10 * H, endAt: 12 * H };
  expect(checkinRefusal(a, 8 * H)).toBeNull();
  expect(checkinRefusal(a, 14 * H)).toBeNull();
  expect(checkinRefusal(a, 8 * H - 1)).toMatchObject({ code: 'CHECKIN_CLOSED' });
  expect(checkinRefusal(a, 14 * H + 1)).toMatchObject({ code: 'CHECKIN_CLOSED' });
  expect(checkinRefusal({ ...a, status: 'cancelled' }, 11 * H)).toMatchObject({ code: 'CHECKIN_CLOSED' });
});

test('the token fits a scene and never leaves with the activity', () => {
  const token = newCheckinToken();
  expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(newCheckinToken()).not.toBe(token);
  const shown = publicActivity({ _id: 'a', title: 't', checkinToken: token, checkinCodeFileID: 'cloud://x' });
  expect(shown).toEqual({ _id: 'a', title: 't', checkedIn: 0 });
});

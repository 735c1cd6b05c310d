import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import PlanImportPage from '../../src/packages/plan/import/index';
import { button, confirmDialog, tap, tapAndSettle } from './support/dom';
import { answer, callsTo, failure, pickFile } from './support/gateway';
import { aPlan, NOW, SCHOOL_YEAR_TEXT, schoolYearPreview } from './support/month';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const ID = /^[A-Za-z0-9_-]+$/;

const area = (placeholder: RegExp | string) =>
  waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'TEXTAREA');
    if (!found) throw new Error(`没有占位文字为「${placeholder}」的文本框`);
    return found as HTMLTextAreaElement;
  });
const typeIntoArea = async (placeholder: RegExp | string, value: string) => {
  fireEvent.input(await area(placeholder), { target: { value } });
};
const PASTE = /粘贴工作计划的全文/;
const pick = async (label: string, value: number, index = 0) => {
  const pickers = Array.from(document.querySelectorAll(`taro-picker-core[aria-label="${label}"]`));
  if (!pickers[index]) throw new Error(`没有「${label}」选择器`);
  await act(async () => {
    fireEvent(pickers[index], new CustomEvent('change', { detail: { value } }));
  });
};
const monthCards = () => Array.from(document.querySelectorAll('.plan__month')) as HTMLElement[];
const monthTitles = () => monthCards().map((card) => card.querySelector('.plan__month-title')?.textContent);

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  answer({ 'plan.get': { plan: null } });
});

async function recognised() {
  answer({ 'plan.preview': schoolYearPreview() });
  render(<PlanImportPage />);
  await typeIntoArea(PASTE, SCHOOL_YEAR_TEXT);
  await tapAndSettle(button('识别'));
  await screen.findByText('识别时发现 1 处需要核对：');
}

test('识别 with nothing pasted says what to do and asks the cloud nothing', async () => {
  render(<PlanImportPage />);
  await typeIntoArea(PASTE, '   ');
  tap('识别');
  expect(await screen.findByText('请先粘贴工作计划的文字，或上传 .txt / .docx 文件')).toBeInTheDocument();
  expect(callsTo('plan.preview')).toHaveLength(0);
});

test('a text without months says how a plan should be written, and keeps the text', async () => {
  answer({ 'plan.preview': failure('PLAN_UNPARSEABLE') });
  render(<PlanImportPage />);
  await typeIntoArea(PASTE, '今年工会要继续加强自身建设。');
  await tapAndSettle(button('识别'));
  expect(await screen.findByText('没有找到按月份排列的工作安排，请检查格式（例如「九月份：1、……」）')).toBeInTheDocument();
  expect(callsTo('plan.preview')).toEqual([{ text: '今年工会要继续加强自身建设。' }]);
  expect((await area(PASTE)).value).toBe('今年工会要继续加强自身建设。');
});

test('the preview shows the warnings first, and each month with its calendar year: a school year runs into 2027', async () => {
  await recognised();
  expect(callsTo('plan.preview')).toEqual([{ text: SCHOOL_YEAR_TEXT }]);
  expect(screen.getByText('第 4 行：10月出现了两次（第 3 行和第 4 行），请确认是否写错了月份')).toBeInTheDocument();
  expect(monthTitles()).toEqual(['2026年9月', '2026年10月', '2026年10月', '2026年12月', '2027年1月']);
  expect(screen.getByText('共 5 个月、6 条工作。点「修改」改写一条，不需要的可以删除。')).toBeInTheDocument();
  expect((await screen.findByDisplayValue('2026年工会工作计划')).tagName).toBe('INPUT');
  expect(within(screen.getByLabelText('2026年9月')).getByText('2. 组织好新调入教师一日游活动。')).toBeInTheDocument();

  // The chair names it by the school year's first year, 2027: the months move with it, and the title.
  await pick('计划年份', 2);
  expect(monthTitles()).toEqual(['2027年9月', '2027年10月', '2027年10月', '2027年12月', '2028年1月']);
  expect(await screen.findByDisplayValue('2027年工会工作计划')).toBeInTheDocument();
});

test('the chair edits items and months, then saves: months with their calendar years, and on to the year’s plan', async () => {
  await recognised();
  answer({ 'plan.save': (input) => aPlan({ year: input.year, title: input.title }) });

  // The second 十月 was meant to be 十一月.
  await pick('更改2026年10月的月份', 10, 1);
  expect(monthTitles()).toEqual(['2026年9月', '2026年10月', '2026年11月', '2026年12月', '2027年1月']);

  // Rewrite an item.
  const september = screen.getByLabelText('2026年9月');
  fireEvent.click(within(september).getAllByText('修改')[1]);
  await typeIntoArea('写下这一条工作', '  组织新调入教师一日游。 ');
  fireEvent.click(button('完成'));
  expect(within(september).getByText('2. 组织新调入教师一日游。')).toBeInTheDocument();

  // Delete one, add one.
  const december = screen.getByLabelText('2026年12月');
  fireEvent.click(within(december).getByText('删除'));
  expect(within(december).getByText('这个月还没有工作条目')).toBeInTheDocument();
  fireEvent.click(within(december).getByText('添加一条'));
  await typeIntoArea('写下这一条工作', '组织教工迎新年长跑。');
  fireEvent.click(button('完成'));
  expect(within(december).getByText('1. 组织教工迎新年长跑。')).toBeInTheDocument();

  // Delete a whole month, after saying what goes with it.
  fireEvent.click(within(screen.getByLabelText('2027年1月')).getByText('删除这个月'));
  expect(await screen.findByText('删除2027年1月和它的 1 条工作？')).toBeInTheDocument();
  await confirmDialog('删除这个月');
  expect(monthTitles()).toEqual(['2026年9月', '2026年10月', '2026年11月', '2026年12月']);

  fireEvent.input(await screen.findByDisplayValue('2026年工会工作计划'), { target: { value: '2026学年工会工作计划' } });
  await tapAndSettle(button('保存计划'));

  const saved = callsTo('plan.save');
  expect(saved).toEqual([
    {
      year: 2026,
      title: '2026学年工会工作计划',
      months: [
        { year: 2026, month: 9, items: [{ id: expect.stringMatching(ID), text: '筹备组织好离退休教工外出旅游。' }, { id: expect.stringMatching(ID), text: '组织新调入教师一日游。' }] },
        { year: 2026, month: 10, items: [{ id: expect.stringMatching(ID), text: '组织好全体教职工体检、女教职工妇检。' }] },
        { year: 2026, month: 11, items: [{ id: expect.stringMatching(ID), text: '搞好教职工文艺汇演活动。' }] },
        { year: 2026, month: 12, items: [{ id: expect.stringMatching(ID), text: '组织教工迎新年长跑。' }] },
      ],
    },
  ]);
  const ids = saved[0].months.flatMap((m) => m.items.map((i) => i.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '工作计划已保存' }));
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/plan/year/index?year=2026' });
});

test('a plan without any item is not sent, and a refused save says why', async () => {
  await recognised();
  for (const card of monthCards()) {
    await confirmDeleteMonth(card);
  }
  await tapAndSettle(button('保存计划'));
  expect(screen.getByText('计划里没有任何工作条目')).toBeInTheDocument();
  expect(callsTo('plan.save')).toHaveLength(0);

  fireEvent.click(button('添加一个月'));
  await typeIntoArea('写下这一条工作', '搞好年终总结工作。');
  fireEvent.click(button('完成'));
  answer({ 'plan.save': failure('FORBIDDEN') });
  await tapAndSettle(button('保存计划'));
  expect(await screen.findByText('你没有权限进行这个操作')).toBeInTheDocument();
  expect(taro.redirectTo).not.toHaveBeenCalled();
});

async function confirmDeleteMonth(card: HTMLElement) {
  fireEvent.click(within(card).getByText('删除这个月'));
  await confirmDialog('删除这个月');
}

test('when the year already has a plan, the chair is told that saving replaces it', async () => {
  answer({ 'plan.get': { plan: aPlan({ title: '2026年工会工作安排' }) } });
  await recognised();
  expect(await screen.findByText('2026年已经有工作计划「2026年工会工作安排」，保存后会替换它。已经生成的活动、投票和通知不受影响。')).toBeInTheDocument();
  expect(callsTo('plan.get')).toEqual([{ year: 2026 }]);
});

test('uploading a .docx reads it into the preview and shows the text that was read', async () => {
  const fileID = 'cloud://env.bucket/uploads/0123456789abcdef0123456789abcdef/plan/00112233445566778899aabbccddeeff.docx';
  const upload = jest.fn(async () => fileID);
  pickFile.mockResolvedValue({ name: '2026年工会工作计划.docx', size: 20480, upload });
  answer({ 'plan.preview': schoolYearPreview() });
  render(<PlanImportPage />);
  await tapAndSettle(button('上传文件'));

  expect(pickFile).toHaveBeenCalledWith('plan');
  await waitFor(() => expect(callsTo('plan.preview')).toEqual([{ fileID }]));
  expect(await screen.findByText('识别时发现 1 处需要核对：')).toBeInTheDocument();
  expect(monthTitles()).toHaveLength(5);

  // Back to the text: it is the file's, to correct and 识别 again.
  fireEvent.click(screen.getByText('返回修改原文'));
  await confirmDialog('返回修改原文');
  expect((await area(PASTE)).value).toBe(SCHOOL_YEAR_TEXT);
});

test('a file the cloud cannot read says which files work; a cancelled pick changes nothing', async () => {
  pickFile.mockResolvedValueOnce(null);
  render(<PlanImportPage />);
  await tapAndSettle(button('上传文件'));
  expect(callsTo('plan.preview')).toHaveLength(0);

  pickFile.mockResolvedValueOnce({ name: '计划.txt', size: 100, upload: async () => 'cloud://env.bucket/uploads/0123456789abcdef0123456789abcdef/plan/00112233445566778899aabbccddeeff.txt' });
  answer({ 'plan.preview': failure('PLAN_UNREADABLE') });
  await tapAndSettle(button('上传文件'));
  expect(await screen.findByText('无法读取这个文件，请上传 .txt 或 .docx 格式的工作计划')).toBeInTheDocument();
  expect(screen.getByText('文件：计划.txt')).toBeInTheDocument();
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RosterPreview } from '../../types/member';
import ImportPage from '../../src/packages/admin/import/index';
import { button, confirmDialog, isDisabled } from './support/dom';
import { answer, callsTo, failure, pickFile } from './support/gateway';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();

const FILE_ID = 'cloud://env.bucket/uploads/0123456789abcdef0123456789abcdef/roster/00112233445566778899aabbccddeeff.xlsx';

/** A picked file whose upload (to the place the server gives) resolves with FILE_ID. */
function pickedFile(name = '名册.xlsx') {
  const upload = jest.fn(async () => FILE_ID);
  pickFile.mockResolvedValue({ name, size: 2048, upload });
  return upload;
}

const mixedPreview: RosterPreview = {
  counts: { new: 1, update: 1, invalid: 2 },
  fileProblems: [],
  rows: [
    { line: 2, staffNo: 'T101', name: '孙老师', groupName: '语文组', status: 'update', problems: [] },
    { line: 3, staffNo: 'T301', name: '吴老师', groupName: '英语组', status: 'new', problems: [] },
    { line: 4, staffNo: '', name: '郑老师', groupName: '英语组', status: 'invalid', problems: ['请填写工号'] },
    { line: 7, staffNo: 'T302', name: '王老师', groupName: '', status: 'invalid', problems: ['请填写工会小组', '性别只能是男或女'] },
  ],
};

test('explains the columns before any file is chosen', () => {
  render(<ImportPage />);
  expect(screen.getByText('姓名 *')).toBeInTheDocument();
  expect(screen.getByText('工会小组 *')).toBeInTheDocument();
  expect(screen.getByText('教代会代表')).toBeInTheDocument();
  expect(screen.getByText('月-日，例如 03-08')).toBeInTheDocument();
});

test('a picked file is uploaded, checked, and its problems are shown first with their line numbers', async () => {
  const upload = pickedFile();
  answer({ 'roster.preview': mixedPreview });
  render(<ImportPage />);

  fireEvent.click(button('选择文件'));

  expect(await screen.findByText('第 4 行')).toBeInTheDocument();
  expect(pickFile).toHaveBeenCalledWith('roster');
  expect(upload).toHaveBeenCalledTimes(1);
  expect(callsTo('roster.preview')).toEqual([{ fileID: FILE_ID }]);

  expect(screen.getByLabelText('新增 1')).toBeInTheDocument();
  expect(screen.getByLabelText('更新 1')).toBeInTheDocument();
  expect(screen.getByLabelText('有问题 2')).toBeInTheDocument();
  expect(screen.getByText('请填写工号')).toHaveClass('preview-row__problem');
  expect(screen.getByText('请填写工会小组')).toBeInTheDocument();
  expect(screen.getByText('性别只能是男或女')).toBeInTheDocument();

  const lines = Array.from(document.querySelectorAll('.preview-row__line')).map((el) => el.textContent);
  expect(lines).toEqual(['第 4 行', '第 7 行', '第 3 行', '第 2 行']); // problems, then new, then updated
  expect(isDisabled(button('导入 2 条有效记录'))).toBe(false);
});

test('the import asks first, then reports what was created and updated', async () => {
  pickedFile();
  answer({ 'roster.preview': mixedPreview, 'roster.commit': { created: 1, updated: 1 } });
  render(<ImportPage />);
  fireEvent.click(button('选择文件'));
  fireEvent.click(await screen.findByText('导入 2 条有效记录'));
  expect(callsTo('roster.commit')).toHaveLength(0);

  await confirmDialog('确认导入');

  expect(await screen.findByText('导入完成')).toBeInTheDocument();
  expect(screen.getByText('新增 1 人，更新 1 人')).toBeInTheDocument();
  expect(callsTo('roster.commit')).toEqual([{ fileID: FILE_ID }]);
  taro.getCurrentPages.mockReturnValue([{ route: 'packages/admin/roster/index' }, { route: 'packages/admin/import/index' }] as never);
  fireEvent.click(screen.getByText('返回名册'));
  expect(taro.navigateBack).toHaveBeenCalled();
  expect(taro.redirectTo).not.toHaveBeenCalled();
});

test('with no valid rows the import button is disabled', async () => {
  pickedFile();
  answer({
    'roster.preview': {
      counts: { new: 0, update: 0, invalid: 1 },
      fileProblems: ['缺少必填列：工号'],
      rows: [{ line: 2, staffNo: '', name: '孙老师', groupName: '语文组', status: 'invalid', problems: ['请填写工号'] }],
    },
  });
  render(<ImportPage />);
  fireEvent.click(button('选择文件'));

  expect(await screen.findByText('缺少必填列：工号')).toBeInTheDocument();
  expect(screen.getByText('第 2 行')).toBeInTheDocument();
  const importButton = button('导入 0 条有效记录');
  expect(isDisabled(importButton)).toBe(true);
  fireEvent.click(importButton);
  expect(document.querySelector('.nut-dialog')).toBeNull();
  expect(callsTo('roster.commit')).toHaveLength(0);
});

test('a file the server cannot read says so; picking another file starts over', async () => {
  pickedFile('照片.xlsx');
  answer({ 'roster.preview': failure('IMPORT_FILE_UNREADABLE') });
  render(<ImportPage />);
  fireEvent.click(button('选择文件'));
  expect(await screen.findByText('无法读取这个文件，请上传 .xlsx 或 .csv 格式的名册')).toBeInTheDocument();

  pickedFile('名册.csv');
  answer({ 'roster.preview': mixedPreview });
  fireEvent.click(button('重新选择文件'));

  expect(await screen.findByText('文件：名册.csv')).toBeInTheDocument();
  expect(await screen.findByText('第 4 行')).toBeInTheDocument();
  expect(screen.queryByText(/无法读取这个文件/)).not.toBeInTheDocument();
});

test('re-picking a file clears the previous preview', async () => {
  pickedFile();
  answer({ 'roster.preview': mixedPreview });
  render(<ImportPage />);
  fireEvent.click(button('选择文件'));
  await screen.findByText('第 4 行');

  let finishUpload: (fileID: string) => void = () => undefined;
  pickFile.mockResolvedValue({ name: '新名册.xlsx', size: 1, upload: () => new Promise<string>((resolve) => (finishUpload = resolve)) });
  fireEvent.click(button('重新选择文件'));

  expect(await screen.findByText('正在上传…')).toBeInTheDocument();
  expect(screen.queryByText('第 4 行')).not.toBeInTheDocument();
  expect(screen.queryByText(/条有效记录/)).not.toBeInTheDocument();
  finishUpload(FILE_ID);
  await waitFor(() => expect(callsTo('roster.preview')).toHaveLength(2));
  expect(await screen.findByText('第 4 行')).toBeInTheDocument();
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DepartmentsPage from '../../src/packages/proposal-admin/departments/index';
import { button, confirmDialog, field, tapAndSettle, typeInto } from './support/dom';
import { answer, callsTo, failure } from './support/gateway';
import { aDepartment } from './support/suggestions';
import { stubTaro } from './support/taro';

jest.mock('../../src/gateway/cloud', () => require('./support/gateway').gatewayModule());
const taro = stubTaro();
jest.setTimeout(20000);

const NAME = '部门名称，例如 总务处';
const HANDLERS = '答复人工号，多个用空格或逗号分开';
const cardOf = (name: string) => screen.getByLabelText(name);

test('lists each department with its handlers by name and 工号', async () => {
  answer({ 'department.list': [aDepartment(), aDepartment({ _id: 'd2', name: '教务处', handlerIds: [], handlers: [] })] });
  render(<DepartmentsPage />);
  expect(await screen.findByText('总务处')).toBeInTheDocument();
  expect(within(cardOf('总务处')).getByText('答复人：钱老师（T010）、孙老师（T011）')).toBeInTheDocument();
  expect(within(cardOf('教务处')).getByText('还没有答复人')).toBeInTheDocument();
});

test('creating a department sends its name and handler 工号, and shows the names the roster answered', async () => {
  answer({
    'department.list': [],
    'department.save': aDepartment({ _id: 'd3', name: '后勤处', handlerIds: ['T010', 'T020'], handlers: [{ memberId: 'T010', name: '钱老师' }] }),
  });
  render(<DepartmentsPage />);
  expect(await screen.findByText('还没有承办部门')).toBeInTheDocument();

  fireEvent.click(button('新建部门'));
  await typeInto(NAME, ' 后勤处 ');
  await typeInto(HANDLERS, 'T010，T020 T010');
  await tapAndSettle(button('保存部门'));

  expect(callsTo('department.save')).toEqual([{ department: { name: '后勤处', handlerIds: ['T010', 'T020'] } }]);
  expect(await screen.findByText('已保存「后勤处」；答复人：钱老师；名册里找不到工号 T020，请核对。')).toBeInTheDocument();
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
  await waitFor(() => expect(callsTo('department.list')).toHaveLength(2));
});

test('editing sends the department id and the changed handlers', async () => {
  answer({ 'department.list': [aDepartment()], 'department.save': aDepartment({ handlerIds: ['T011'], handlers: [{ memberId: 'T011', name: '孙老师' }] }) });
  render(<DepartmentsPage />);
  await screen.findByText('总务处');
  fireEvent.click(within(cardOf('总务处')).getByText('修改'));
  expect((await field(HANDLERS)).value).toBe('T010 T011');
  await typeInto(HANDLERS, 'T011');
  await tapAndSettle(button('保存部门'));

  expect(callsTo('department.save')).toEqual([{ departmentId: 'd1', department: { name: '总务处', handlerIds: ['T011'] } }]);
  expect(await screen.findByText('已保存「总务处」；答复人：孙老师。')).toBeInTheDocument();
});

test('a malformed 工号 is caught on the phone', async () => {
  answer({ 'department.list': [] });
  render(<DepartmentsPage />);
  await screen.findByText('还没有承办部门');
  fireEvent.click(button('新建部门'));
  await typeInto(NAME, '后勤处');
  await typeInto(HANDLERS, 'T010 王老师');
  await tapAndSettle(button('保存部门'));
  expect(await screen.findByRole('alert')).toHaveTextContent('第 2 个工号：工号只能包含字母、数字、下划线或短横线');
  expect(callsTo('department.save')).toEqual([]);
});

test('removing asks first; a department still handling proposals is refused with the reason', async () => {
  answer({ 'department.list': [aDepartment()], 'department.remove': failure('DEPARTMENT_IN_USE') });
  render(<DepartmentsPage />);
  await screen.findByText('总务处');
  fireEvent.click(within(cardOf('总务处')).getByText('删除'));
  await confirmDialog('删除承办部门');
  expect(callsTo('department.remove')).toEqual([{ departmentId: 'd1' }]);
  expect(await screen.findByText('这个部门还有承办中的提案，不能删除')).toBeInTheDocument();
});

test('removing an idle department refreshes the list', async () => {
  answer({ 'department.list': [aDepartment()], 'department.remove': { removed: true } });
  render(<DepartmentsPage />);
  await screen.findByText('总务处');
  fireEvent.click(within(cardOf('总务处')).getByText('删除'));
  answer({ 'department.list': [] });
  await confirmDialog('删除承办部门');
  expect(await screen.findByText('还没有承办部门')).toBeInTheDocument();
  expect(screen.getByText('已删除「总务处」。')).toBeInTheDocument();
});

test('loading fails: says so, and 重试 loads again', async () => {
  answer({ 'department.list': failure('INTERNAL') });
  render(<DepartmentsPage />);
  expect(await screen.findByText('加载失败')).toBeInTheDocument();
  answer({ 'department.list': [aDepartment()] });
  await tapAndSettle(button('重试'));
  expect(await screen.findByText('总务处')).toBeInTheDocument();
});

import { checkRoster, mergeRosterRecord, toMonthDay } from '../../cloudfunctions/api/src/domain/roster-rows';
import type { Group, Member } from '../../types/member';

const groups: Group[] = [
  { _id: 'g1', name: '语文组', createdAt: 0 },
  { _id: 'g2', name: '后勤组', createdAt: 0 },
];
const header = ['姓名', '工号', '性别', '工会小组', '状态', '教代会代表', '生日', '手机'];

describe('checkRoster', () => {
  it('accepts good rows and marks new and updated records', () => {
    const { preview, valid } = checkRoster(
      [header, ['张三', 'T001', '男', '语文组', '在职', '是', '3月8日', '13800138000'], ['李四', 'T002', '女', '后勤组', '退休', '否', '', '']],
      groups,
      new Set(['T002']),
    );
    expect(preview.counts).toEqual({ new: 1, update: 1, invalid: 0 });
    expect(valid[0]).toMatchObject({ staffNo: 'T001', gender: 'male', status: 'active', groupId: 'g1', isDelegate: true, birthday: '03-08', phone: '13800138000' });
    expect(valid[1]).toMatchObject({ staffNo: 'T002', gender: 'female', status: 'retired', isDelegate: false });
  });

  it('finds nothing for cells named like Object.prototype members: not a gender, a status or a yes/no', () => {
    const { preview, valid } = checkRoster([header, ['周九', 'T020', 'constructor', '语文组', 'toString', 'valueOf', '', '']], groups, new Set());
    expect(valid).toEqual([]);
    expect(preview.rows[0].problems).toEqual(['性别「constructor」无法识别，请填男或女', '状态「toString」无法识别，请填在职或退休', '教代会代表「valueOf」请填是或否']);
  });

  it('refuses a 工号 named like an Object.prototype member', () => {
    const { preview, valid } = checkRoster([header, ['吴十', '__proto__', '男', '语文组', '', '', '', ''], ['郑一', 'hasOwnProperty', '女', '语文组', '', '', '', '']], groups, new Set());
    expect(valid).toEqual([]);
    expect(preview.rows.map((row) => row.problems)).toEqual([['工号「__proto__」是程序的保留名称，不能用作工号，请换一个'], ['工号「hasOwnProperty」是程序的保留名称，不能用作工号，请换一个']]);
  });

  it('reports each row problem with its line, problems first', () => {
    const { preview, valid } = checkRoster(
      [
        header,
        ['王五', 'T010', '男', '语文组', '', '', '', ''],
        ['', 'T011', '男', '语文组', '', '', '', ''],
        ['赵六', 'T010', '女', '语文组', '', '', '', ''],
        ['钱七', 'T012', '男', '数学组', '', '', '', ''],
        ['孙八', 'T 013', '未知', '语文组', '在岗', '也许', '13月1日', '123'],
      ],
      groups,
      new Set(),
    );
    expect(valid.map((row) => row.staffNo)).toEqual(['T010']);
    expect(preview.counts).toEqual({ new: 1, update: 0, invalid: 4 });
    const byLine = Object.fromEntries(preview.rows.map((row) => [row.line, row.problems]));
    expect(byLine[3]).toContain('缺少姓名');
    expect(byLine[4]).toContain('工号与第 2 行重复');
    expect(byLine[5]).toContain('没有名为「数学组」的工会小组，请先在「工会小组」中新建');
    expect(byLine[6]).toEqual(
      expect.arrayContaining([
        '工号只能包含字母、数字、下划线或短横线，最多 32 位',
        '性别「未知」无法识别，请填男或女',
        '教代会代表「也许」请填是或否',
        '生日「13月1日」无法识别，例如填 3月8日',
        '手机「123」应为 11 位数字',
      ]),
    );
    expect(preview.rows[0].status).toBe('invalid');
  });

  it('refuses a sheet without the required columns, and names them', () => {
    const { preview, valid } = checkRoster([['姓名', '电话'], ['张三', '13800138000']], groups, new Set());
    expect(valid).toEqual([]);
    expect(preview.fileProblems[0]).toBe('缺少必填列：工号、性别、工会小组');
  });

  it('never keeps an ID-card column, and says so', () => {
    const { preview, valid } = checkRoster([[...header, '身份证号'], ['张三', 'T001', '男', '语文组', '', '', '', '', '440101199001011234']], groups, new Set());
    expect(JSON.stringify(valid)).not.toContain('440101199001011234');
    expect(preview.fileProblems.join()).toContain('身份证号');
  });

  it('skips blank lines', () => {
    const { preview } = checkRoster([header, ['', '', '', ''], ['张三', 'T001', '男', '语文组']], groups, new Set());
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0].line).toBe(3);
  });
});

describe('toMonthDay', () => {
  it.each([
    ['3月8日', '03-08'],
    ['03-08', '03-08'],
    ['1980-03-08', '03-08'],
    ['1980/3/8', '03-08'],
    ['1980年3月8日', '03-08'],
    ['2-30', undefined],
    ['abc', undefined],
  ])('%s → %s', (text, expected) => expect(toMonthDay(text)).toBe(expected));
});

describe('mergeRosterRecord', () => {
  const existing: Member = {
    _id: 'T001', staffNo: 'T001', name: '张三', gender: 'male', status: 'active', groupId: 'g1', groupName: '语文组',
    roles: ['committee'], isDelegate: true, phone: '13800138000', openid: 'o-1', boundAt: 5, createdAt: 1, updatedAt: 2,
  };

  it('keeps the binding, roles, history and unfilled fields on re-import', () => {
    const merged = mergeRosterRecord({ staffNo: 'T001', name: '张三丰', gender: 'male', status: 'retired', groupId: 'g2', groupName: '后勤组' }, existing, 100);
    expect(merged).toMatchObject({ name: '张三丰', status: 'retired', groupId: 'g2', openid: 'o-1', boundAt: 5, roles: ['committee'], isDelegate: true, phone: '13800138000', createdAt: 1, updatedAt: 100 });
  });

  it('creates a plain member for a new 工号', () => {
    const merged = mergeRosterRecord({ staffNo: 'T009', name: '新人', gender: 'female', status: 'active', groupId: 'g1', groupName: '语文组' }, undefined, 100);
    expect(merged).toMatchObject({ _id: 'T009', roles: [], isDelegate: false, createdAt: 100 });
    expect(merged.openid).toBeUndefined();
  });
});

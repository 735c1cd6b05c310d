import type { MemberView } from '../../../types/member';

const NOV_2026 = Date.UTC(2026, 10, 1, 2, 0);

/** A roster record as the server sends it; override what a test cares about. */
export const aMember = (overrides: Partial<MemberView> = {}): MemberView => ({
  _id: overrides.staffNo ?? 'T001',
  staffNo: 'T001',
  name: '王老师',
  gender: 'female',
  status: 'active',
  department: '教务处',
  gradeGroup: '高一年级',
  subjectGroup: '语文组',
  groupId: 'g-chinese',
  groupName: '语文组',
  roles: [],
  isDelegate: false,
  birthday: '03-08',
  phone: '13812345678',
  bound: true,
  boundAt: NOV_2026,
  createdAt: NOV_2026,
  updatedAt: NOV_2026,
  ...overrides,
});

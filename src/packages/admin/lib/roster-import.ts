import type { RosterPreview, RosterRowPreview } from '../../../../types/member';

export interface RosterColumn {
  title: string;
  required: boolean;
  hint: string;
}

/** The columns the chair's sheet may have; the first row of the sheet names them. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { title: '姓名', required: true, hint: '' },
  { title: '工号', required: true, hint: '字母、数字、下划线或短横线' },
  { title: '性别', required: true, hint: '男 或 女' },
  { title: '工会小组', required: true, hint: '' },
  { title: '状态', required: false, hint: '在职 或 退休' },
  { title: '部门', required: false, hint: '' },
  { title: '年级组', required: false, hint: '' },
  { title: '教研组', required: false, hint: '' },
  { title: '教代会代表', required: false, hint: '是 或 否' },
  { title: '生日', required: false, hint: '月-日，例如 03-08' },
  { title: '手机', required: false, hint: '11 位数字' },
];

/** Rows with problems first (they need the chair's attention), then new and updated rows, each by line. */
export const orderPreviewRows = (rows: readonly RosterRowPreview[]): RosterRowPreview[] => {
  const rank = { invalid: 0, new: 1, update: 2 } as const;
  return [...rows].sort((a, b) => rank[a.status] - rank[b.status] || a.line - b.line);
};

/** How many rows an import would write. */
export const validRowCount = (preview: RosterPreview): number => preview.counts.new + preview.counts.update;

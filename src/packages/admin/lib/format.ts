/** 03-08 → 3月8日 */
export const formatMonthDay = (monthDay: string): string => {
  const [month, day] = monthDay.split('-').map(Number);
  return `${month}月${day}日`;
};

import * as v from 'valibot';
import { GroupName, Text } from '../../types/fields';

const ok = (schema: v.GenericSchema, text: string) => v.safeParse(schema, text).success;

it('accepts what people type: Chinese, emoji (surrogate pairs), punctuation', () => {
  expect(ok(GroupName, '语文组 🎉（高一）')).toBe(true);
  expect(ok(Text('说明', 2000), '第一行\n第二行\t缩进')).toBe(true);
});

it('refuses control characters, lone surrogates and bidi overrides, and line breaks in one-line fields', () => {
  for (const bad of ['语文\u0000组', '语文\ud800组', '语文\udc00组', 'abc\u202edcba', '\u2066隔离\u2069', '删除\u007f']) expect(ok(GroupName, bad)).toBe(false);
  expect(ok(GroupName, '语文\n组')).toBe(false);
  expect(ok(Text('说明', 2000), '正文\u202e')).toBe(false);
});

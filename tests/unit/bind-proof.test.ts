/** The pure parts of binding with proof: phone numbers in the roster's form, and public member ids. */
import { randomBytes } from 'node:crypto';
import { decodeMemberId, encodeMemberId, PUBLIC_ID_LENGTH } from '../../cloudfunctions/api/src/domain/member-ids';
import { normalisePhone, rosterFormOf } from '../../cloudfunctions/api/src/domain/phone-match';

describe('phone numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['(+86)13800138000', '13800138000'],
  ])('%s is %s', (text, form) => expect(normalisePhone(text)).toBe(form));

  it.each(['23800138000', '1380013800', '138001380001', '', '+852 9123 4567'])('%s is no mainland mobile', (text) => expect(normalisePhone(text)).toBeNull());

  it('takes WeChat’s purePhoneNumber for country code 86, and nothing from abroad', () => {
    expect(rosterFormOf({ phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' })).toBe('13800138000');
    expect(rosterFormOf({ phoneNumber: '+85291234567', purePhoneNumber: '91234567', countryCode: '852' })).toBeNull();
    expect(rosterFormOf({ phoneNumber: '+85213800138000', purePhoneNumber: '13800138000', countryCode: '852' })).toBeNull();
  });
});

describe('public member ids', () => {
  const key = randomBytes(32);

  it('hide the 工号, stay the same for the same member, and turn back only under their key', () => {
    const id = encodeMemberId(key, 'T1001');
    expect(id).toHaveLength(PUBLIC_ID_LENGTH);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id).not.toContain('T1001');
    expect(encodeMemberId(key, 'T1001')).toBe(id);
    expect(encodeMemberId(key, 'T1002')).not.toBe(id);
    expect(decodeMemberId(key, id)).toBe('T1001');
    expect(decodeMemberId(randomBytes(32), id)).toBeNull();
    expect(decodeMemberId(key, encodeMemberId(key, 'x'.repeat(32)))).toBe('x'.repeat(32));
  });

  it('refuse anything forged or altered', () => {
    const id = encodeMemberId(key, 'T1001');
    const flipped = (id[10] === 'A' ? 'B' : 'A');
    expect(decodeMemberId(key, id.slice(0, 10) + flipped + id.slice(11))).toBeNull();
    expect(decodeMemberId(key, 'T1001')).toBeNull();
    expect(decodeMemberId(key, 'A'.repeat(PUBLIC_ID_LENGTH))).toBeNull();
  });
});

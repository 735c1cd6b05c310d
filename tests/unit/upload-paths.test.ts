/** Where uploads, the copies actions keep of them, and exports are stored: names and ownership. */
import { copyPathOf, exportPath, ownerKey, ownUpload, uploadPath } from '../../cloudfunctions/api/src/domain/upload-paths';
import { ATTACHMENT_EXTENSIONS } from '../../types/notice';
import { extensionOf, UPLOAD_EXTENSIONS } from '../../types/uploads';

const ROOT = 'cloud://prod-3g1a.7072-prod-3g1a-1250000000/';
const HEX32 = /^[0-9a-f]{32}$/;

describe('upload paths', () => {
  it('put each upload under the uploader\'s folder (a hash, never the openid) and its purpose, with a new 128-bit name', () => {
    const a = uploadPath('o-chair', 'notice', 'pdf');
    const b = uploadPath('o-chair', 'notice', 'pdf');
    expect(a).toMatch(/^uploads\/[0-9a-f]{32}\/notice\/[0-9a-f]{32}\.pdf$/);
    expect(a).not.toBe(b);
    expect(a.split('/')[1]).toBe(ownerKey('o-chair'));
    expect(a).not.toContain('o-chair');
    expect(ownerKey('o-chair')).not.toBe(ownerKey('o-committee'));
  });

  it('recognise an upload only for its uploader and its purpose', () => {
    const id = `${ROOT}${uploadPath('o-chair', 'roster', 'csv')}`;
    expect(ownUpload(id, 'o-chair', 'roster')).toMatchObject({ root: ROOT, extension: 'csv', name: expect.stringMatching(HEX32) });
    expect(ownUpload(id, 'o-committee', 'roster')).toBeNull();
    expect(ownUpload(id, 'o-chair', 'plan')).toBeNull();
    // Paths not handed out by file.uploadPath.
    for (const other of [`${ROOT}roster-imports/1-名册.csv`, `${ROOT}uploads/${ownerKey('o-chair')}/roster/short.csv`, `${ROOT}uploads/${ownerKey('o-chair')}/roster/${'a'.repeat(32)}.exe`, `${id}/../x.csv`, `x${id}`]) {
      expect(ownUpload(other, 'o-chair', 'roster')).toBeNull();
    }
  });

  it('name the kept copy after the upload, so the same upload always maps to the same copy, and a different one elsewhere', () => {
    const one = ownUpload(`${ROOT}${uploadPath('o-chair', 'notice', 'pdf')}`, 'o-chair', 'notice')!;
    const two = ownUpload(`${ROOT}${uploadPath('o-chair', 'notice', 'pdf')}`, 'o-chair', 'notice')!;
    expect(copyPathOf(one, 'notice')).toMatch(/^files\/notice\/[0-9a-f]{32}\.pdf$/);
    expect(copyPathOf(one, 'notice')).toBe(copyPathOf({ ...one }, 'notice'));
    expect(copyPathOf(one, 'notice')).not.toBe(copyPathOf(two, 'notice'));
    expect(copyPathOf(one, 'notice')).not.toContain(one.name);
  });

  it('put exports at exports/<kind>/<128 random bits>.xlsx', () => {
    expect(exportPath('vote')).toMatch(/^exports\/vote\/[0-9a-f]{32}\.xlsx$/);
    expect(exportPath('vote')).not.toBe(exportPath('vote'));
  });

  it('accept per purpose only the file types its action reads', () => {
    expect(UPLOAD_EXTENSIONS).toEqual({
      notice: ['jpg', 'jpeg', 'png', 'pdf', 'xlsx', 'xls', 'docx', 'doc'],
      votePhoto: ['jpg', 'jpeg', 'png'],
      roster: ['xlsx', 'csv'],
      plan: ['txt', 'docx'],
    });
    expect(UPLOAD_EXTENSIONS.notice).toEqual(Object.values(ATTACHMENT_EXTENSIONS).flat());
    expect(extensionOf(' 体检须知.PDF ')).toBe('pdf');
    expect(extensionOf('没有后缀')).toBe('');
  });
});

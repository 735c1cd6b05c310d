/**
 * The text of a plan the chair uploaded: a .txt (UTF-8, or GBK as Windows Notepad saves Chinese)
 * or a .docx (its paragraphs, one per line; Word's automatic numbering is not in the text, and
 * the parser reads unnumbered lines under a month as one item each).
 */
import JSZip from 'jszip';
import { DomainError } from './domain-error';
import { readOwnUpload } from './uploads';

const MAX_BYTES = 5 * 1024 * 1024;

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** Paragraphs of word/document.xml as lines: the runs' text, tabs and breaks kept. */
export function docxParagraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((paragraph) =>
    (paragraph.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
      .map((piece) => (piece === '<w:tab/>' ? '\t' : piece === '<w:br/>' ? '\n' : piece.replace(/<[^>]+>/g, '')))
      .join('')
      .replace(/&(lt|gt|amp|quot|apos);/g, (entity) => XML_ENTITIES[entity]),
  );
}

/** The text of the plan file this caller uploaded (NOT_YOUR_UPLOAD for anyone else's file). */
export async function readPlanFile(fileID: string, openid: string): Promise<string> {
  // Only a .txt or .docx is ever the caller's plan upload (types/uploads.ts).
  const bytes = await readOwnUpload(fileID, openid, 'plan', new DomainError('PLAN_UNREADABLE'));
  const ext = fileID.split('.').pop();
  if (bytes.length > MAX_BYTES) throw new DomainError('PLAN_UNREADABLE', undefined, [{ path: 'fileID', message: '文件太大了，工作计划最多 5 MB' }]);
  if (ext === 'txt') return decodeText(bytes);
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')?.async('string');
    if (!xml) throw new Error('no document.xml');
    return docxParagraphs(xml).join('\n');
  } catch {
    throw new DomainError('PLAN_UNREADABLE');
  }
}

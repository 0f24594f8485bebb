import { describe, expect, it } from 'vitest';

import {
  formatFileSize,
  sanitiseFileName,
  sniffAttachmentType,
} from '../../shared/concerns/attachments';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('attachment type by magic bytes', () => {
  it('recognises PNG, JPEG and PDF from their first bytes', () => {
    expect(sniffAttachmentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      'image/png',
    );
    expect(sniffAttachmentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffAttachmentType(text('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, and truncated signatures', () => {
    for (const refused of [
      text('GIF89a'),
      text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      text('PK\u0003\u0004'),
      text('MZ'),
      text('%PDF'),
      bytes(0x89, 0x50, 0x4e, 0x47),
      bytes(0xff, 0xd8),
      bytes(),
      // A PNG signature later in the file does not count.
      bytes(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    ])
      expect(sniffAttachmentType(refused)).toBeNull();
  });
});

describe('attachment file names', () => {
  it('keeps the last segment and gives it the extension of its real type', () => {
    expect(sanitiseFileName('C:\\Users\\sam\\Photos\\arm.JPG', 'image/jpeg')).toBe('arm.jpg');
    expect(sanitiseFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('letter.exe', 'application/pdf')).toBe('letter.pdf');
    expect(sanitiseFileName('Note from home.pdf', 'application/pdf')).toBe('Note from home.pdf');
  });

  it('removes control and reserved characters, leading dots and runs of spaces', () => {
    expect(sanitiseFileName('a<b>c:d"e|f?g*h\u0000i\u001b.png', 'image/png')).toBe('abcdefghi.png');
    expect(sanitiseFileName('...hidden.png', 'image/png')).toBe('hidden.png');
    expect(sanitiseFileName('  two   words .png', 'image/png')).toBe('two words.png');
    expect(sanitiseFileName('', 'image/png')).toBe('attachment.png');
    expect(sanitiseFileName('////', 'image/png')).toBe('attachment.png');
  });

  it('bounds the length at 120 characters, extension included', () => {
    const name = sanitiseFileName(`${'x'.repeat(500)}.png`, 'image/png');
    expect(name).toHaveLength(120);
    expect(name.endsWith('.png')).toBe(true);
  });

  it('shows sizes in bytes, KB and MB', () => {
    expect(formatFileSize(120)).toBe('120 bytes');
    expect(formatFileSize(830 * 1024)).toBe('830 KB');
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe('2.4 MB');
  });
});

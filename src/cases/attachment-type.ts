/** Detects a document's type from its first bytes, never from its name or the declared type. */
export function detectMediaType(
  content: Buffer,
): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content.length > 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

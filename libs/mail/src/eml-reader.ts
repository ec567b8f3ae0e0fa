/**
 * Reads back the .eml files the file transport writes (nodemailer's MIME output), for the dev page:
 * headers, RFC 2047 encoded words, multipart bodies, quoted-printable and base64. Deliberately small;
 * mailparser does the full job but is a development dependency, and this runs in the app.
 */
/** A file the message carries (a calendar invitation), its content as text. */
export interface EmlAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface EmlSummary {
  subject: string;
  to: string;
  date: Date | null;
  html: string | null;
  text: string | null;
  attachments: EmlAttachment[];
}

interface MimePart {
  headers: Map<string, string>;
  /** The body as latin1, one char per byte, so decoding can work on the original bytes. */
  body: string;
}

function decodeBytes(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

const quotedPrintable = (text: string) =>
  Buffer.from(
    text
      .replace(/=\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );

/** =?UTF-8?Q?Hallo_=C3=A9?= and =?UTF-8?B?...?= (adjacent words join without the space between). */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_, charset: string, kind: string, text: string) =>
        decodeBytes(
          kind.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : quotedPrintable(text.replace(/_/g, ' ')),
          charset,
        ),
    );
}

function parsePart(raw: string): MimePart {
  const end = raw.indexOf('\n\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: end < 0 ? '' : raw.slice(end + 2) };
}

const parameter = (value: string | undefined, name: string) =>
  value ? new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(value)?.[1] : undefined;

function bodyText(part: MimePart): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(part.body)
        : Buffer.from(part.body, 'latin1');
  return decodeBytes(bytes, parameter(part.headers.get('content-type'), 'charset'));
}

/** The leaf parts of a message, depth first. */
function leaves(part: MimePart): MimePart[] {
  const contentType = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (!contentType.startsWith('multipart/')) return [part];
  const boundary = parameter(part.headers.get('content-type'), 'boundary');
  if (!boundary) return [];
  const parts: MimePart[] = [];
  const sections = `\n${part.body}`.split(`\n--${boundary}`).slice(1);
  for (const section of sections) {
    if (section.startsWith('--')) break;
    parts.push(...leaves(parsePart(section.replace(/^[ \t]*\n/, ''))));
  }
  return parts;
}

/** A part sent as a file (Content-Disposition attachment, or a file name of its own): its name. */
function fileNameOf(part: MimePart): string | null {
  const disposition = part.headers.get('content-disposition') ?? '';
  const name =
    parameter(disposition, 'filename') ?? parameter(part.headers.get('content-type'), 'name');
  if (name) return decodeWords(name);
  return /^\s*attachment/i.test(disposition) ? 'bijlage' : null;
}

/** The first body part of the given type that is not a file, depth first. */
function findPart(part: MimePart, type: string): MimePart | null {
  return (
    leaves(part).find(
      (p) =>
        (p.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith(type) &&
        fileNameOf(p) === null,
    ) ?? null
  );
}

export function readEml(raw: Buffer): EmlSummary {
  const message = parsePart(raw.toString('latin1').replace(/\r\n/g, '\n'));
  // Headers are ASCII after encoding; anything else was raw UTF-8.
  const header = (name: string) =>
    decodeWords(decodeBytes(Buffer.from(message.headers.get(name) ?? '', 'latin1')));
  const date = new Date(header('date'));
  const html = findPart(message, 'text/html');
  const text = findPart(message, 'text/plain');
  const attachments = leaves(message).flatMap((part) => {
    const filename = fileNameOf(part);
    if (filename === null) return [];
    const contentType = (part.headers.get('content-type') ?? 'application/octet-stream').trim();
    return [{ filename, contentType, content: bodyText(part) }];
  });
  return {
    subject: header('subject'),
    to: header('to'),
    date: Number.isNaN(date.getTime()) ? null : date,
    html: html ? bodyText(html) : null,
    text: text ? bodyText(text) : null,
    attachments,
  };
}

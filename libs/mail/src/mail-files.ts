import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The development mailbox: without SMTP_URL every message is written to <dataDir>/mail as an .eml
 * file, named <ISO 8601 basic timestamp>-<outbox id>.eml so that names sort by time and say which
 * outbox row they came from.
 */
export const mailFolder = (dataDir: string) => path.join(dataDir, 'mail');

/** The only names the dev page will open: no dots but the extension's, no slashes. */
export const MAIL_FILE_NAME = /^\d{8}T\d{6}(?:\.\d{3})?Z-[A-Za-z0-9-]{1,64}\.eml$/;

export const mailFileName = (at: Date, id: string) =>
  `${at.toISOString().replace(/[-:]/g, '')}-${id}.eml`;

/** 20260115T103000.123Z → a Date (the timestamp the file name starts with). */
export function mailFileDate(name: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d{3})?Z/.exec(name);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z`) : null;
}

async function names(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => MAIL_FILE_NAME.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Writes one message, once: a message applied twice (the outbox may redeliver) keeps its first file.
 * Written under a temporary name and renamed, so the dev page never sees half a message.
 */
export async function writeMailFile(folder: string, id: string, raw: Buffer): Promise<string> {
  const existing = (await names(folder)).find((name) => name.endsWith(`-${id}.eml`));
  if (existing) return existing;
  await mkdir(folder, { recursive: true });
  const name = mailFileName(new Date(), id);
  const temporary = path.join(folder, `.${name}.tmp`);
  await writeFile(temporary, raw);
  await rename(temporary, path.join(folder, name));
  return name;
}

/** The newest messages first. */
export async function listMailFiles(folder: string, limit = 200): Promise<string[]> {
  return (await names(folder)).sort().reverse().slice(0, limit);
}

/** The raw message, or null when the name is not one of ours or the file is gone. */
export async function readMailFile(folder: string, name: string): Promise<Buffer | null> {
  if (!MAIL_FILE_NAME.test(name)) return null;
  try {
    return await readFile(path.join(folder, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

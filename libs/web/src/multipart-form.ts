import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { timingSafeEqual } from 'node:crypto';
import type { SessionService, WebSession } from './session.service';
import { readCookie, SESSION_COOKIE } from './web-request';

/** The largest file a page form takes (the import's own limit; a larger one is refused in Dutch). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** One file sent with a page form. */
export interface UploadedFile {
  fieldName: string;
  fileName: string;
  bytes: Buffer;
}

interface UploadState {
  session?: WebSession | null;
  /** Dutch: why the file was not taken (too large, a broken form). */
  refusal?: string;
}
type MultipartRequest = Request & { webUpload?: UploadState };

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const TOO_LARGE = `Het bestand is groter dan ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Werkbrug leest bestanden tot 50 MB: splits het bestand in delen.`;
const BROKEN =
  'Het formulier kwam niet goed aan. Kies het bestand opnieuw en probeer het nog eens.';

/**
 * Page forms with a file (enctype multipart/form-data), parsed before the guards run, so that
 * WebSessionGuard checks their CSRF token in the body like any other form. The file's bytes are kept
 * (in memory, at most MAX_UPLOAD_BYTES) only when the form's `_csrf` field, which the form puts
 * before the file, matches the session of a signed-in user: an anonymous or forged post costs the
 * server no memory. A file that is dropped or too large leaves `uploadRefusal` for the page to say.
 */
export function multipartForms(sessions: SessionService) {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 50, fieldSize: 100_000, parts: 51 },
    fileFilter: (req, _file, accept) => {
      const state = (req as MultipartRequest).webUpload;
      const body: unknown = req.body;
      const token =
        body && typeof body === 'object' && typeof (body as { _csrf?: unknown })._csrf === 'string'
          ? (body as { _csrf: string })._csrf
          : '';
      const session = state?.session;
      accept(null, !!session?.actor && !!token && sameSecret(token, session.csrfToken));
    },
  }).any();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || req.path.startsWith('/api/') || !req.is('multipart/form-data'))
      return next();
    const state: UploadState = {};
    (req as MultipartRequest).webUpload = state;
    sessions
      .load(readCookie(req, SESSION_COOKIE))
      .then((session) => {
        state.session = session;
        parse(req, res, (error: unknown) => {
          if (error instanceof multer.MulterError)
            state.refusal = error.code === 'LIMIT_FILE_SIZE' ? TOO_LARGE : BROKEN;
          else if (error) state.refusal = BROKEN;
          // The session is the guard's to load again; only the file and the refusal stay.
          delete state.session;
          next();
        });
      })
      .catch(next);
  };
}

/** The file of a page form, by its field name; null when none came (or it was not taken). */
export function uploadedFile(req: Request, fieldName: string): UploadedFile | null {
  const files = (req as Request & { files?: unknown }).files;
  if (!Array.isArray(files)) return null;
  const file = (files as Express.Multer.File[]).find((f) => f.fieldname === fieldName);
  if (!file) return null;
  return { fieldName, fileName: latin1AsUtf8(file.originalname), bytes: file.buffer };
}

/** Why the file of a page form was not taken (Dutch), or null. */
export const uploadRefusal = (req: Request): string | null =>
  (req as MultipartRequest).webUpload?.refusal ?? null;

/** Busboy reads the file name as latin1; browsers send UTF-8 ("Kandidaten Zoë.xlsx"). */
function latin1AsUtf8(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? name : utf8;
}

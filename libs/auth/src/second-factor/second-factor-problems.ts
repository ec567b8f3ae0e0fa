import { ProblemException } from '@werkbrug/http';

/** The password was right; the account asks a second factor: send `otp` with it (401). */
export const mfaRequiredProblem = () =>
  new ProblemException(
    401,
    'MFA_REQUIRED',
    'Second factor required',
    'Send the current code of your authenticator app (or a recovery code) as otp, with the e-mail address and password.',
  );

/** The password was right; the account must set up an authenticator app first (403). */
export const mfaSetupRequiredProblem = () =>
  new ProblemException(
    403,
    'MFA_SETUP_REQUIRED',
    'Set up a second factor first',
    'This account signs in with an authenticator app, and has none yet. Set one up on the website, or with POST /api/auth/mfa/setup and POST /api/auth/mfa/confirm.',
    { setup: 'POST /api/auth/mfa/setup' },
  );

/** A wrong, used or unreadable code (401); repeated, it is throttled as a wrong password. */
export const mfaCodeInvalidProblem = () =>
  new ProblemException(
    401,
    'MFA_CODE_INVALID',
    'The code is wrong',
    'The code is wrong or was used already. Send the code the app shows now, or an unused recovery code.',
  );

export const mfaNotNeededProblem = () =>
  new ProblemException(
    409,
    'MFA_NOT_NEEDED',
    'No second factor for this account',
    'Only werkmakelaars and administrators sign in with an authenticator app.',
  );

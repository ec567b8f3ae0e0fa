import type { Role } from '@werkbrug/auth';

/** Who may open a web page: set by @WebAccess / @WebPublic, read by WebSessionGuard. */
export const WEB_ACCESS_KEY = 'werkbrug:web-access';

export type WebAccessRule = { public: true } | { public: false; roles: readonly Role[] };

/** Set by @BeforeTerms: a page an employer may open before accepting the terms of use. */
export const SKIP_TERMS_KEY = 'werkbrug:web-skip-terms';

/** A short list of passwords that appear at the top of every breach corpus. */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  'password1234',
  'wachtwoord123',
  'welkom123456',
  'qwertyuiop12',
  'administrator',
  'adminadmin123',
  'letmein12345',
  'passwordpassword',
  'wachtwoordwachtwoord',
  'welkomwelkom',
  '1234567890ab',
  'iloveyou1234',
  'werkbrug1234',
  'werkbrugwerkbrug',
  'zomer2026!!!',
  'changeme1234',
  'aaaaaaaaaaaa',
  '111111111111',
  'qwerty123456',
  'password123!',
  'Welkom01!!!!',
  'Wachtwoord1!',
]);

export const PASSWORD_MIN_LENGTH = 12;

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > 256) return 'must be at most 256 characters';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(password) || COMMON_PASSWORDS.has(lower))
    return 'is a commonly used password';
  if (new Set(lower).size < 5) return 'has too few different characters';
  return null;
}

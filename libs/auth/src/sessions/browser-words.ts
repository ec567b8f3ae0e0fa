import Bowser from 'bowser';

/** Names people know, where bowser's is longer or technical. */
const BROWSER_NAMES: Record<string, string> = {
  'Microsoft Edge': 'Edge',
  'Samsung Internet for Android': 'Samsung Internet',
  'Android Browser': 'Android-browser',
  'Internet Explorer': 'Internet Explorer',
  'Yandex Browser': 'Yandex',
  'NAVER Whale Browser': 'Whale',
};

/** Systems by the device people know them by ("iOS" and "macOS" read as codes on a Dutch page). */
const SYSTEM_NAMES: Record<string, (tablet: boolean) => string> = {
  iOS: (tablet) => (tablet ? 'iPad' : 'iPhone'),
  macOS: () => 'Mac',
  'Chrome OS': () => 'Chromebook',
};

/** The longest words kept (the column allows 100). */
const MAX_LENGTH = 80;

/**
 * The browser and system of a User-Agent in words, for the sessions page and the new-browser mail:
 * "Firefox op Windows", "Chrome op Android", "Safari op iPhone". A program that names no browser
 * (curl, a script) is "Onbekende browser". No version numbers: a browser that updates itself stays
 * the same browser.
 */
export function browserWords(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? '').trim().slice(0, 1000);
  if (!ua) return 'Onbekende browser';
  const parsed = Bowser.parse(ua);
  const name = parsed.browser.name
    ? (BROWSER_NAMES[parsed.browser.name] ?? parsed.browser.name)
    : '';
  const os = parsed.os.name ?? '';
  const system = SYSTEM_NAMES[os]?.(parsed.platform.type === 'tablet') ?? os;
  const words = name
    ? system
      ? `${name} op ${system}`
      : name
    : system
      ? `Onbekende browser op ${system}`
      : 'Onbekende browser';
  return words.slice(0, MAX_LENGTH);
}

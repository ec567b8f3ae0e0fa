import { ARRANGEMENTS } from '@werkbrug/domain';
import type { BlockerCode } from '@werkbrug/matching';
import { isOneOf } from '@werkbrug/web';
import { ARRANGEMENT_WORDS, BLOCKER_HELP } from './plain-words';

/** A form of work in words: its name and what it means for the candidate. */
export type ArrangementWordsView = { name: string; explain: string };

/** What is missing for a near miss, and who can help. */
export type BlockerView = { text: string; help: string };

/** Each form of work in words; an unknown code keeps its code and no explanation. */
export const arrangementWords = (codes: readonly string[]): ArrangementWordsView[] =>
  codes.map((a) => (isOneOf(ARRANGEMENTS, a) ? ARRANGEMENT_WORDS[a] : { name: a, explain: '' }));

/** A form of work's name in plain words (the code when it is unknown), as the werkmakelaar's console shows it. */
export const arrangementName = (code: string): string =>
  isOneOf(ARRANGEMENTS, code) ? ARRANGEMENT_WORDS[code].name : code;

export const blockerView = (b: { code: BlockerCode; text: string }): BlockerView => ({
  text: b.text,
  help: BLOCKER_HELP[b.code],
});

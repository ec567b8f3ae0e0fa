import { ARRANGEMENTS, type Arrangement } from '@werkbrug/domain';
import type { BlockerCode } from '@werkbrug/matching';
import { ARRANGEMENT_WORDS, BLOCKER_HELP } from './plain-words';

/** One option of a select, radio or checkbox group. */
export type ChoiceOption = { value: string; text: string };

/** A form of work in words: its name and what it means for the candidate. */
export type ArrangementWordsView = { name: string; explain: string };

/** What is missing for a near miss, and who can help. */
export type BlockerView = { text: string; help: string };

const isArrangement = (code: string): code is Arrangement => ARRANGEMENTS.some((a) => a === code);

/** Each form of work in words; an unknown code keeps its code and no explanation. */
export const arrangementWords = (codes: readonly string[]): ArrangementWordsView[] =>
  codes.map((a) => (isArrangement(a) ? ARRANGEMENT_WORDS[a] : { name: a, explain: '' }));

export const blockerView = (b: { code: BlockerCode; text: string }): BlockerView => ({
  text: b.text,
  help: BLOCKER_HELP[b.code],
});

import { field, type DtoFieldWords, type FormBody } from '@werkbrug/web';

/** The participatieladder form's answers, as they come back on a refusal. */
export const readLadderForm = (body: FormBody) => ({
  rung: field(body, 'rung'),
  measuredOn: field(body, 'measuredOn'),
  ladderNote: field(body, 'ladderNote'),
});
export type LadderForm = ReturnType<typeof readLadderForm>;

/** The form as CreateLadderMeasurementDto's plain input (rung a number, an empty note left out). */
export const ladderInput = (v: LadderForm) => ({
  rung: Number(v.rung),
  measuredOn: v.measuredOn,
  ...(v.ladderNote ? { note: v.ladderNote } : {}),
});

export const FUTURE_MEASUREMENT = 'De datum van de meting mag niet in de toekomst liggen';

export const LADDER_WORDS: DtoFieldWords = {
  rung: { field: 'rung', message: 'Kies op welke trede de kandidaat nu staat' },
  measuredOn: {
    field: 'measuredOn',
    message: 'Vul de datum van de meting in, bijvoorbeeld 20 november 2026',
  },
  note: { field: 'ladderNote', message: 'Maak de notitie korter (hoogstens 2000 tekens)' },
};

/** A contact moment as CreateCheckinDto's plain input (a long note is cut, as it always was). */
export const checkinInput = (candidateId: string, body: FormBody) => ({
  candidateId,
  contactOn: field(body, 'contactOn'),
  kind: field(body, 'kind'),
  note: field(body, 'note').slice(0, 4000) || undefined,
});

/** The contact form's answers, as they come back on a refusal. */
export const readCheckinForm = (body: FormBody) => ({
  contactOn: field(body, 'contactOn'),
  kind: field(body, 'kind'),
  note: field(body, 'note'),
});

export const FUTURE_CONTACT = 'De datum van het contact mag niet in de toekomst liggen';

export const CHECKIN_WORDS: DtoFieldWords = {
  contactOn: { field: 'contactOn', message: 'Vul de datum van het contact in' },
  kind: { field: 'kind', message: 'Kies het soort contact' },
  note: { field: 'note', message: 'Maak de notitie korter (hoogstens 4000 tekens)' },
};

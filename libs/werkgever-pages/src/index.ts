export * from './werkgever-pages.module';
export * from './workplace.form';
// The moments form and its partial, for the werkmakelaar offering moments on the employer's behalf.
export * from './meeting-moments.form';
export { employerMeetingSummary, type MeetingSummaryView } from './meeting.view';
export { amsterdamToIso } from './amsterdam-time';

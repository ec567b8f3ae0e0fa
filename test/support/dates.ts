import { addDays, mondayOf, today } from '@werkbrug/domain';

/**
 * Dates as the product sees them: the Dutch calendar. Between 23:00 and 00:00 UTC (22:00 in
 * summer) Amsterdam already has the next day, so a test that took UTC's date would be a day off.
 */
export const dutchToday = () => today();

/** The Dutch date n days from today (negative: ago). */
export const dutchDaysFromNow = (n: number) => addDays(today(), n);

/** The Monday `weeksAgo` weeks before this (Dutch) week's Monday. */
export const dutchMonday = (weeksAgo: number) => addDays(mondayOf(today()), -7 * weeksAgo);

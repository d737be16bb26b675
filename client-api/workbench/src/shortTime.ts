/**
 * A time in a list, as short as it can be told apart: the time alone today, the day and time earlier this year, the date
 * alone before that. In the viewer's zone unless one is given (tests pass one, so they hold in any zone).
 */
export function shortTime(at: Date, now: Date, locale: string, timeZone?: string): string {
    const calendar = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    const [atDay, today] = [calendar.format(at), calendar.format(now)];
    const options: Intl.DateTimeFormatOptions = atDay === today
        ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : atDay.slice(0, 4) === today.slice(0, 4)
            ? { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
            : { year: "numeric", month: "numeric", day: "numeric" };
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
}

package dev.log4jpool.layout;

/**
 * Proleptic Gregorian dates from and to a count of days since 1970-01-01, on {@code long}s only, so
 * that timestamp writers can take a second apart without {@code java.time} objects. The algorithms
 * are H. Hinnant's "chrono-compatible low-level date algorithms" (400-year eras of 146,097 days).
 * A date is returned packed in one {@code long}: {@link #year}, {@link #month} and {@link #day} read it.
 */
final class CivilDate {
    private CivilDate() {}

    /** The date {@code days} after 1970-01-01 (before it when negative), packed. */
    static long fromEpochDay(long days) {
        long z = days + 719_468; // days since 0000-03-01: the leap day ends a shifted year
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153; // 0 = March
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year << 9) | (month << 5) | day;
    }

    /** Days from 1970-01-01 to {@code year-month-day}. */
    static long toEpochDay(long year, int month, int day) {
        long shiftedYear = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(shiftedYear, 400);
        long yearOfEra = shiftedYear - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    static long year(long packed) {
        return packed >> 9;
    }

    static int month(long packed) {
        return (int) (packed >> 5) & 15;
    }

    static int day(long packed) {
        return (int) packed & 31;
    }
}

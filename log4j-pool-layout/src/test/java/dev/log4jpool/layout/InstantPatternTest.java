package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.core.util.internal.instant.InstantFormatter;
import org.apache.logging.log4j.core.util.internal.instant.InstantPatternFormatter;
import org.junit.jupiter.api.Test;

/**
 * {@link InstantPattern} against the formatter JsonTemplateLayout's {@code timestamp} resolver uses
 * (Log4j's {@code InstantPatternFormatter}), directly: every pattern letter and count Log4j reads,
 * quoting, literals, in zones with DST, half- and quarter-hour offsets and a 30-minute DST shift,
 * in locales with other month and day names and scripts (two per pattern and zone, in turn), over
 * instants from 1970 to 2100 and a few after 9999 (random, in steps within and across seconds, and
 * around each zone's transitions), with one writer cache per pattern as a writer keeps it.
 */
class InstantPatternTest {
    static final String[] PATTERNS = {
        TimestampResolvers.DEFAULT_PATTERN,
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX",
        "yyyy-MM-dd HH:mm:ss,SSS",
        "dd MMM yyyy HH:mm:ss.SSS",
        "EEEE d MMMM uuuu, h:mm:ss a z",
        "EEE, dd MMM yyyy HH:mm:ss Z",
        "yyyyMMdd'T'HHmmss.SSSSSSx",
        "HH:mm:ss.SSSSSS",
        "s.S ss.SSSSS SSSSSSSS",
        "yy-M-d H:m:s uu",
        "D DD DDD",
        "G GG GGG GGGG GGGGG y yyy yyyy yyyyy u uuu uuuuu",
        "Q QQ QQQ QQQQ QQQQQ q qq qqq qqqq qqqqq",
        "M MM MMM MMMM MMMMM L LL LLL LLLL LLLLL",
        "E EE EEE EEEE EEEEE",
        "h hh K KK k kk H HH m mm a",
        "B BBBB BBBBB",
        "A AAAAAAAAA n nnnnnnnnnnn N NNNNNNNNNNNNNNNNN",
        "VV v vvvv z zz zzz zzzz O OOOO",
        "X XX XXX XXXX XXXXX x xx xxx xxxx xxxxx Z ZZ ZZZ ZZZZ ZZZZZ",
        "Y YY YYYY w ww W e ee eee eeee c ccc cccc F g ggggggg",
        "'quoted ''text''' yyyy''MM '' ''''",
        "yyyy-MM-ddTHH:mm:ss.SSS",
        "p[yyyy]{ } # @ 1 \u00e9",
        "",
        "   ",
        "'at' HH 'o''clock' ss's'",
        "ssSSS mmss HHmm",
    };

    static final String[] ZONES = {
        "UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe",
        "Pacific/Chatham", "America/St_Johns", "Pacific/Kiritimati", "GMT+05:30", "Europe/Moscow",
    };

    static final String[] LOCALES = {"en_US", "fr_FR", "ru_RU", "ja_JP", "ar_EG", "de", "zh_CN", "th_TH_TH", "hi_IN"};

    @Test
    void everyPatternZoneAndLocaleFormatsAsLog4jDoes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int combination = 0;
        for (int p = 0; p < PATTERNS.length; p++) {
            String pattern = PATTERNS[p];
            // patterns with zone texts meet every zone; the others four of them, in turn
            boolean zoneTexts = pattern.matches(".*[VvzOXxZ].*");
            for (int z = 0; z < (zoneTexts ? ZONES.length : 4); z++) {
                String zoneId = ZONES[(zoneTexts ? z : p * 4 + z) % ZONES.length];
                TimeZone zone = TimeZone.getTimeZone(zoneId);
                long[] instants = instants(zone, pattern.hashCode() * 31L + zoneId.hashCode());
                // two locales per pattern and zone, in turn: every locale meets every pattern
                for (int i = 0; i < 2; i++) {
                    Locale locale = TimestampResolvers.locale(LOCALES[combination++ % LOCALES.length]);
                    compared += compare(pattern, zone, locale, instants, mismatches);
                }
            }
        }
        assertTrue(compared > 30_000, "compared " + compared);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches of " + compared + ", the first:\n" + String.join("\n", mismatches));
        }
    }

    /** Formats {@code instants} (epoch seconds and nanos, interleaved) both ways; returns how many. */
    private static int compare(String pattern, TimeZone zone, Locale locale, long[] instants, List<String> mismatches) {
        InstantFormatter log4j = InstantPatternFormatter.newBuilder().setPattern(pattern).setTimeZone(zone)
                .setLocale(locale).build();
        InstantPattern ours = InstantPattern.compile(pattern, locale, zone);
        InstantPattern.Cache cache = new InstantPattern.Caches().of(ours);
        MutableInstant instant = new MutableInstant();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < instants.length; i += 2) {
            instant.initFromEpochSecond(instants[i], (int) instants[i + 1]);
            expected.setLength(0);
            log4j.formatTo(expected, instant);
            String actual = ours.format(instants[i], (int) instants[i + 1], cache).toString();
            if (!expected.toString().equals(actual) && mismatches.size() < 30) {
                mismatches.add("\"" + pattern + "\" " + zone.getID() + " " + locale + " at " + java.time.Instant.ofEpochSecond(
                        instants[i], instants[i + 1]) + ": Log4j \"" + expected + "\", ours \"" + actual + "\"");
            }
        }
        return instants.length / 2;
    }

    /**
     * Epoch seconds and nanos: random ones from 1970 to 2100, each followed by a few small steps
     * (within the second, to the next second, minute, hour, day), and a few seconds around each
     * transition of the zone from 2020 to 2027. (Log4j's formatter remakes its formatters for
     * every new minute, some 80 µs: the count is kept small.)
     */
    static long[] instants(TimeZone zone, long seed) {
        Random random = new Random(seed);
        List<long[]> list = new ArrayList<>();
        long end = 4_102_444_800L; // 2100-01-01
        for (int i = 0; i < 12; i++) {
            long second = (long) (random.nextDouble() * end);
            int nanos = random.nextInt(1_000_000_000);
            list.add(new long[] {second, nanos});
            list.add(new long[] {second, (nanos + 1_234_567) % 1_000_000_000});
            long[] steps = {1, 59, 3_600, 86_400 - 7};
            for (long step : steps) {
                second += step;
                list.add(new long[] {second, random.nextInt(1_000_000_000)});
            }
        }
        for (long special : new long[] {0, 951_782_400L /* 2000-02-29 */, 946_684_799L, 946_684_800L, 4_102_444_799L,
            253_402_300_799L /* 9999-12-31T23:59:59Z */, 253_402_300_800L + 86_400L * 400 /* year 10001 */}) {
            list.add(new long[] {special, 0});
            list.add(new long[] {special, 999_999_999});
        }
        ZoneId zoneId = zone.toZoneId();
        java.time.Instant from = java.time.Instant.parse("2020-01-01T00:00:00Z");
        ZoneOffsetTransition transition = zoneId.getRules().nextTransition(from);
        while (transition != null && transition.getInstant().getEpochSecond() < 1_798_761_600L /* 2027 */) {
            long at = transition.getInstant().getEpochSecond();
            for (long delta : new long[] {-1, 0, 3_600}) {
                list.add(new long[] {at + delta, random.nextInt(1_000_000_000)});
            }
            transition = zoneId.getRules().nextTransition(transition.getInstant());
        }
        long[] flat = new long[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            flat[2 * i] = list.get(i)[0];
            flat[2 * i + 1] = list.get(i)[1];
        }
        return flat;
    }

    @Test
    void patternsLog4jRejectsAreRejected() {
        for (String pattern : new String[] {"yyyy 'open", "'", "sss", "SSSSSSSSSS", "ddd", "MMMMMM", "aa", "VVV", "cc",
            "HHH", "DDDD", "FF", "OO", "zzzzz", "XXXXXX", "BB", "nnnnnnnnnnnnnnnnnnnn", "WW", "www"}) {
            assertThrows(RuntimeException.class, () -> InstantPatternFormatter.newBuilder().setPattern(pattern)
                    .setTimeZone(TimeZone.getTimeZone("UTC")).setLocale(Locale.US).build(), "Log4j accepts " + pattern);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> InstantPattern.compile(pattern, Locale.US, TimeZone.getTimeZone("UTC")), pattern);
            assertTrue(error.getMessage().length() > 10, error.getMessage());
        }
    }

    @Test
    void theCacheServesEachPatternOfAWriterAndSurvivesMorePatternsThanSlots() {
        InstantPattern.Caches caches = new InstantPattern.Caches();
        List<InstantPattern> patterns = new ArrayList<>();
        for (int i = 0; i < InstantPattern.Caches.SLOTS + 3; i++) {
            patterns.add(InstantPattern.compile("'" + i + "' yyyy-MM-dd HH:mm:ss.SSS z", Locale.US,
                    TimeZone.getTimeZone(ZONES[i % ZONES.length])));
        }
        long second = EventCorpus.EPOCH_SECOND;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < patterns.size(); i++) {
                InstantPattern pattern = patterns.get(i);
                String text = pattern.format(second + round, 5_000_000, caches.of(pattern)).toString();
                StringBuilder expected = new StringBuilder();
                MutableInstant instant = new MutableInstant();
                instant.initFromEpochSecond(second + round, 5_000_000);
                InstantPatternFormatter.newBuilder().setPattern(pattern.pattern())
                        .setTimeZone(TimeZone.getTimeZone(ZONES[i % ZONES.length])).setLocale(Locale.US).build()
                        .formatTo(expected, instant);
                assertEquals(expected.toString(), text);
            }
        }
    }
}

package dev.log4jpool.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Matcher} per compiled {@link Pattern}, kept in an {@link EventScratch} so that matching
 * an event's text against a template's regex ({@code ndc}'s {@code pattern}) does not allocate a
 * matcher per event. Patterns are recognised by identity; a scratch may serve several layouts, so
 * the cache holds the last {@value #SIZE} patterns used and replaces the oldest beyond that.
 *
 * <p>A matcher holds its input: {@link #release} points it at the empty string after use, so the
 * scratch does not keep an event's text alive. Retained: {@value #SIZE} matchers (a few hundred
 * bytes each for patterns with few groups). Not thread-safe: used by whoever holds the scratch.
 */
final class MatcherCache {
    static final int SIZE = 8;

    private final Pattern[] patterns = new Pattern[SIZE];
    private final Matcher[] matchers = new Matcher[SIZE];
    /** Where the next new pattern goes: round robin. */
    private int next;
    /** Whether a matcher was handed out since the last {@link #clear}: most events use none. */
    private boolean used;

    /** A matcher of {@code pattern}, reset to {@code input}; hand it back with {@link #release}. */
    Matcher reset(Pattern pattern, CharSequence input) {
        used = true;
        for (int i = 0; i < SIZE; i++) {
            if (patterns[i] == pattern) {
                return matchers[i].reset(input);
            }
        }
        Matcher created = pattern.matcher(input);
        patterns[next] = pattern;
        matchers[next] = created;
        next = (next + 1) % SIZE;
        return created;
    }

    void release(Matcher matcher) {
        matcher.reset("");
    }

    /** Lets every matcher go of its text (at the end of an event). */
    void clear() {
        if (!used) {
            return;
        }
        used = false;
        for (Matcher matcher : matchers) {
            if (matcher != null) {
                matcher.reset("");
            }
        }
    }
}

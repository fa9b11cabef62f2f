package dev.log4jpool.layout;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JsonTemplateLayout's point-matcher truncation of a stringified stack trace
 * ({@code stackTrace.stringified.truncation}): the JDK's text is read in blocks, one per throwable,
 * each starting at a {@code Caused by: } or {@code Suppressed: } line (after its tabs); in each
 * block the text after the first truncation point is replaced by a line separator and the suffix.
 * The output is written as one JSON string, piece by piece, straight from the text.
 *
 * <p>To write the same text as JsonTemplateLayout 2.26.1, these rules are kept as it has them:
 * <ul>
 * <li>Each block is copied with its line separator, and each label is preceded by one more line
 * separator: an untruncated block is followed by an empty line.</li>
 * <li>A label is copied up to its {@code :}; the rest of its line belongs to the block after it.
 * A line inside a message that starts with a label starts a block too.</li>
 * <li>A point string is searched for in the block (and may end on the block's next char); the first
 * string whose first occurrence is past the text's very first char gives the point, just after
 * that occurrence.</li>
 * <li>A point regex is matched as {@code .*?REGEX(.*)} (dot matching newlines) against the whole
 * rest of the text, from the block's start to the end, not only the block: the point is where
 * the last group starts, which may lie in a later block (the text up to there is then copied,
 * and the later blocks follow again). The first regex that matches decides, even when its
 * point is at the block's start (no truncation then). Strings are tried before regexes.</li>
 * </ul>
 * One deliberate difference: JsonTemplateLayout takes a regex's point, found in the rest of the
 * text, as an index into the whole text; past the first block that copies the wrong text or throws
 * {@code IndexOutOfBoundsException} (the event is lost). Here the point is where the match is.
 *
 * <p>Immutable; per-event state (the matchers) lives in the {@link EventScratch}.
 */
final class StackTraceTruncation {
    private static final String LINE_SEPARATOR = System.lineSeparator();
    private static final String CAUSED_BY = "Caused by: ";
    private static final String SUPPRESSED = "Suppressed: ";

    private final String suffix;
    private final String[] pointStrings;
    /** Each point regex inside {@code .*?( … )(.*)}, compiled once. */
    private final Pattern[] pointRegexes;

    StackTraceTruncation(String suffix, List<String> pointStrings, List<String> pointRegexes) {
        this.suffix = suffix;
        this.pointStrings = pointStrings.toArray(new String[0]);
        this.pointRegexes = new Pattern[pointRegexes.size()];
        for (int i = 0; i < pointRegexes.size(); i++) {
            // As JsonTemplateLayout writes it, without a group around the regex: an alternation in it
            // then splits the whole expression, and that is what it matches.
            this.pointRegexes[i] = Pattern.compile(".*?" + pointRegexes.get(i) + "(.*)", Pattern.DOTALL);
        }
    }

    /** Writes {@code text}, truncated, as one JSON string (cut at {@code maxStringLength} as a whole). */
    void write(StringBuilder text, JsonWriter out, EventScratch scratch) {
        out.beginString();
        int start = 0;
        while (true) {
            int label = nextLabel(text, start);
            int end = label >= 0 ? label : text.length();
            int point = truncationPoint(text, start, end, scratch);
            if (point >= 0) {
                out.part(text, start, point);
                out.part(LINE_SEPARATOR);
                out.part(suffix);
            } else {
                out.part(text, start, end);
            }
            if (label < 0) {
                break;
            }
            out.part(LINE_SEPARATOR);
            int colon = label;
            while (text.charAt(colon) != ':') { // there is one: the label was found
                colon++;
            }
            out.part(text, label, colon + 1);
            start = colon + 1;
        }
        out.endString();
    }

    /** Where the first line after {@code start} that is a label begins (its tabs included), or -1. */
    private static int nextLabel(CharSequence text, int start) {
        int length = text.length();
        int i = start;
        while (i < length) {
            int lineStart = nextLineStart(text, i);
            if (lineStart < 0) {
                return -1;
            }
            i = lineStart;
            while (i < length && text.charAt(i) == '\t') {
                i++;
            }
            // The label must be followed by at least one char, as JsonTemplateLayout checks it.
            if (i < length - CAUSED_BY.length() && startsWith(text, i, CAUSED_BY)
                    || i < length - SUPPRESSED.length() && startsWith(text, i, SUPPRESSED)) {
                return lineStart;
            }
        }
        return -1;
    }

    /** The index after the first {@code \n} at or after {@code from} that is not the text's last char, or -1. */
    private static int nextLineStart(CharSequence text, int from) {
        int last = text.length() - 1;
        for (int i = from; i < last; i++) {
            if (text.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where the block {@code [start, end)} is cut (the text before it is kept), or -1 when it is kept whole. */
    private int truncationPoint(StringBuilder text, int start, int end, EventScratch scratch) {
        for (String point : pointStrings) {
            int at = indexIn(text, point, start, end);
            if (at > 0) { // a match at the text's first char does not count, as in JsonTemplateLayout
                return at + point.length();
            }
        }
        if (pointRegexes.length == 0) {
            return -1;
        }
        CharSequence rest = start == 0 ? text : scratch.textWindow(text, start);
        for (Pattern regex : pointRegexes) {
            Matcher matcher = scratch.matchers.reset(regex, rest);
            if (matcher.matches()) {
                int at = matcher.start(matcher.groupCount());
                return at > 0 ? start + at : -1;
            }
        }
        return -1;
    }

    /**
     * The first index in {@code [start, end]} where {@code point} occurs, or -1. A match may end on
     * the char at {@code end} (the next block's first), as in JsonTemplateLayout; not past the text.
     */
    private static int indexIn(CharSequence text, String point, int start, int end) {
        int length = text.length();
        int last = end - point.length() + 1;
        for (int i = start; i <= last; i++) {
            int k = 0;
            while (k < point.length() && i + k < length && text.charAt(i + k) == point.charAt(k)) {
                k++;
            }
            if (k == point.length()) {
                return i;
            }
        }
        return -1;
    }
}

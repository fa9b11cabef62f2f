package dev.log4jpool.layout;

/**
 * The last string a field wrote and its JSON text, so that a value that repeats from event to event
 * (a logger's or a thread's name: the same String instance every time) is copied instead of escaped
 * again. Recognised by identity, and only for the layout settings it was escaped with. Grows to the
 * longest value seen up to {@value #MAX_CHARS} chars; one per field per {@link EventScratch}.
 */
final class EscapedStringCache {
    private String value;
    private LayoutSettings settings;
    private char[] json = new char[64];
    private int length;

    boolean holds(String candidate, LayoutSettings current) {
        return candidate == value && settings == current;
    }

    char[] json() {
        return json;
    }

    int length() {
        return length;
    }

    /** Longest JSON text kept, in chars: a name longer than this is escaped every time instead. */
    static final int MAX_CHARS = 1024;

    void remember(String newValue, LayoutSettings current, char[] source, int start, int end) {
        int count = end - start;
        if (count > MAX_CHARS) {
            value = null; // not cached: keeps the retained array at 2 KiB at most
            return;
        }
        if (count > json.length) {
            json = new char[Math.max(count, json.length * 2)];
        }
        System.arraycopy(source, start, json, 0, count);
        length = count;
        value = newValue;
        settings = current;
    }
}

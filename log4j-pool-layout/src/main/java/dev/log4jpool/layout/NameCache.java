package dev.log4jpool.layout;

/**
 * The written text of the run-time member names a thread writes again and again: context keys,
 * map keys, structured field names are the same String instances from event to event. A name found
 * here is copied instead of escaped, and claimed with its hash and its reserved-name check done
 * once (see {@link KeyRegistry#claimPrepared}).
 *
 * <p>Two-way set-associative by the key's hash (two keys of one set do not evict each other, as
 * they would in a direct-mapped table: measured with GELF's five context keys, two of which shared a
 * slot and missed on every event); an entry is recognised by the identity of its key, its prefix
 * (or none), the layout settings it was escaped with and the reserved names it was checked against,
 * so it is never used for text it was not made from. Only names written whole (not cut at
 * {@code maxStringLength}) of at most {@value #MAX_CHARS} chars are kept. <b>Retained memory</b>:
 * {@value #SLOTS} slots, each with one array of {@value #MAX_CHARS} chars made on its first use and
 * reused after, so keys that evict each other allocate nothing: at most 8 KiB of chars and about
 * 2 KiB of tables per {@link EventScratch}.
 */
final class NameCache {
    static final int SLOTS = 64;
    static final int MAX_CHARS = 64;

    private final String[] keys = new String[SLOTS];
    private final String[] prefixes = new String[SLOTS];
    private final LayoutSettings[] settings = new LayoutSettings[SLOTS];
    private final ReservedKeys[] reserved = new ReservedKeys[SLOTS];
    private final char[][] texts = new char[SLOTS][];
    private final int[] lengths = new int[SLOTS];
    /** The hash {@link KeyRegistry} computes of the written text. */
    private final int[] hashes = new int[SLOTS];
    /** Whether the text as written (no {@code _} prefixed) is not one of {@link #reserved}'s names. */
    private final boolean[] unreserved = new boolean[SLOTS];

    /** Per set of two slots: the one used last, so that a new name replaces the other. */
    private final boolean[] secondUsedLast = new boolean[SLOTS / 2];

    /** The first of the two slots of the name's set. */
    static int setOf(String prefix, String key) {
        int hash = prefix == null ? key.hashCode() : key.hashCode() * 31 + prefix.hashCode();
        return (KeyRegistry.mix(hash) & (SLOTS / 2 - 1)) * 2;
    }

    /** The slot holding the name {@code prefix + key} as written with these settings, or -1. */
    int find(String prefix, String key, LayoutSettings current, ReservedKeys names) {
        int first = setOf(prefix, key);
        if (holds(first, prefix, key, current, names)) {
            secondUsedLast[first >> 1] = false;
            return first;
        }
        if (holds(first + 1, prefix, key, current, names)) {
            secondUsedLast[first >> 1] = true;
            return first + 1;
        }
        return -1;
    }

    private boolean holds(int slot, String prefix, String key, LayoutSettings current, ReservedKeys names) {
        return keys[slot] == key && prefixes[slot] == prefix && settings[slot] == current && reserved[slot] == names;
    }

    char[] text(int slot) {
        return texts[slot];
    }

    int length(int slot) {
        return lengths[slot];
    }

    int hash(int slot) {
        return hashes[slot];
    }

    boolean unreserved(int slot) {
        return unreserved[slot];
    }

    /**
     * Keeps {@code chars[start, end)}, the name {@code prefix + key} as just written whole (escaped,
     * not cut), unless it is longer than {@value #MAX_CHARS} chars.
     */
    void remember(String prefix, String key, LayoutSettings current, ReservedKeys names, char[] chars, int start, int end) {
        int length = end - start;
        if (length > MAX_CHARS) {
            return;
        }
        int first = setOf(prefix, key);
        int slot = secondUsedLast[first >> 1] ? first : first + 1;
        secondUsedLast[first >> 1] = slot != first;
        if (texts[slot] == null) {
            texts[slot] = new char[MAX_CHARS];
        }
        System.arraycopy(chars, start, texts[slot], 0, length);
        int hash = KeyRegistry.hash(chars, start, end);
        keys[slot] = key;
        prefixes[slot] = prefix;
        settings[slot] = current;
        reserved[slot] = names;
        lengths[slot] = length;
        hashes[slot] = hash;
        unreserved[slot] = !names.contains(0, chars, start, length, hash);
    }
}

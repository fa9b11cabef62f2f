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
 * {@value #SLOTS} slots, each with one entry of {@value #MAX_CHARS} chars made on its first use and
 * reused after, so keys that evict each other allocate nothing: about 12 KiB per
 * {@link EventScratch} (8 KiB of chars, the entries and their arrays' headers). An entry keeps its
 * key, prefix, settings and reserved names reachable until it is replaced: small objects, also after
 * a reconfiguration.
 */
final class NameCache {
    static final int SLOTS = 64;
    static final int MAX_CHARS = 64;

    /** One name as written; made on the first use of its slot and overwritten after. */
    static final class Entry {
        private String key;
        private String prefix;
        private LayoutSettings settings;
        private ReservedKeys reserved;
        final char[] text = new char[MAX_CHARS];
        int length;
        /** The hash {@link KeyRegistry} computes of the written text. */
        int hash;
        /** Whether the text as written (no {@code _} prefixed) is not one of {@link #reserved}'s names. */
        boolean unreserved;

        private boolean holds(String candidatePrefix, String candidateKey, LayoutSettings current, ReservedKeys names) {
            return key == candidateKey && prefix == candidatePrefix && settings == current && reserved == names;
        }
    }

    private final Entry[] entries = new Entry[SLOTS];
    /** Per set of two slots: whether the second was used last, so that a new name replaces the first. */
    private final boolean[] secondUsedLast = new boolean[SLOTS / 2];

    /** The first of the two slots of the name's set. */
    static int setOf(String prefix, String key) {
        int hash = prefix == null ? key.hashCode() : key.hashCode() * 31 + prefix.hashCode();
        return (KeyRegistry.mix(hash) & (SLOTS / 2 - 1)) * 2;
    }

    /** The name {@code prefix + key} as written with these settings into an object with these reserved names, or {@code null}. */
    Entry find(String prefix, String key, LayoutSettings current, ReservedKeys names) {
        int first = setOf(prefix, key);
        Entry entry = entries[first];
        if (entry != null && entry.holds(prefix, key, current, names)) {
            secondUsedLast[first >> 1] = false;
            return entry;
        }
        entry = entries[first + 1];
        if (entry != null && entry.holds(prefix, key, current, names)) {
            secondUsedLast[first >> 1] = true;
            return entry;
        }
        return null;
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
        Entry entry = entries[slot];
        if (entry == null) {
            entry = new Entry();
            entries[slot] = entry;
        }
        System.arraycopy(chars, start, entry.text, 0, length);
        entry.key = key;
        entry.prefix = prefix;
        entry.settings = current;
        entry.reserved = names;
        entry.length = length;
        entry.hash = KeyRegistry.hash(chars, start, end);
        entry.unreserved = !names.contains(0, chars, start, length, entry.hash);
    }
}

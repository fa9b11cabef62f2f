package dev.log4jpool.layout;

/**
 * The member names of the JSON object being written, so that none is written twice.
 *
 * <p>A name is {@code prefix} underscores followed by a key: {@link #claim} returns the smallest
 * {@code prefix} for which the name is neither reserved (a configured base or additional field) nor
 * already claimed in this object. Names are compared and hashed as that virtual concatenation, so
 * claiming allocates nothing (a {@code String}'s hash is cached; the table grows to the most keys an
 * event had, then stays). Keys are {@code String}s or any other text that stays unchanged until the
 * next {@link #begin} (the keys of a structured message's text, see {@link StructuredText}).
 */
final class KeyRegistry {
    private ReservedKeys reserved = ReservedKeys.NONE;
    private CharSequence[] keys = new CharSequence[32];
    private int[] prefixes = new int[32];
    private int[] hashes = new int[32];
    /** Slots in use, so that {@link #begin} clears only those. */
    private int[] used = new int[16];
    private int usedCount;

    /** Forgets the previous object's names; {@code reservedKeys} are taken from the start. */
    void begin(ReservedKeys reservedKeys) {
        for (int i = 0; i < usedCount; i++) {
            keys[used[i]] = null;
        }
        usedCount = 0;
        reserved = reservedKeys;
    }

    /** Claims the first free name among {@code key}, {@code _key}, {@code __key}, …; returns its prefix. */
    int claim(CharSequence key) {
        for (int prefix = 0; ; prefix++) {
            int hash = hash(prefix, key);
            if (!reserved.contains(prefix, key, hash) && add(prefix, key, hash)) {
                return prefix;
            }
        }
    }

    /** Adds the name unless present; {@code false} when it was. */
    private boolean add(int prefix, CharSequence key, int hash) {
        if ((usedCount + 1) * 2 > keys.length) {
            rehash();
        }
        int mask = keys.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            CharSequence present = keys[slot];
            if (present == null) {
                keys[slot] = key;
                prefixes[slot] = prefix;
                hashes[slot] = hash;
                if (usedCount == used.length) {
                    used = java.util.Arrays.copyOf(used, used.length * 2);
                }
                used[usedCount++] = slot;
                return true;
            }
            if (hashes[slot] == hash && sameName(prefixes[slot], present, prefix, key)) {
                return false;
            }
        }
    }

    private void rehash() {
        CharSequence[] oldKeys = keys;
        int[] oldPrefixes = prefixes;
        int[] oldHashes = hashes;
        int[] oldUsed = used;
        int oldCount = usedCount;
        keys = new CharSequence[oldKeys.length * 2];
        prefixes = new int[keys.length];
        hashes = new int[keys.length];
        used = new int[Math.max(16, oldUsed.length)];
        usedCount = 0;
        for (int i = 0; i < oldCount; i++) {
            int slot = oldUsed[i];
            add(oldPrefixes[slot], oldKeys[slot], oldHashes[slot]);
        }
    }

    /** The hash {@code String.hashCode()} would give the name. */
    static int hash(int prefix, CharSequence key) {
        if (prefix == 0 && key instanceof String) {
            return key.hashCode();
        }
        int hash = 0;
        for (int i = 0; i < prefix; i++) {
            hash = 31 * hash + '_';
        }
        for (int i = 0; i < key.length(); i++) {
            hash = 31 * hash + key.charAt(i);
        }
        return hash;
    }

    static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Whether {@code "_" * prefixA + keyA} equals {@code "_" * prefixB + keyB}. */
    static boolean sameName(int prefixA, CharSequence keyA, int prefixB, CharSequence keyB) {
        if (prefixA == prefixB && keyA instanceof String && keyB instanceof String) {
            return keyA.equals(keyB);
        }
        int length = prefixA + keyA.length();
        if (length != prefixB + keyB.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char a = i < prefixA ? '_' : keyA.charAt(i - prefixA);
            char b = i < prefixB ? '_' : keyB.charAt(i - prefixB);
            if (a != b) {
                return false;
            }
        }
        return true;
    }
}

package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import java.util.Arrays;

/**
 * The member names of one JSON object, as written, so that none is written twice.
 *
 * <p>A run-time key is first written to the output the way it will stay (escaped, lone surrogates
 * replaced, cut at {@code maxStringLength} with the truncation marker), and only then claimed:
 * {@link #claim} compares that text, so two keys that differ before sanitising or cutting but are
 * written the same ({@code "k\uD800"} and {@code "k\uDC00"}, two long keys with the same first
 * 16,384 chars) are told apart by the rule, not by their source. Escaping is one fixed text per
 * char, so two names are the same JSON string exactly when their escaped texts are equal.
 * A name already taken (by a configured name, see {@link ReservedKeys}, or an earlier key of this
 * object) gets {@code _} prefixed until it is free.
 *
 * <p>Names are held as offsets into the output buffer, so claiming copies nothing and allocates
 * nothing once the table has grown to the most keys an object had. {@link #forgetFrom} forgets the
 * names written after a position, for a member that is undone; names are removed last-in first-out,
 * which keeps linear probing correct (a later name never probed past an earlier one's slot while
 * it was empty).
 */
final class KeyRegistry {
    private ReservedKeys reserved = ReservedKeys.NONE;
    /** Open addressing: 0 is empty, else the index of a name + 1. */
    private int[] table = new int[32];
    /** Per name, in claim order: where it starts in the buffer, its length, its hash, its table slot. */
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int[] hashes = new int[16];
    private int[] slots = new int[16];
    private int count;

    /** Table slots kept from one object to the next at most: an event with thousands of keys does not pin its table. */
    static final int MAX_RETAINED_SLOTS = 1024;

    /**
     * Forgets the previous object's names; {@code reservedKeys} (escaped) are taken from the start.
     * Tables grown past {@value #MAX_RETAINED_SLOTS} slots are replaced (retained: at most 4 KiB of
     * table and 8 KiB of name arrays).
     */
    void begin(ReservedKeys reservedKeys) {
        rollback(0);
        reserved = reservedKeys;
        if (table.length > MAX_RETAINED_SLOTS) {
            table = new int[32];
            starts = new int[16];
            lengths = new int[16];
            hashes = new int[16];
            slots = new int[16];
        }
    }

    /**
     * Forgets the names written at or after {@code position} in the buffer (those of a member that
     * is undone): names are claimed in the order they are written, so they are the newest ones.
     */
    void forgetFrom(int position) {
        int mark = count;
        while (mark > 0 && starts[mark - 1] >= position) {
            mark--;
        }
        rollback(mark);
    }

    /** Forgets the names claimed after the first {@code mark}, newest first. */
    private void rollback(int mark) {
        for (int i = count - 1; i >= mark; i--) {
            table[slots[i]] = 0;
        }
        count = Math.min(count, mark);
    }

    /**
     * Claims the name written in {@code out} from {@code start} to its end (escaped, without quotes):
     * when it is taken, prefixes {@code _} in place, as often as needed. Returns how many.
     */
    int claim(TextBuffer out, int start) {
        return claimFrom(out, start, hash(out.array(), start, out.length()));
    }

    /**
     * {@link #claim} for a name whose {@link #hash} is known and which, written without {@code _},
     * is known to be reserved or not ({@link NameCache}): a name free in this object is taken
     * without hashing or looking it up among the reserved names again.
     */
    int claimPrepared(TextBuffer out, int start, int keyHash, boolean unreserved) {
        int length = out.length() - start;
        if (unreserved && find(0, out.array(), start, length, keyHash) < 0) {
            add(start, length, keyHash);
            return 0;
        }
        return claimFrom(out, start, keyHash);
    }

    /** The hash of {@code chars[start, end)} that names are looked up by (String's). */
    static int hash(char[] chars, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash;
    }

    ReservedKeys reserved() {
        return reserved;
    }

    private int claimFrom(TextBuffer out, int start, int keyHash) {
        char[] chars = out.array();
        int length = out.length() - start;
        int power = 1; // 31^length, to hash a prefix before the key without reading the key again
        for (int i = 0; i < length; i++) {
            power *= 31;
        }
        int prefix = 0;
        int prefixHash = 0;
        while (true) {
            int hash = prefixHash * power + keyHash;
            if (!reserved.contains(prefix, chars, start, length, hash) && find(prefix, chars, start, length, hash) < 0) {
                if (prefix > 0) {
                    out.ensureCapacityFor(prefix);
                    chars = out.array();
                    System.arraycopy(chars, start, chars, start + prefix, length);
                    Arrays.fill(chars, start, start + prefix, '_');
                    out.setLength(start + prefix + length);
                }
                add(start, prefix + length, hash);
                return prefix;
            }
            prefix++;
            prefixHash = 31 * prefixHash + '_';
        }
    }

    /** The slot of {@code "_" * prefix + chars[start, start + length)}, or -1. */
    private int find(int prefix, char[] chars, int start, int length, int hash) {
        int mask = table.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            if (hashes[entry] == hash && lengths[entry] == prefix + length
                    && sameName(chars, starts[entry], prefix, chars, start, length)) {
                return slot;
            }
        }
    }

    private void add(int start, int length, int hash) {
        if ((count + 1) * 2 > table.length) {
            table = new int[table.length * 2];
            for (int i = 0; i < count; i++) {
                slots[i] = freeSlot(hashes[i]);
                table[slots[i]] = i + 1;
            }
        }
        if (count == starts.length) {
            int capacity = count * 2;
            starts = Arrays.copyOf(starts, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            slots = Arrays.copyOf(slots, capacity);
        }
        int slot = freeSlot(hash);
        starts[count] = start;
        lengths[count] = length;
        hashes[count] = hash;
        slots[count] = slot;
        table[slot] = ++count;
    }

    private int freeSlot(int hash) {
        int mask = table.length - 1;
        int slot = mix(hash) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * Whether {@code name[nameStart, …)} (of length {@code prefix + length}) is {@code "_" * prefix}
     * followed by {@code key[keyStart, keyStart + length)}.
     */
    static boolean sameName(char[] name, int nameStart, int prefix, char[] key, int keyStart, int length) {
        for (int i = 0; i < prefix; i++) {
            if (name[nameStart + i] != '_') {
                return false;
            }
        }
        return Arrays.equals(name, nameStart + prefix, nameStart + prefix + length, key, keyStart, keyStart + length);
    }
}

package dev.log4jpool.layout;

import java.util.Collection;

/**
 * The member names a layout's configuration writes itself (base fields, additional fields, the
 * nested context key), escaped as they are written: a run-time key written the same is renamed
 * (see {@link KeyRegistry}). Immutable; an open-addressing table, so that a lookup of a virtual name
 * ({@code "_" * prefix + key}) allocates nothing.
 */
final class ReservedKeys {
    static final ReservedKeys NONE = new ReservedKeys(java.util.List.of());

    private final char[][] table;
    private final int[] hashes;

    /** {@code escapedNames}: each as the layout writes it between the quotes. */
    ReservedKeys(Collection<String> escapedNames) {
        int capacity = Integer.highestOneBit(Math.max(4, escapedNames.size() * 4 - 1)) << 1;
        table = new char[capacity][];
        hashes = new int[capacity];
        int mask = capacity - 1;
        for (String name : escapedNames) {
            int slot = KeyRegistry.mix(name.hashCode()) & mask;
            while (table[slot] != null && !name.contentEquals(java.nio.CharBuffer.wrap(table[slot]))) {
                slot = (slot + 1) & mask;
            }
            table[slot] = name.toCharArray();
            hashes[slot] = name.hashCode(); // String's hash is the one KeyRegistry computes
        }
    }

    /** Whether {@code "_" * prefix + chars[start, start + length)}, whose hash is {@code hash}, is reserved. */
    boolean contains(int prefix, char[] chars, int start, int length, int hash) {
        int mask = table.length - 1;
        for (int slot = KeyRegistry.mix(hash) & mask; ; slot = (slot + 1) & mask) {
            char[] present = table[slot];
            if (present == null) {
                return false;
            }
            if (hashes[slot] == hash && present.length == prefix + length
                    && KeyRegistry.sameName(present, 0, prefix, chars, start, length)) {
                return true;
            }
        }
    }
}

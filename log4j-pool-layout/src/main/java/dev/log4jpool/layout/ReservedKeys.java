package dev.log4jpool.layout;

import java.util.Collection;

/**
 * The member names a layout's configuration writes itself (base fields, additional fields, the
 * nested context key): a run-time key equal to one of them is renamed (see {@link KeyRegistry}).
 * Immutable; an open-addressing table so that a lookup of a virtual name allocates nothing.
 */
final class ReservedKeys {
    static final ReservedKeys NONE = new ReservedKeys(java.util.List.of());

    private final String[] table;

    ReservedKeys(Collection<String> names) {
        int capacity = Integer.highestOneBit(Math.max(4, names.size() * 4 - 1)) << 1;
        table = new String[capacity];
        for (String name : names) {
            int mask = capacity - 1;
            int slot = KeyRegistry.mix(name.hashCode()) & mask;
            while (table[slot] != null && !table[slot].equals(name)) {
                slot = (slot + 1) & mask;
            }
            table[slot] = name;
        }
    }

    boolean contains(int prefix, CharSequence key, int hash) {
        int mask = table.length - 1;
        for (int slot = KeyRegistry.mix(hash) & mask; ; slot = (slot + 1) & mask) {
            String present = table[slot];
            if (present == null) {
                return false;
            }
            if (present.hashCode() == hash && KeyRegistry.sameName(0, present, prefix, key)) {
                return true;
            }
        }
    }
}

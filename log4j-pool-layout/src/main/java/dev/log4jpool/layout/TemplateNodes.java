package dev.log4jpool.layout;

/**
 * The structure of a compiled template: objects, arrays and literal values. Resolvers are the
 * other {@link TemplateNode}s; these hold them together.
 */
final class TemplateNodes {
    private TemplateNodes() {
    }

    /** A JSON value fixed at configuration (a string, number, boolean or {@code null}), already escaped. */
    static final class Literal<V> extends TemplateNode<V> {
        private final char[] json;

        Literal(char[] json) {
            this.json = json;
        }

        @Override
        public void write(V source, JsonWriter out, EventScratch scratch) {
            out.raw(json);
        }
    }

    /**
     * An object of members, written in template order. A member whose value is not present for the
     * source is left out; a flattening member writes its own members in its place. The configured
     * names are reserved: a run-time key (flattened context) equal to one is renamed with {@code _}
     * (see {@link KeyRegistry}), so no key repeats. A member that fails costs only itself: it is
     * written as a {@code log4jpool_error} member with the failure, and reported.
     */
    static final class ObjectNode<V> extends TemplateNode<V> {
        /** {@code "name":}, escaped; {@code null} for a flattening member. */
        private final char[][] names;
        private final TemplateNode<V>[] values;
        /** Per member: whether its node can be absent, so that only those are asked {@code isPresent}. */
        private final boolean[] conditional;
        /** Per member: whether its value is a literal, written as part of its name ({@code "name":value}). */
        private final boolean[] literal;
        private final boolean hasUnconditionalMember;
        private final ReservedKeys reserved;
        /** The distinct guards of the members (at most 32, one bit each per event), and per member its index or -1. */
        private final PresenceGuard<V>[] guards;
        private final int[] guardOf;
        /** The guard of every member, when they all have the same one (an object of exception members); else {@code null}. */
        private final PresenceGuard<V> commonGuard;

        @SuppressWarnings("unchecked")
        ObjectNode(char[][] names, TemplateNode<V>[] values, ReservedKeys reserved) {
            this.names = names;
            this.values = values;
            this.reserved = reserved;
            this.conditional = new boolean[values.length];
            this.literal = new boolean[values.length];
            this.guardOf = new int[values.length];
            java.util.List<PresenceGuard<V>> distinct = new java.util.ArrayList<>();
            boolean unconditional = false;
            for (int i = 0; i < values.length; i++) {
                conditional[i] = mayBeAbsent(values[i]);
                unconditional |= !conditional[i];
                if (values[i] instanceof Literal && names[i] != null) {
                    char[] value = ((Literal<V>) values[i]).json;
                    char[] member = java.util.Arrays.copyOf(names[i], names[i].length + value.length);
                    System.arraycopy(value, 0, member, names[i].length, value.length);
                    names[i] = member; // the caller's array: the compiler made it for this node
                    literal[i] = true;
                }
                PresenceGuard<V> guard = conditional[i] ? values[i].presenceGuard() : null;
                int index = guard == null ? -1 : distinct.indexOf(guard);
                if (guard != null && index < 0 && distinct.size() < Integer.SIZE) {
                    index = distinct.size();
                    distinct.add(guard);
                }
                guardOf[i] = index;
            }
            this.hasUnconditionalMember = unconditional;
            this.guards = distinct.toArray(new PresenceGuard[0]);
            boolean shared = !unconditional && guards.length == 1;
            for (int index : guardOf) {
                shared &= index == 0;
            }
            this.commonGuard = shared ? guards[0] : null;
        }

        /**
         * Without the guard all members share, none is present, so neither is this object: the
         * enclosing object then skips it with the guard it asks once, instead of asking this object,
         * which asks each member (JsonLayout's {@code thrown} on every event without a throwable).
         */
        @Override
        PresenceGuard<V> presenceGuard() {
            return commonGuard;
        }

        /**
         * Whether the node's class answers {@code isPresent} itself (otherwise it is always present).
         * Asked once per template, so that the per-event loop makes one virtual call per member
         * instead of two for the many members that are always there (timestamps, levels, names).
         */
        private static boolean mayBeAbsent(TemplateNode<?> node) {
            for (Class<?> type = node.getClass(); type != TemplateNode.class; type = type.getSuperclass()) {
                for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                    if (method.getName().equals("isPresent")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Present when any member is (JsonTemplateLayout leaves out an object none of whose members resolve). */
        @Override
        public boolean isPresent(V source) {
            if (hasUnconditionalMember) {
                return true;
            }
            for (TemplateNode<V> value : values) {
                if (value.isPresent(source)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isPresent(V source, EventScratch scratch) {
            if (hasUnconditionalMember) {
                return true;
            }
            for (TemplateNode<V> value : values) {
                if (value.isPresent(source, scratch)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void write(V source, JsonWriter out, EventScratch scratch) {
            out.openObject(reserved);
            int guardsAsked = 0;
            int guardsFailed = 0;
            for (int i = 0; i < values.length; i++) {
                int guard = guardOf[i];
                if (guard >= 0) {
                    int bit = 1 << guard;
                    if ((guardsAsked & bit) == 0) {
                        guardsAsked |= bit;
                        guardsFailed |= holds(guards[guard], source) ? 0 : bit;
                    }
                    if ((guardsFailed & bit) != 0) {
                        continue;
                    }
                }
                if (literal[i]) {
                    out.name(names[i]);
                    continue;
                }
                TemplateNode<V> value = values[i];
                long checkpoint = out.checkpoint();
                try {
                    if (conditional[i] && !value.isPresent(source, scratch)) {
                        continue;
                    }
                    if (names[i] != null) {
                        out.name(names[i]);
                    }
                    value.write(source, out, scratch);
                } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: hostile objects
                    // A bug or a hostile object must cost one member, not the event.
                    out.rollback(checkpoint);
                    String part = FailureReporter.nameOf(value);
                    out.dynamicName("log4jpool_error");
                    out.stringValue(part + " failed: " + SafeText.toString(failure));
                    out.settings().failures.report(part, scratch.event, failure);
                }
            }
            out.closeObject();
        }

        /** A guard that throws rules nothing out: the members then ask (and report) for themselves. */
        private static <V> boolean holds(PresenceGuard<V> guard, V source) {
            try {
                return guard.holds(source);
            } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: hostile objects
                return true;
            }
        }
    }

    /**
     * An array of values in template order. Every element is written, present or not, as
     * JsonTemplateLayout does: a resolver with nothing to say writes {@code null}.
     */
    static final class ArrayNode<V> extends TemplateNode<V> {
        private final TemplateNode<V>[] elements;

        ArrayNode(TemplateNode<V>[] elements) {
            this.elements = elements;
        }

        @Override
        public void write(V source, JsonWriter out, EventScratch scratch) {
            out.open('[');
            for (TemplateNode<V> element : elements) {
                out.comma();
                long checkpoint = out.checkpoint();
                try {
                    element.write(source, out, scratch);
                } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: hostile objects
                    out.rollback(checkpoint);
                    String part = FailureReporter.nameOf(element);
                    out.stringValue("[" + part + " failed: " + SafeText.toString(failure) + "]");
                    out.settings().failures.report(part, scratch.event, failure);
                }
            }
            out.close(']');
        }
    }
}

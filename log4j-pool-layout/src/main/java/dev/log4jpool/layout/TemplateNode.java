package dev.log4jpool.layout;

/**
 * A compiled part of a template: writes one JSON value taken from a source ({@code LogEvent} for
 * event templates, {@code StackTraceElement} for stack-trace element templates). A template is
 * compiled once into a tree of these ({@link TemplateCompiler}); each event walks the tree. A
 * <em>flattening</em> node writes members into the enclosing object instead of a value (a context
 * map with {@code "flatten": true}, the members of today's schema). Implementations are immutable
 * and thread-safe; per-event state lives in the {@link EventScratch}.
 */
abstract class TemplateNode<V> {
    // An abstract class rather than an interface: objects call their members' nodes through a
    // megamorphic call site on every event, and a virtual call costs less there than an interface
    // call (the interface's itable stub took 15 % of the time of an ECS event in a profile).

    /** Writes the value (or, when flattening, the members, each named with {@link JsonWriter#dynamicName}). */
    abstract void write(V source, JsonWriter out, EventScratch scratch);

    /**
     * Whether this source has something here; {@code false} leaves the member out of its object (an
     * event without a throwable has no {@code error.type}). JsonTemplateLayout's {@code isResolvable(value)}.
     */
    boolean isPresent(V source) {
        return true;
    }

    /**
     * {@link #isPresent(Object)} for a node whose answer depends on what the scratch has read of this
     * event (the {@code structured} resolver: whether the message's text was taken apart, and into how
     * many fields). Object nodes ask this one; by default it is {@link #isPresent(Object)}.
     */
    boolean isPresent(V source, EventScratch scratch) {
        return isPresent(source);
    }

    /**
     * What must hold for this node to be present at all, or {@code null}: see {@link PresenceGuard}.
     * Only nodes that answer {@link #isPresent} name one, and its failing must mean {@code isPresent}
     * would say {@code false}.
     */
    PresenceGuard<V> presenceGuard() {
        return null;
    }

    /** Whether {@link #write} writes members into the enclosing object rather than a value. */
    boolean isFlattening() {
        return false;
    }
}

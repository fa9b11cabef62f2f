package dev.log4jpool.buffer;

import dev.log4jpool.internal.BoundedRing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.util.Constants;

/**
 * Hands out {@link TextBuffer}s from three tiers and takes them back, so that formatting a log
 * event allocates nothing in steady state.
 *
 * <p><b>Memory bound.</b> A free buffer is at most {@code maxRetainedSize} chars (a larger one is
 * shrunk back to {@code bufferSize} on release), and the pool keeps free buffers only in the ring
 * and in thread slots. So it retains at most
 * <pre>
 *   (ring capacity + T) × (maxRetainedSize × 2 B + A)
 * </pre>
 * where T counts the platform threads that used the pool and are alive, <em>plus</em> those that
 * died since the registry last looked (a dead thread's slot, with its buffer, is let go the next
 * time a thread registers with this pool or someone reads {@link #stats()}; until then the registry
 * keeps it reachable), and A is what a user of the buffer attaches to it ({@link TextBuffer#setAttachment}):
 * PooledJsonLayout's per-buffer scratch, at most about 203 KiB (see its {@code EventScratch}, which also
 * lists what some templates add). With the defaults (ring 32, {@code maxRetainedSize} 8 × 8,192
 * chars = 128 KiB), that is 32 × 128 KiB = <b>4 MiB for the ring plus 128 KiB per thread</b>, and
 * the layout's scratch on top: about 10 MiB for the ring and 331 KiB per thread in all. Buffers leased at the moment (at most one
 * per thread per nesting level) come on top, and may be larger while leased: one event of 10 MB
 * makes a 20 MB buffer that is shrunk when it comes back. So one huge message cannot pin megabytes
 * for the life of a thread.
 *
 * <ol>
 *   <li><b>Thread slot</b>: one buffer cached per platform thread in a {@link ThreadLocal}. No
 *       atomic operation on this path; its hits are counted in a per-thread field.</li>
 *   <li><b>Shared ring</b>: a bounded lock-free ring ({@link BoundedRing}) of {@code maxBuffers}
 *       free buffers (rounded up to a power of two, at least 2). It serves nested use (a second
 *       acquire on one thread), virtual threads, pools without thread slots, and a buffer released
 *       on a thread other than the one that acquired it (which log4j-pool's own appenders no
 *       longer do: the async appender hands encoded bytes over in buffers of its own pool,
 *       {@code EncodedEventPool}).</li>
 *   <li><b>Allocation</b>: when the ring is empty, a new buffer of {@code bufferSize} chars.</li>
 * </ol>
 *
 * <p>{@link #release} clears the buffer, shrinks it back to {@code bufferSize} if it grew past
 * {@code maxRetainedSize}, then puts it in the calling thread's slot if that is empty, else offers it
 * to the ring, else drops it for the garbage collector. Nothing ever waits.
 *
 * <p><b>Virtual threads</b> (JDK 21+) skip the thread slot: a slot per virtual thread would pin one
 * buffer per task, and a pooled carrier-thread slot would be shared by unrelated tasks (JEP 444).
 * <b>Web applications</b>: the thread slot follows Log4j's {@code log4j2.enableThreadlocals}, which
 * is off by default when the Servlet API is present, because a {@code ThreadLocal} holding our class
 * would pin the application's class loader after a redeploy.
 *
 * <p><b>Ownership.</b> {@link #acquire} always returns an empty buffer that no one else holds; a
 * second {@code acquire} before the first {@code release} on one thread gets a different buffer.
 * Releasing a buffer twice throws {@link IllegalStateException} (a buffer in the ring twice would
 * mean two writers in one array). That check reads a plain field: it catches a second release that
 * happens after the first, on any thread that the buffer reached through the pool; it cannot catch
 * two threads racing to release one buffer, which is a bug in the caller either way.
 *
 * <p>Thread-safe.
 */
public final class BufferPool {
    /** Default {@code bufferSize}: chars in a new buffer. */
    public static final int DEFAULT_BUFFER_SIZE = 8192;
    /** Default {@code maxBuffers}: free buffers the shared ring keeps. */
    public static final int DEFAULT_MAX_BUFFERS = 32;
    /** Default {@code maxRetainedSize} is this many times {@code bufferSize}. */
    public static final int DEFAULT_RETAINED_FACTOR = 8;

    /** {@code Thread.isVirtual()} where it exists (JDK 21+); {@code null} on JDK 17. */
    private static final MethodHandle IS_VIRTUAL = findIsVirtual();

    private final String name;
    private final int bufferSize;
    private final int maxRetainedSize;
    private final BoundedRing<TextBuffer> ring;
    /** {@code null} when the thread tier is off. */
    private final ThreadLocal<ThreadSlot> threadSlots;
    private final ThreadSlotRegistry threadSlotRegistry;

    // Ring hits are not counted here: the ring's consumer index already counts every successful
    // poll, and a second atomic add on that path cost a third of its time.
    private final LongAdder allocations = new LongAdder();
    private final LongAdder ringDrops = new LongAdder();
    private final LongAdder trims = new LongAdder();

    private BufferPool(Builder builder) {
        this.name = builder.name;
        this.bufferSize = builder.bufferSize;
        this.maxRetainedSize = builder.effectiveMaxRetainedSize();
        this.ring = new BoundedRing<>(builder.maxBuffers);
        this.threadSlotRegistry = new ThreadSlotRegistry();
        this.threadSlots = builder.threadLocalEnabled
                ? ThreadLocal.withInitial(() -> threadSlotRegistry.register(Thread.currentThread()))
                : null;
    }

    /**
     * The process-wide pool that layouts and appenders use when their configuration names none. Its
     * settings come from Log4j's property sources (system properties,
     * {@code log4j2.component.properties}, environment): {@code log4jpool.bufferSize},
     * {@code log4jpool.maxBuffers}, {@code log4jpool.maxRetainedSize},
     * {@code log4jpool.threadLocal}. It is visible in JMX as
     * {@code dev.log4jpool:type=BufferPool,name=default}.
     */
    public static BufferPool getDefault() {
        return DefaultPoolHolder.POOL;
    }

    /** A builder with the default settings and the thread tier following Log4j's property. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * An empty buffer that no one else holds: the thread's cached one, else one from the ring, else
     * a new one. Return it with {@link #release} or {@link TextBuffer#close()}.
     */
    public TextBuffer acquire() {
        TextBuffer buffer = null;
        if (threadSlots != null && !isVirtual(Thread.currentThread())) {
            ThreadSlot slot = threadSlots.get();
            buffer = slot.buffer;
            if (buffer != null) {
                slot.buffer = null;
                slot.countHit();
            }
        }
        if (buffer == null) {
            buffer = ring.poll();
            if (buffer == null) {
                buffer = new TextBuffer(bufferSize, this);
                allocations.increment();
            }
        }
        buffer.leased = true;
        return buffer;
    }

    /**
     * Takes a buffer back: clears it, shrinks it if it grew past {@code maxRetainedSize}, and keeps
     * it in the thread slot, else the ring, else drops it.
     *
     * @throws IllegalArgumentException when the buffer is not one of this pool's
     * @throws IllegalStateException when the buffer was already released
     */
    public void release(TextBuffer buffer) {
        if (buffer.pool != this) {
            throw notOurs(buffer);
        }
        if (!buffer.leased) {
            throw releasedTwice();
        }
        buffer.leased = false;
        if (buffer.capacity() > maxRetainedSize) {
            buffer.shrinkToInitialCapacity();
            trims.increment();
        } else {
            buffer.clear();
        }
        Thread current = Thread.currentThread();
        ThreadSlot home = buffer.homeSlot;
        if (home != null && home.owner == current) {
            // Back on the thread whose slot it came from: no ThreadLocal lookup needed.
            if (home.buffer == null) {
                home.buffer = buffer;
                return;
            }
        } else if (threadSlots != null && !isVirtual(current)) {
            ThreadSlot slot = threadSlots.get();
            if (slot.buffer == null) {
                slot.buffer = buffer;
                buffer.homeSlot = slot;
                return;
            }
        }
        if (home != null) {
            buffer.homeSlot = null; // the ring must not keep a thread reachable
        }
        if (!ring.offer(buffer)) {
            ringDrops.increment();
        }
    }

    // The error messages are built out of line, to keep release() small enough to inline everywhere.
    private IllegalArgumentException notOurs(TextBuffer buffer) {
        return new IllegalArgumentException(buffer.pool == null
                ? "Cannot release a TextBuffer made with new TextBuffer(...) into pool '" + name
                        + "': it belongs to no pool"
                : "Cannot release a TextBuffer of pool '" + buffer.pool.name + "' into pool '" + name + "'");
    }

    private IllegalStateException releasedTwice() {
        return new IllegalStateException("TextBuffer released twice into pool '" + name
                + "': it is already free, and a second copy in the pool would give two holders one array");
    }

    /** A snapshot of the counters and gauges. */
    public BufferPoolStats stats() {
        return new BufferPoolStats(
                threadSlotRegistry.hitSum(),
                ring.polledCount(),
                allocations.sum(),
                ringDrops.sum(),
                trims.sum(),
                ring.size(),
                ring.capacity());
    }

    /** The name this pool is known by in configurations and JMX. */
    public String getName() {
        return name;
    }

    /** Chars in a new buffer. */
    public int getBufferSize() {
        return bufferSize;
    }

    /** Free buffers larger than this many chars are shrunk back to {@link #getBufferSize()}. */
    public int getMaxRetainedSize() {
        return maxRetainedSize;
    }

    /** How many free buffers the shared ring keeps at most (a power of two). */
    public int getRingCapacity() {
        return ring.capacity();
    }

    /** Whether platform threads keep one buffer each in a thread slot. */
    public boolean isThreadLocalEnabled() {
        return threadSlots != null;
    }

    /** How many thread slots this pool has made (live or retired); for tests. */
    int threadSlotsCreated() {
        return threadSlotRegistry.registrations();
    }

    /** Whether {@code thread} is virtual; always {@code false} before JDK 21. */
    public static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable impossible) {
            // Thread.isVirtual() declares nothing and throws nothing.
            throw new IllegalStateException(impossible);
        }
    }

    private static MethodHandle findIsVirtual() {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException absentBeforeJdk21) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "BufferPool[name=" + name + ", bufferSize=" + bufferSize + ", ringCapacity=" + ring.capacity()
                + ", threadLocal=" + isThreadLocalEnabled() + ", maxRetainedSize=" + maxRetainedSize + "]";
    }

    private static final class DefaultPoolHolder {
        static final BufferPool POOL = BufferPoolProperties.defaultPool();
    }

    /**
     * Settings for a new pool. Every setter checks its value and names the setting in its error.
     */
    public static final class Builder {
        private String name = "unnamed";
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private int maxBuffers = DEFAULT_MAX_BUFFERS;
        private boolean threadLocalEnabled = Constants.ENABLE_THREADLOCALS;
        /** 0 = derived from bufferSize. */
        private int maxRetainedSize;

        private Builder() {}

        /** The name shown in JMX and in error messages. */
        public Builder setName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("BufferPool name must not be empty, was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** Chars in a new buffer (default 8192). */
        public Builder setBufferSize(int bufferSize) {
            if (bufferSize <= 0 || bufferSize > TextBuffer.MAX_CAPACITY) {
                throw new IllegalArgumentException(
                        "BufferPool bufferSize must be between 1 and " + TextBuffer.MAX_CAPACITY + ", was " + bufferSize);
            }
            this.bufferSize = bufferSize;
            return this;
        }

        /** Free buffers the shared ring keeps (default 32; rounded up to a power of two, at least 2). */
        public Builder setMaxBuffers(int maxBuffers) {
            if (maxBuffers <= 0 || maxBuffers > BoundedRing.MAX_CAPACITY) {
                throw new IllegalArgumentException(
                        "BufferPool maxBuffers must be between 1 and " + BoundedRing.MAX_CAPACITY + ", was " + maxBuffers);
            }
            this.maxBuffers = maxBuffers;
            return this;
        }

        /**
         * Whether platform threads cache one buffer each (default: Log4j's
         * {@code log4j2.enableThreadlocals}, off in web applications).
         */
        public Builder setThreadLocalEnabled(boolean threadLocalEnabled) {
            this.threadLocalEnabled = threadLocalEnabled;
            return this;
        }

        /**
         * Free buffers that grew past this many chars are shrunk back to {@code bufferSize} (default
         * 8 × {@code bufferSize}). Must be at least {@code bufferSize}; checked by {@link #build()}.
         */
        public Builder setMaxRetainedSize(int maxRetainedSize) {
            if (maxRetainedSize <= 0) {
                throw new IllegalArgumentException("BufferPool maxRetainedSize must be positive, was " + maxRetainedSize);
            }
            this.maxRetainedSize = maxRetainedSize;
            return this;
        }

        /**
         * @throws IllegalArgumentException when {@code maxRetainedSize} is below {@code bufferSize}
         */
        public BufferPool build() {
            if (maxRetainedSize != 0 && maxRetainedSize < bufferSize) {
                throw new IllegalArgumentException("BufferPool maxRetainedSize (" + maxRetainedSize
                        + ") must be at least bufferSize (" + bufferSize + ")");
            }
            return new BufferPool(this);
        }

        /** Forgets an explicit {@code maxRetainedSize}, so that it is derived from {@code bufferSize}. */
        Builder useDefaultMaxRetainedSize() {
            this.maxRetainedSize = 0;
            return this;
        }

        int effectiveMaxRetainedSize() {
            if (maxRetainedSize != 0) {
                return maxRetainedSize;
            }
            return (int) Math.min((long) bufferSize * DEFAULT_RETAINED_FACTOR, TextBuffer.MAX_CAPACITY);
        }
    }
}

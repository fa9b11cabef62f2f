package dev.log4jpool.event;

import dev.log4jpool.buffer.BufferPool;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory2;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.util.Constants;

/**
 * Log4j's message factory for virtual threads: reusable messages from shared bounded rings instead
 * of one set per thread. Select it with {@code -Dlog4j2.messageFactory=dev.log4jpool.event.PooledMessageFactory}.
 *
 * <p>Log4j's {@link ReusableMessageFactory} keeps a parameterized, a simple and an object message
 * per thread in {@code ThreadLocal}s; the parameterized one holds a 518-char format buffer and a
 * 10-slot parameter array, so a new virtual thread that logs once pays for them (and for the
 * thread-local map entries that point to them).
 *
 * <p>On a platform thread with Log4j's thread locals on, this factory hands out Log4j's own
 * thread-local messages ({@code ReusableMessageFactory.INSTANCE}): 0 bytes per event, as before. On
 * a virtual thread, or with {@code log4j2.enableThreadlocals=false}, it takes a free message of the
 * kind asked for from its rings ({@code log4jpool.maxMessages} per kind, default 256), or makes one
 * when they are empty (a parameterized call that finds every one of {@code maxMessages} already made
 * in use gets a plain {@code ParameterizedMessage} instead, a tenth of the size); Log4j's {@code ReusableMessageFactory.release}, which every
 * {@code AbstractLogger} logging path calls in a {@code finally} once the call has returned, gives it
 * back (see {@link PooledParameterizedMessage}). A nested logging call (from a parameter's
 * {@code toString()}) simply takes another message.
 *
 * <p>A message a caller keeps after the logging call (Log4j's reusable messages forbid it) is the
 * one misuse this makes worse: with thread locals it was overwritten by the same thread's next call,
 * here by any thread's.
 *
 * <p>Memory: at most {@code maxMessages} free messages of each kind; a parameterized one is about
 * 1.2 KB (its buffer is trimmed back to 518 chars after use), so about 300 KB for the default rings.
 */
public final class PooledMessageFactory implements MessageFactory2 {
    private static final long serialVersionUID = 1L;

    private final transient FreeList<PooledParameterizedMessage> parameterized;
    private final transient FreeList<PooledSimpleMessage> simple;
    private final transient FreeList<PooledObjectMessage> objects;
    private final boolean platformThreadLocals;

    /** The factory Log4j makes from {@code log4j2.messageFactory}: settings from Log4j's property sources. */
    public PooledMessageFactory() {
        this(EventPoolProperties.maxMessages(), Constants.ENABLE_THREADLOCALS);
    }

    /**
     * @param maxMessages free messages kept per kind (rounded up to a power of two, at least 2)
     * @param platformThreadLocals whether platform threads use Log4j's thread-local messages
     */
    public PooledMessageFactory(int maxMessages, boolean platformThreadLocals) {
        this.parameterized = new FreeList<>(maxMessages);
        this.simple = new FreeList<>(maxMessages);
        this.objects = new FreeList<>(maxMessages);
        this.platformThreadLocals = platformThreadLocals;
    }

    /** Whether this call is served by the rings rather than by Log4j's thread-local messages. */
    private boolean pooled() {
        return !platformThreadLocals || BufferPool.isVirtual(Thread.currentThread());
    }

    /**
     * A free parameterized message, a new one while the rings' stock is still being built, or
     * {@code null} once it is built and every message is in use: the caller then makes a plain
     * {@link ParameterizedMessage}. A reusable message carries a 518-char buffer (about 1.2 KB); a
     * plain one is its arguments and a few fields, garbage after the call. Measured, 100,000
     * virtual threads behind all-async loggers whose ring filled: 49,822 of 2,500,000 calls found
     * every message in use (their callers were parked with one in hand).
     */
    private PooledParameterizedMessage parameterized() {
        PooledParameterizedMessage message = parameterized.poll();
        if (message == null) {
            if (parameterized.created() >= parameterized.capacity()) {
                parameterized.countOverflow();
                return null;
            }
            message = new PooledParameterizedMessage(parameterized);
            parameterized.countCreated();
        }
        return message.lease();
    }

    @Override
    public Message newMessage(CharSequence charSequence) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(charSequence);
        }
        PooledSimpleMessage message = simple.take(PooledSimpleMessage::new);
        message.set(charSequence);
        return message.lease();
    }

    @Override
    public Message newMessage(String message) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message);
        }
        PooledSimpleMessage result = simple.take(PooledSimpleMessage::new);
        result.set(message);
        return result.lease();
    }

    @Override
    public Message newMessage(Object message) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message);
        }
        PooledObjectMessage result = objects.take(PooledObjectMessage::new);
        result.set(message);
        return result.lease();
    }

    @Override
    public Message newMessage(String message, Object... params) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, params);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, params) : new ParameterizedMessage(message, params);
    }

    @Override
    public Message newMessage(String message, Object p0) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0) : new ParameterizedMessage(message, new Object[] {p0});
    }

    @Override
    public Message newMessage(String message, Object p0, Object p1) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1) : new ParameterizedMessage(message, new Object[] {p0, p1});
    }

    @Override
    public Message newMessage(String message, Object p0, Object p1, Object p2) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2) : new ParameterizedMessage(message, new Object[] {p0, p1, p2});
    }

    @Override
    public Message newMessage(String message, Object p0, Object p1, Object p2, Object p3) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2, p3);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2, p3) : new ParameterizedMessage(message, new Object[] {p0, p1, p2, p3});
    }

    @Override
    public Message newMessage(String message, Object p0, Object p1, Object p2, Object p3, Object p4) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2, p3, p4);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2, p3, p4) : new ParameterizedMessage(message, new Object[] {p0, p1, p2, p3, p4});
    }

    @Override
    public Message newMessage(String message, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2, p3, p4, p5);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2, p3, p4, p5) : new ParameterizedMessage(message, new Object[] {p0, p1, p2, p3, p4, p5});
    }

    @Override
    public Message newMessage(
            String message, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5, Object p6) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2, p3, p4, p5, p6);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2, p3, p4, p5, p6) : new ParameterizedMessage(message, new Object[] {p0, p1, p2, p3, p4, p5, p6});
    }

    @Override
    public Message newMessage(
            String message, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5, Object p6, Object p7) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2, p3, p4, p5, p6, p7);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2, p3, p4, p5, p6, p7) : new ParameterizedMessage(message, new Object[] {p0, p1, p2, p3, p4, p5, p6, p7});
    }

    @Override
    public Message newMessage(
            String message,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7,
            Object p8) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2, p3, p4, p5, p6, p7, p8);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2, p3, p4, p5, p6, p7, p8) : new ParameterizedMessage(message, new Object[] {p0, p1, p2, p3, p4, p5, p6, p7, p8});
    }

    @Override
    public Message newMessage(
            String message,
            Object p0,
            Object p1,
            Object p2,
            Object p3,
            Object p4,
            Object p5,
            Object p6,
            Object p7,
            Object p8,
            Object p9) {
        if (!pooled()) {
            return ReusableMessageFactory.INSTANCE.newMessage(message, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
        }
        PooledParameterizedMessage reusable = parameterized();
        return reusable != null ? reusable.set(message, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9) : new ParameterizedMessage(message, new Object[] {p0, p1, p2, p3, p4, p5, p6, p7, p8, p9});
    }

    /** Messages made because a ring was empty, all kinds together. */
    public long messagesCreated() {
        return parameterized.created() + simple.created() + objects.created();
    }

    /** Parameterized calls that found every pooled message in use and got a plain {@code ParameterizedMessage}. */
    public long messagesOverflowed() {
        return parameterized.overflowed();
    }

    /** Messages given back to a full ring and left to the garbage collector, all kinds together. */
    public long messagesDropped() {
        return parameterized.dropped() + simple.dropped() + objects.dropped();
    }

    @Override
    public String toString() {
        return "PooledMessageFactory[maxMessages=" + parameterized.capacity() + ", platformThreadLocals="
                + platformThreadLocals + "]";
    }
}

package dev.log4jpool.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The {@link StructuredFields} one {@link StructuredMessage} has handed to Log4j events, kept so
 * they can be refilled once Log4j is done with them.
 *
 * <p>Log4j gives no callback when it is done with an event, but it does one observable thing: it
 * clears the event's parameter array ({@code MutableLogEvent.clear()},
 * {@code RingBufferLogEvent.clear()}), or reuses that array for another message. A carrier whose
 * {@link StructuredFields#holder} no longer holds it is therefore free. The array element is read
 * with acquire semantics so that seeing the cleared slot orders our later writes after it; the
 * consumer read the carrier before it cleared the slot.
 *
 * <p>Bound: at most {@value #MAX_CARRIERS} carriers per message (so per thread). When all of them
 * are still in flight (an async logger's ring holds many events of this thread) a new carrier is
 * allocated and the oldest tracked one is forgotten, to be collected once its event is done: a
 * backlog costs allocation, never a wrong field.
 *
 * <p>Limitation: an appender that copies an async logger's event ({@code toImmutable()}, as
 * Log4j's {@code AsyncAppender} does) copies the reference to the carrier, not its contents; once
 * the ring slot is cleared this recycler may refill it while the copy waits in that appender's
 * queue. Use async loggers or an {@code AsyncAppender} in front of {@code PooledJsonLayout}, not
 * both, with structured messages.
 */
final class CarrierRecycler {
    static final int MAX_CARRIERS = 64;
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private StructuredFields[] carriers = new StructuredFields[4];
    private int count;
    private int cursor;

    /** A carrier no Log4j event holds any more, or a new one. */
    StructuredFields takeFree() {
        // Start at the cursor: carriers were handed out in this order, so the oldest is the likeliest done.
        for (int scanned = 0; scanned < count; scanned++) {
            StructuredFields candidate = carriers[cursor];
            cursor = cursor + 1 == count ? 0 : cursor + 1;
            if (isFree(candidate)) {
                candidate.holder = null;
                return candidate;
            }
        }
        StructuredFields created = new StructuredFields();
        if (count == carriers.length && count < MAX_CARRIERS) {
            StructuredFields[] larger = new StructuredFields[count * 2];
            System.arraycopy(carriers, 0, larger, 0, count);
            carriers = larger;
        }
        if (count < carriers.length) {
            carriers[count++] = created;
        } else {
            carriers[cursor] = created; // all busy: forget one, the GC takes it when its event is done
            cursor = cursor + 1 == count ? 0 : cursor + 1;
        }
        return created;
    }

    static boolean isFree(StructuredFields carrier) {
        Object[] holder = carrier.holder;
        return holder == null || ELEMENT.getAcquire(holder, 0) != carrier;
    }
}

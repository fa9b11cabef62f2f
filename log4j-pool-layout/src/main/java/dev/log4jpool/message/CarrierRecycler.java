package dev.log4jpool.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

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
 * <p>Carriers are refilled in the order they were handed out, oldest first, and only once the
 * thread has {@value #ROTATION} of them, so that a carrier rests as long as possible before it is
 * reused.
 *
 * <p>Bound: at most {@value #MAX_CARRIERS} carriers per message (so per thread). When all of them
 * are still in flight (an async logger's ring holds many events of this thread) a new carrier is
 * allocated and the oldest tracked one is forgotten, to be collected once its event is done: a
 * backlog costs allocation, never a wrong field.
 *
 * <p>An appender that copies an event to write it later (Log4j's {@code AsyncAppender}) copies the
 * reference to the carrier, not its contents, so a copied carrier may be refilled before that
 * appender writes it. The copy keeps the event's readable text, and
 * {@link StructuredFields#isCurrentFor} compares the two: a refilled carrier is never written as
 * the copy's fields; the layout writes the copy's text instead.
 */
final class CarrierRecycler {
    static final int MAX_CARRIERS = 64;
    /**
     * Carriers a thread rotates through before it refills one: a copy of an event (see below) keeps
     * its typed fields as long as its appender writes it within this many further structured events
     * of the thread. Costs about 0.4 KB per carrier per logging thread. Property
     * {@code log4jpool.structuredMessageCarriers}, 1 to {@value #MAX_CARRIERS}, default 16.
     */
    static final int ROTATION = rotationFromProperty();
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private StructuredFields[] carriers = new StructuredFields[4];
    private int count;
    private int cursor;

    /** A carrier no Log4j event holds any more, or a new one. */
    StructuredFields takeFree() {
        if (count < ROTATION) {
            return add(new StructuredFields()); // fill the rotation first: a bounded, one-time cost
        }
        // Start at the cursor: carriers were handed out in this order, so the oldest is the likeliest done.
        for (int scanned = 0; scanned < count; scanned++) {
            StructuredFields candidate = carriers[cursor];
            cursor = cursor + 1 == count ? 0 : cursor + 1;
            if (isFree(candidate)) {
                candidate.holder = null;
                return candidate;
            }
        }
        return add(new StructuredFields());
    }

    private StructuredFields add(StructuredFields created) {
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

    private static int rotationFromProperty() {
        int configured = PropertiesUtil.getProperties().getIntegerProperty("log4jpool.structuredMessageCarriers", 16);
        if (configured < 1 || configured > MAX_CARRIERS) {
            StatusLogger.getLogger().error("log4j-pool: ignoring property log4jpool.structuredMessageCarriers={}: "
                    + "must be between 1 and {}; using 16", configured, MAX_CARRIERS);
            return 16;
        }
        return configured;
    }

    static boolean isFree(StructuredFields carrier) {
        Object[] holder = carrier.holder;
        return holder == null || ELEMENT.getAcquire(holder, 0) != carrier;
    }
}

package dev.log4jpool.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.junit.jupiter.api.Test;

class StructuredMessageTest {
    private final Object[] scratch = new Object[1];

    @Test
    void ofReturnsTheThreadsInstanceReset() {
        StructuredMessage first = StructuredMessage.of("a").with("x", 1);
        StructuredMessage second = StructuredMessage.of("b");
        assertSame(first, second);
        assertEquals("b", second.fields().message());
        assertEquals(0, second.fields().size());
    }

    @Test
    void readableTextForOtherLayouts() {
        StructuredMessage message = StructuredMessage.of("order placed").with("orderId", 42L).with("amount", 9.99)
                .with("express", true).with("customer", "alice").with("none", (String) null);
        assertEquals("order placed orderId=42 amount=9.99 express=true customer=alice none=null", message.getFormattedMessage());
        StringBuilder text = new StringBuilder();
        message.formatTo(text);
        assertEquals(message.getFormattedMessage(), text.toString());
        assertSame(StructuredMessage.FORMAT, message.getFormat());
    }

    @Test
    void handsItsFieldsToTheEventAndContinuesOnAnotherCarrier() {
        MutableLogEvent event = new MutableLogEvent();
        StructuredMessage message = StructuredMessage.of("one").with("n", 1);
        StructuredFields handedOver = message.fields();
        event.setMessage(message);
        assertSame(handedOver, StructuredFields.of(event, scratch), "the event carries the fields");
        StructuredMessage.of("two").with("n", 2);
        assertNotSame(handedOver, message.fields(), "the event still holds the first carrier");
        assertEquals("one", StructuredFields.of(event, scratch).message());
        assertEquals(1, StructuredFields.of(event, scratch).longValue(0));
    }

    @Test
    void carriersComeBackOnceLog4jClearsTheEvent() {
        onFreshThread(() -> {
            MutableLogEvent event = new MutableLogEvent();
            Set<StructuredFields> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < 1_000; i++) {
                event.setMessage(StructuredMessage.of("m").with("i", i));
                seen.add(StructuredFields.of(event, scratch));
                event.clear();
            }
            assertEquals(CarrierRecycler.ROTATION, seen.size(), "carriers in rotation");
        });
    }

    @Test
    void carriersComeBackWhenTheEventsArrayIsReused() {
        onFreshThread(() -> {
            // Without clear(): the event hands its previous array back, still holding the old carrier.
            MutableLogEvent event = new MutableLogEvent();
            Set<StructuredFields> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < 1_000; i++) {
                event.setMessage(StructuredMessage.of("m").with("i", i));
                StructuredFields fields = StructuredFields.of(event, scratch);
                assertEquals(i, fields.longValue(0));
                seen.add(fields);
            }
            assertEquals(CarrierRecycler.ROTATION, seen.size(), "carriers in rotation");
        });
    }

    @Test
    void aBacklogNeverSharesACarrier() {
        onFreshThread(() -> {
            // Events still in flight (an async ring): every one keeps its own fields.
            MutableLogEvent[] inFlight = new MutableLogEvent[200];
            for (int i = 0; i < inFlight.length; i++) {
                inFlight[i] = new MutableLogEvent();
                inFlight[i].setMessage(StructuredMessage.of("m" + i).with("i", i));
            }
            for (int i = 0; i < inFlight.length; i++) {
                StructuredFields fields = StructuredFields.of(inFlight[i], scratch);
                assertEquals("m" + i, fields.message());
                assertEquals(i, fields.longValue(0));
            }
        });
    }

    @Test
    void addingAfterLoggingDoesNotTouchTheLoggedEvent() {
        MutableLogEvent event = new MutableLogEvent();
        StructuredMessage message = StructuredMessage.of("m").with("a", 1);
        event.setMessage(message);
        message.with("b", 2);
        assertEquals(1, StructuredFields.of(event, scratch).size());
        assertEquals(2, message.fields().size());
    }

    @Test
    void mementoIsIndependent() {
        StructuredMessage message = StructuredMessage.of("m").with("a", 1).with("t", new StringBuilder("text"));
        Message memento = message.memento();
        StructuredMessage.of("other").with("z", 0);
        StructuredFields copy = StructuredFields.of(memento, scratch);
        assertEquals("m", copy.message());
        assertEquals(1, copy.longValue(0));
        assertEquals("text", new String(copy.textArray(), copy.textStart(1), copy.textLength(1)));
    }

    @Test
    void otherMessagesCarryNoFields() {
        assertEquals(null, StructuredFields.of(new org.apache.logging.log4j.message.SimpleMessage("x"), scratch));
        assertEquals(null, StructuredFields.of(null, scratch));
        MutableLogEvent event = new MutableLogEvent();
        event.setMessage(new org.apache.logging.log4j.message.ReusableMessageFactory().newMessage("a {}", "b"));
        assertEquals(null, StructuredFields.of(event, scratch));
    }

    /**
     * Runs {@code test} on a new thread, whose StructuredMessage and carriers start empty: the
     * counts these tests check must not depend on what other tests did on the main thread.
     */
    private static void onFreshThread(Runnable test) {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                test.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure[0] instanceof AssertionError) {
            throw (AssertionError) failure[0];
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }
}

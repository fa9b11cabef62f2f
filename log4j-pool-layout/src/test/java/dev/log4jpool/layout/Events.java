package dev.log4jpool.layout;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;

/** Events for tests, built the way Log4j's garbage-free path builds them. */
final class Events {
    /** 2026-11-23T10:15:30.123Z */
    static final long EPOCH_MILLIS = 1_795_428_930_123L;

    private Events() {}

    static MutableLogEvent event(Message message) {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("shop.Orders");
        event.setThreadName("main");
        event.setLoggerFqcn(Events.class.getName());
        event.setMessage(message);
        event.setTimeMillis(EPOCH_MILLIS);
        event.setContextData(new SortedArrayStringMap());
        return event;
    }

    static MutableLogEvent event(String message) {
        return event(new SimpleMessage(message));
    }

    static MutableLogEvent withContext(MutableLogEvent event, String... keysAndValues) {
        StringMap data = new SortedArrayStringMap();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.putValue(keysAndValues[i], keysAndValues[i + 1]);
        }
        event.setContextData(data);
        return event;
    }

    static void setTime(MutableLogEvent event, long epochSecond, int nanos) {
        ((MutableInstant) event.getInstant()).initFromEpochSecond(epochSecond, nanos);
    }

    /** An immutable event as Log4j's default (non-reusable) event factory makes it. */
    static LogEvent immutable(Message message, Throwable thrown) {
        return Log4jLogEvent.newBuilder()
                .setLevel(Level.ERROR)
                .setLoggerName("shop.Orders")
                .setThreadName("main")
                .setMessage(message)
                .setThrown(thrown)
                .setTimeMillis(EPOCH_MILLIS)
                .build();
    }
}

package dev.log4jpool.appender;

import dev.log4jpool.buffer.BufferPool;
import dev.log4jpool.buffer.TextBuffer;
import dev.log4jpool.layout.PooledTextLayout;
import java.util.Arrays;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The bytes a layout ends every event with ({@code \n} for PooledJsonLayout's default and for
 * {@code %m%n}; {@code \r\n}, {@code \0} when so configured), learnt once, when the appender is built,
 * by encoding one empty probe event and keeping the control characters it ends with.
 *
 * <p>Why: after a write that failed part-way or a crash, a file can end in the middle of an event.
 * {@link PooledFileManager} then writes the delimiter before the next event, so that the fragment
 * stays a record of its own and the next event is not glued to it. Asking the layout's own output
 * works for any layout, not only ours. A layout that ends its events with no control character
 * (an empty {@code eventDelimiter}, a pattern without {@code %n}) has no record separator a reader
 * could resynchronise on: for it nothing is written, and a fragment stays glued to the next event.
 */
final class EventDelimiter {
    /** Longest delimiter kept: {@code \r\n} and friends. */
    static final int MAX_LENGTH = 4;
    /** When the probe fails: the line feed every line-oriented layout ends with. */
    static final byte[] LINE_FEED = {'\n'};

    private EventDelimiter() {}

    /** The trailing control characters of an empty event as encoded by {@code layout}; may be empty. */
    static byte[] of(Layout<?> layout) {
        byte[] probe;
        try {
            LogEvent empty = Log4jLogEvent.newBuilder().setLoggerName("").setMessage(new SimpleMessage("")).build();
            probe = layout instanceof PooledTextLayout ? probeText((PooledTextLayout) layout, empty)
                    : layout.toByteArray(empty);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().debug("PooledFile: the layout {} failed on a probe event; assuming its events "
                    + "end with a line feed", layout, e);
            return LINE_FEED.clone();
        }
        if (probe == null) {
            return LINE_FEED.clone();
        }
        int start = probe.length;
        while (start > 0 && probe.length - start < MAX_LENGTH && (probe[start - 1] & 0xff) < 0x20) {
            start--;
        }
        return Arrays.copyOfRange(probe, start, probe.length);
    }

    /** A {@link PooledTextLayout} formats in a throwaway pool: the probe must not show in the user's pool statistics. */
    private static byte[] probeText(PooledTextLayout textLayout, LogEvent event) {
        BufferPool probePool = BufferPool.newBuilder().setName("PooledFile-delimiter-probe").setMaxBuffers(1)
                .setThreadLocalEnabled(false).build();
        TextBuffer text = textLayout.render(event, probePool);
        try {
            return text.toString().getBytes(textLayout.getCharset());
        } finally {
            probePool.release(text);
        }
    }
}

package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Everything one event needs besides the JSON output state: the message's text and its structured
 * parse, the timestamp's second cache, the throwable trail and the stack-trace renderer, the name
 * caches, the context iteration state, the UTF-8 encoder, and the {@link JsonWriter} itself. One
 * lives with each pooled buffer (as its attachment), so that writing allocates nothing once the
 * scratch has grown to fit; {@link #end} lets go of the event and trims what one event made huge.
 *
 * <p><b>Retained memory</b>, per pooled buffer, is bounded: whatever an event grew past these limits
 * is replaced after it. The message builder and the structured text keep at most 16,384 chars each
 * (32 KiB + 32 KiB), the structured members' arrays 256 entries (about 8 KiB), the logger and thread
 * name caches 1,024 chars each (4 KiB), the writer's two key registries 1,024 slots each (12 KiB
 * each), the UTF-8 encoder 4 KiB, the codec 1 KiB, the throwable trail about 4.5 KiB, the timestamp
 * patterns' caches 8 slots of about 0.5 KiB (twice a usual pattern's text): about 115 KiB in all,
 * on top of the buffer itself ({@code BufferPool} states the pool's bound).
 *
 * <p>Not thread-safe: used by whoever holds its buffer.
 */
final class EventScratch {
    /** A message builder that grew past this many chars is replaced after the event. */
    private static final int MAX_RETAINED_TEXT = 16 * 1024;

    final JsonWriter writer = new JsonWriter();
    /** The event being written, for failure reports of the members that iterate (context, map entries). */
    LogEvent event;
    /** Formats the message; trimmed after an event that made it huge. */
    private StringBuilder messageText = new StringBuilder(256);
    /** The current event's StructuredMessage text, taken apart (inactive for other messages). */
    final StructuredText structured = new StructuredText();
    /** The formatted second of the last timestamp (see {@link TimestampField}). */
    final TimestampField.SecondCache timestampCache = new TimestampField.SecondCache();
    /** The current second of each timestamp pattern of the templates (see {@link InstantPattern}). */
    final InstantPattern.Caches instantPatterns = new InstantPattern.Caches();
    /** Throwables already written for this event: a cause chain may loop. */
    final ThrowableTrail throwableTrail = new ThrowableTrail();
    final StackTraceRenderer stackTraces = new StackTraceRenderer();
    final EscapedStringCache loggerNames = new EscapedStringCache();
    final EscapedStringCache threadNames = new EscapedStringCache();
    /** The state of the context writer's allocation-free iteration. */
    final ContextDataFields.Loop contextLoop = new ContextDataFields.Loop();
    final Utf8Encoder encoder = new Utf8Encoder();

    /** The scratch kept with {@code buffer}, made on first use. */
    static EventScratch of(TextBuffer buffer) {
        Object attachment = buffer.getAttachment();
        if (attachment instanceof EventScratch) {
            return (EventScratch) attachment;
        }
        EventScratch created = new EventScratch();
        buffer.setAttachment(created);
        return created;
    }

    /** Takes {@code logEvent} on: reads its message apart when it is a structured one. */
    void begin(LogEvent logEvent) {
        event = logEvent;
        try {
            structured.read(logEvent.getMessage(), messageText);
        } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: a hostile message
            structured.end(); // not taken apart: MessageMembers.Text writes (or marks) it as text
        }
    }

    /** An empty builder for the message's text. */
    StringBuilder messageText() {
        messageText.setLength(0);
        return messageText;
    }

    /** Lets go of the event; trims what grew too much. */
    void end() {
        event = null;
        structured.end();
        throwableTrail.clear();
        if (messageText.capacity() > MAX_RETAINED_TEXT) {
            messageText = new StringBuilder(256);
        }
    }
}

package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * name caches and the writer's last name prefix 1,024 chars each (6 KiB), the writer's cache of run-time
 * names ({@link NameCache}: 64 names of up to 64 chars, about 12 KiB), the writer's two key registries 1,024 slots each (12 KiB
 * each), the UTF-8 encoder (the JDK's) well under 1 KiB plus, once it has written into a direct
 * buffer (PooledFile's blocks), its 8 KiB staging array, the codec 1 KiB, the throwable trail about
 * 4.5 KiB, the typed values' and the case converter's builders 16,384 chars each (32 KiB + 32 KiB),
 * the regex matchers ({@value MatcherCache#SIZE}, a few hundred bytes each), the timestamp patterns'
 * caches (8 slots of about 0.5 KiB): about 203 KiB in all, on top of the buffer itself
 * ({@code BufferPool} states the pool's bound). Templates that use them add: the {@code pattern}
 * resolver's text, 16,384 chars (32 KiB), and with {@code %replace} its input and the last input and
 * output, 16,384 chars each (96 KiB); a truncated stringified stack trace's text, 32,768 chars (64 KiB).
 *
 * <p>Not thread-safe: used by whoever holds its buffer.
 */
final class EventScratch {
    /** A message builder that grew past this many chars is replaced after the event. */
    private static final int MAX_RETAINED_TEXT = 16 * 1024;
    /**
     * A stack trace's text that grew past this many chars is replaced after the event: a trace
     * longer than that allocates its builder again for each event (typical traces, up to ~150
     * frames, are well below).
     */
    private static final int MAX_RETAINED_TRACE = 32 * 1024;

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
    final EscapedStringCache loggerFqcns = new EscapedStringCache();
    final EscapedStringCache threadNames = new EscapedStringCache();
    /** The state of the context writer's allocation-free iteration. */
    final ContextDataFields.Loop contextLoop = new ContextDataFields.Loop();
    /** The state of the {@code mdc} and {@code map} resolvers' allocation-free iteration. */
    final StringMapResolvers.Loop mapLoop = new StringMapResolvers.Loop();
    /** The state of the {@code otlpAttributes} resolver's allocation-free walk over the context. */
    final OtlpAttributes.ContextLoop otlpContext = new OtlpAttributes.ContextLoop();
    /** The {@code gelfFields} resolver's view of a key renamed as GELF allows. */
    final GelfFieldsResolver.FieldName gelfFieldName = new GelfFieldsResolver.FieldName();
    final Utf8Encoder encoder = new Utf8Encoder();
    /** Writes arbitrary objects (message parameters, map and context values) with their JSON types; bound to {@link #writer}. */
    final TypedValues typedValues = new TypedValues(writer);
    /** The state of a {@code messageParameter} visit of a message's parameters. */
    final MessageParameterResolver.Visit parameterVisit = new MessageParameterResolver.Visit(typedValues, writer);
    /** Reused matchers of the templates' regexes ({@code ndc}'s {@code pattern}, stack-trace point regexes). */
    final MatcherCache matchers = new MatcherCache();
    /** The text a {@code caseConverter} converts; trimmed after an event that made it huge. */
    private StringBuilder caseText = new StringBuilder(64);
    /** The {@code pattern} resolver's text; made on first use. */
    private StringBuilder patternText;
    private StringBuilder replacementInput;
    /** The last {@code %replace}'s input and output, copied when the next input is the same. */
    final PatternText.LastReplacement lastReplacement = new PatternText.LastReplacement();
    /** A stack trace's text for the point-matcher truncation; made on first use. */
    private StringBuilder stackTraceText;
    /** A view of the rest of a stack trace's text, for the point regexes. */
    private final TextWindow textWindow = new TextWindow();

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

    /** An empty builder for a case conversion's result. */
    StringBuilder caseText() {
        caseText.setLength(0);
        return caseText;
    }

    /** An empty builder for the {@code pattern} resolver's text. */
    StringBuilder patternText() {
        if (patternText == null) {
            patternText = new StringBuilder(256);
        }
        patternText.setLength(0);
        return patternText;
    }

    /** An empty builder for the text a {@code %replace} works on (see {@link PatternText.Replacement}). */
    StringBuilder replacementInput() {
        if (replacementInput == null) {
            replacementInput = new StringBuilder(256);
        }
        replacementInput.setLength(0);
        return replacementInput;
    }

    /** A builder for a stack trace's text (emptied by whoever writes into it). */
    StringBuilder stackTraceText() {
        if (stackTraceText == null) {
            stackTraceText = new StringBuilder(4096);
        }
        return stackTraceText;
    }

    /** {@code text} from {@code start} to its end, as a sequence of its own (the same view each time). */
    CharSequence textWindow(CharSequence text, int start) {
        textWindow.show(text, start);
        return textWindow;
    }

    /** Lets go of the event; trims what grew too much. */
    void end() {
        event = null;
        structured.end();
        throwableTrail.clear();
        typedValues.end();
        if (messageText.capacity() > MAX_RETAINED_TEXT) {
            messageText = new StringBuilder(256);
        }
        if (caseText.capacity() > MAX_RETAINED_TEXT) {
            caseText = new StringBuilder(64);
        }
        if (patternText != null && patternText.capacity() > MAX_RETAINED_TEXT) {
            patternText = null;
        }
        if (replacementInput != null && replacementInput.capacity() > MAX_RETAINED_TEXT) {
            replacementInput = null;
        }
        lastReplacement.trim(MAX_RETAINED_TEXT);
        if (stackTraceText != null) {
            if (stackTraceText.capacity() > MAX_RETAINED_TRACE) {
                stackTraceText = null;
            } else {
                stackTraceText.setLength(0);
            }
        }
        textWindow.show("", 0);
        matchers.clear(); // they hold no text past the event (a trimmed builder may go)
    }

    /**
     * A part of a text seen as a text of its own, without copying: what JsonTemplateLayout matches its
     * point regexes against. Reused; only valid until the next {@link #show}.
     */
    private static final class TextWindow implements CharSequence {
        private CharSequence text = "";
        private int offset;

        void show(CharSequence whole, int start) {
            this.text = whole;
            this.offset = start;
        }

        @Override
        public int length() {
            return text.length() - offset;
        }

        @Override
        public char charAt(int index) {
            return text.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(offset + start, offset + end);
        }

        @Override
        public String toString() {
            return text.subSequence(offset, text.length()).toString();
        }
    }
}

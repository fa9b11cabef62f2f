package dev.log4jpool.layout;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The {@code exception} and {@code exceptionRootCause} resolvers: the event's throwable (or the last
 * throwable of its cause chain) as {@code field} {@code className} (the class's canonical name),
 * {@code message} ({@code getMessage()}) or {@code stackTrace}: an array of frames written by the
 * stack-trace element template ({@code stackTrace.elementTemplate}, else the layout's), or, with
 * {@code stackTrace.stringified}, the JDK's {@code printStackTrace} text, optionally truncated at
 * point matchers ({@link StackTraceTruncation}).
 *
 * <p>As in JsonTemplateLayout: with {@code stackTraceEnabled=false} every field of these resolvers
 * is left out of its object (see {@link Disabled} for arrays); an event without a throwable leaves the member out of its object
 * and writes {@code null} in an array; a trace without frames is {@code null}; the deprecated
 * {@code stringified} at the resolver's top level counts when {@code stackTrace.stringified} is not
 * given (with a warning).
 *
 * <p>Stricter than JsonTemplateLayout, which throws (and loses the event) where these write a
 * marker: a {@code getMessage()} or {@code toString()} that throws (the message or the trace's
 * header), a {@code getStackTrace()} that throws or returns {@code null} (the frames), a
 * {@code getCause()} that throws (the chain ends there). And at configuration: {@code stringified}
 * must be a boolean or an object (JsonTemplateLayout takes any other value, even {@code "false"},
 * as {@code true}), and the point matchers a list (never a single string, as there).
 *
 * <p>Other differences of the stringified text, each rare: it reads the frames through
 * {@code getStackTrace()}, where the JDK prints the frames it recorded (they differ only for a
 * class that overrides {@code getStackTrace()}); past {@value ThrowableTrail#MAX} throwables in one
 * trace it writes a {@code [TRACE CUT: …]} line (the JDK prints every one); a frame's module
 * version is left out for every {@code java.*} and {@code jdk.*} module, where the JDK keeps it for
 * its upgradeable modules ({@code java.compiler}); a point regex past the first block, see
 * {@link StackTraceTruncation}.
 */
final class ExceptionResolvers {
    private static final StatusLogger LOGGER = StatusLogger.getLogger();

    private ExceptionResolvers() {
    }

    static TemplateNode<LogEvent> exception(ResolverOptions options, TemplateContext context) {
        return create(options, context, false);
    }

    static TemplateNode<LogEvent> exceptionRootCause(ResolverOptions options, TemplateContext context) {
        return create(options, context, true);
    }

    private static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context, boolean rootCause) {
        TemplateNode<LogEvent> node;
        switch (options.requiredChoice("field", "className", "message", "stackTrace")) {
            case "className":
                node = new ClassName(rootCause);
                break;
            case "message":
                node = new Message(rootCause);
                break;
            default:
                node = stackTrace(options, context, rootCause);
        }
        if (context.stackTraceEnabled()) {
            return node;
        }
        // Options are checked all the same, so that a wrong one fails even when stack traces are off.
        return new Disabled(node instanceof Frames || node instanceof Text ? new NullValue() : node);
    }

    private static TemplateNode<LogEvent> stackTrace(ResolverOptions options, TemplateContext context, boolean rootCause) {
        ResolverOptions stackTrace = options.object("stackTrace");
        boolean stringified = options.bool("stringified", false);
        if (options.has("stringified")) {
            LOGGER.warn(options.error("stringified", "is deprecated; write \"stackTrace\": {\"stringified\": …} instead")
                    .getMessage());
        }
        ResolverOptions truncation = null;
        Object nested = stackTrace == null ? null : stackTrace.raw("stringified");
        if (nested instanceof Boolean) {
            stringified = (Boolean) nested;
        } else if (nested instanceof Map) {
            stringified = true;
            truncation = stackTrace.object("stringified").object("truncation");
        } else if (nested != null) {
            throw stackTrace.error("stringified", "must be true, false or an object (with \"truncation\"), not "
                    + ResolverOptions.describe(nested));
        }
        if (stringified) {
            return new Text(rootCause, truncation(truncation, context), context.stackTraceTextCapacity());
        }
        Object elementTemplate = stackTrace == null ? null : stackTrace.raw("elementTemplate");
        TemplateNode<StackTraceElement> element = elementTemplate == null ? context.stackTraceElementTemplate()
                : context.compileElementTemplate(elementTemplate, options.path() + ".stackTrace.elementTemplate");
        return new Frames(rootCause, element);
    }

    /** The truncation, or {@code null} when there is no point matcher (the suffix alone does nothing). */
    private static StackTraceTruncation truncation(ResolverOptions options, TemplateContext context) {
        if (options == null) {
            return null;
        }
        String suffix = options.string("suffix", context.truncatedStringSuffix());
        List<String> strings = list(options, "pointMatcherStrings");
        List<String> regexes = list(options, "pointMatcherRegexes");
        for (int i = 0; i < regexes.size(); i++) {
            try {
                Pattern.compile(regexes.get(i));
            } catch (PatternSyntaxException invalid) {
                throw options.error("pointMatcherRegexes", "holds an invalid regex at index " + i + ", \""
                        + regexes.get(i) + "\": " + invalid.getDescription());
            }
        }
        return strings.isEmpty() && regexes.isEmpty() ? null : new StackTraceTruncation(suffix, strings, regexes);
    }

    /** A list of strings (JsonTemplateLayout takes no single string here), empty when absent. */
    private static List<String> list(ResolverOptions options, String option) {
        Object value = options.raw(option);
        if (value instanceof String) {
            throw options.error(option, "must be a list of strings, not " + ResolverOptions.describe(value));
        }
        List<String> list = options.strings(option);
        return list == null ? Collections.emptyList() : list;
    }

    /** The event's throwable, or the root of its cause chain; {@code null} when the event has none. */
    static Throwable throwable(LogEvent event, boolean rootCause) {
        Throwable thrown = event.getThrown();
        return thrown == null || !rootCause ? thrown : ErrorField.rootCauseOf(thrown);
    }

    /** {@code Class.getCanonicalName()} once per class ({@code null} for anonymous and local classes). */
    private static final ClassValue<String[]> CANONICAL_NAME = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return new String[] {type.getCanonicalName()}; // a box: the name may be null
        }
    };

    /**
     * A field with {@code stackTraceEnabled=false}: left out of every object, as JsonTemplateLayout
     * leaves it out; but inside an array, where JsonTemplateLayout writes every element whatever it
     * resolves to, it writes what JsonTemplateLayout writes there: the class name and the message
     * as usual, {@code null} for the stack trace.
     */
    static final class Disabled extends TemplateNode<LogEvent> {
        private final TemplateNode<LogEvent> inArrays;

        Disabled(TemplateNode<LogEvent> inArrays) {
            this.inArrays = inArrays;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            return false;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            inArrays.write(event, out, scratch);
        }
    }

    /** {@code null}: the stack trace of a disabled field, inside an array. */
    static final class NullValue extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.nullValue();
        }
    }

    /** What the nodes share: which throwable they read, and that an event without one has nothing here. */
    private abstract static class ThrowableNode extends TemplateNode<LogEvent> {
        final boolean rootCause;

        ThrowableNode(boolean rootCause) {
            this.rootCause = rootCause;
        }

        @Override
        public final boolean isPresent(LogEvent event) {
            return event.getThrown() != null;
        }

        @Override
        PresenceGuard<LogEvent> presenceGuard() {
            return PresenceGuard.HAS_THROWABLE;
        }

        @Override
        public final void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Throwable throwable = throwable(event, rootCause);
            if (throwable == null) {
                out.nullValue(); // in an array, where absent members are written
            } else {
                write(throwable, out, scratch);
            }
        }

        abstract void write(Throwable throwable, JsonWriter out, EventScratch scratch);
    }

    /** {@code field: className}: the canonical name, as JsonTemplateLayout writes it ({@code Outer.Inner}). */
    static final class ClassName extends ThrowableNode {
        ClassName(boolean rootCause) {
            super(rootCause);
        }

        @Override
        void write(Throwable throwable, JsonWriter out, EventScratch scratch) {
            out.stringValue(CANONICAL_NAME.get(throwable.getClass())[0]);
        }
    }

    /** {@code field: message}: {@code getMessage()}, or a marker when it throws. */
    static final class Message extends ThrowableNode {
        Message(boolean rootCause) {
            super(rootCause);
        }

        @Override
        void write(Throwable throwable, JsonWriter out, EventScratch scratch) {
            out.stringValue(SafeText.message(throwable));
        }
    }

    /** {@code field: stackTrace} with {@code stringified}: the JDK's text, truncated at the point matchers if any. */
    static final class Text extends ThrowableNode {
        private final StackTraceTruncation truncation;
        /** Chars of the text the truncation reads at most, as JsonTemplateLayout bounds them. */
        private final int capacity;

        Text(boolean rootCause, StackTraceTruncation truncation, int capacity) {
            super(rootCause);
            this.truncation = truncation;
            this.capacity = capacity;
        }

        @Override
        void write(Throwable throwable, JsonWriter out, EventScratch scratch) {
            if (truncation == null) {
                scratch.stackTraces.renderJdk(throwable, out, scratch.throwableTrail);
                return;
            }
            StringBuilder text = scratch.stackTraceText();
            scratch.stackTraces.renderJdk(throwable, text, capacity, scratch.throwableTrail);
            truncation.write(text, out, scratch);
        }
    }

    /** {@code field: stackTrace}: an array of the frames, each written by the element template; {@code null} for none. */
    static final class Frames extends ThrowableNode {
        private final TemplateNode<StackTraceElement> element;

        Frames(boolean rootCause, TemplateNode<StackTraceElement> element) {
            super(rootCause);
            this.element = element;
        }

        @Override
        void write(Throwable throwable, JsonWriter out, EventScratch scratch) {
            StackTraceElement[] frames;
            try {
                frames = throwable.getStackTrace();
            } catch (RuntimeException | LinkageError failure) { // NOPMD: a hostile getStackTrace() costs its frames
                out.stringValue("[getStackTrace() threw " + failure.getClass().getName() + "]");
                return;
            }
            if (frames == null) {
                out.stringValue("[getStackTrace() returned null]");
                return;
            }
            if (frames.length == 0) {
                out.nullValue();
                return;
            }
            out.open('[');
            for (StackTraceElement frame : frames) {
                out.comma();
                if (frame == null) {
                    out.nullValue(); // only a hostile getStackTrace() gives one
                } else {
                    element.write(frame, out, scratch);
                }
            }
            out.close(']');
        }
    }
}

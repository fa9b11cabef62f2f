package dev.log4jpool.layout;

import java.util.Objects;

/**
 * Writes a throwable's stack trace in the layout of {@code Throwable.printStackTrace()}: the
 * throwable, its frames ({@code \tat …}), then its suppressed throwables ({@code Suppressed: },
 * indented one tab deeper) and its cause ({@code Caused by: }), each enclosed trace without the
 * frames it shares with its encloser ({@code \t... n more}), and a throwable met a second time as
 * {@code [CIRCULAR REFERENCE: …]}. Each throwable's line is {@code Throwable.toString()}'s text
 * ({@code type: getLocalizedMessage()}), built without calling {@code toString()}, which a
 * throwable may override to throw. Past {@value ThrowableTrail#MAX} throwables the trace is cut,
 * with a line {@code [TRACE CUT: n more throwables left out; at most 64 are written]}.
 *
 * <p>Hostile throwables cost only the part that failed: a {@code getStackTrace()} that returns
 * {@code null} or throws gives a line saying so in place of the frames; a message method that throws
 * gives a marker in place of the message; a {@code getCause()} that throws, a line in place of the
 * cause.
 *
 * <p>Either into one JSON string (lines joined by {@code \n}) or as a JSON array with a string per
 * line. With {@code maxLines > 0} it stops after that many lines and ends with
 * {@code ... n lines omitted}. The text is written frame field by frame field, without
 * {@code StackTraceElement.toString()}; what remains allocated are the arrays the JDK copies for
 * {@code Throwable.getStackTrace()} and a non-empty {@code getSuppressed()}, once per throwable
 * (plus whatever a throwable's own {@code getMessage()} allocates).
 *
 * <p><b>The JDK's own layout</b> ({@link #renderJdk}), for JsonTemplateLayout's stringified
 * stack traces, which are {@code printStackTrace(PrintWriter)}'s text: every line, the last one
 * included, ends with the line separator, and a throwable class that overrides {@code toString()}
 * has its header written by that method (guarded as {@link SafeText#toString} guards it; it
 * allocates its String). Either into a JSON string, or into a builder of at most a given number of
 * chars, for the point-matcher truncation to read ({@link StackTraceTruncation}).
 *
 * <p>One per {@link EventScratch}, reset for every throwable; not thread-safe.
 */
final class StackTraceRenderer {
    /** What {@code PrintWriter.println()} ends a line with. */
    private static final String LINE_SEPARATOR = System.lineSeparator();

    /** Whether a throwable class has its own {@code toString()}, which the JDK's header uses; computed once per class. */
    private static final ClassValue<Boolean> OWN_TO_STRING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("toString").getDeclaringClass() != Throwable.class;
            } catch (NoSuchMethodException | SecurityException unknown) {
                return Boolean.TRUE; // call it: toString() is guarded
            }
        }
    };

    /** The JSON output, or {@code null} when writing into {@link #target}. */
    private JsonWriter out;
    /** The text output, or {@code null} when writing into {@link #out}. */
    private StringBuilder target;
    /** Chars {@link #target} holds at most. */
    private int capacity;
    private ThrowableTrail trail;
    /** The JDK's own layout: every line ends with the separator, an own {@code toString()} writes the header. */
    private boolean jdk;
    private boolean asArray;
    private int maxLines;
    private int lines;
    private int omitted;

    /** Our schema's trace: one JSON string (lines joined by {@code \n}) or an array of lines; {@code lineLimit} 0 for all. */
    void render(Throwable throwable, JsonWriter writer, ThrowableTrail throwableTrail, boolean array, int lineLimit) {
        start(writer, null, 0, throwableTrail, false, array, lineLimit);
        try {
            if (asArray) {
                out.open('[');
            } else {
                out.beginString();
            }
            trace(throwable);
            if (omitted > 0) {
                maxLines = 0; // the closing line itself is always written
                startLine(0);
                text("... ");
                number(omitted);
                text(" lines omitted");
                endLine();
            }
            if (asArray) {
                out.close(']');
            } else {
                out.endString();
            }
        } finally {
            finish();
        }
    }

    /** {@code printStackTrace(PrintWriter)}'s text as one JSON string (cut at {@code maxStringLength} as any string). */
    void renderJdk(Throwable throwable, JsonWriter writer, ThrowableTrail throwableTrail) {
        start(writer, null, 0, throwableTrail, true, false, 0);
        try {
            out.beginString();
            trace(throwable);
            out.endString();
        } finally {
            finish();
        }
    }

    /** {@code printStackTrace(PrintWriter)}'s text into {@code into} (emptied first), at most {@code maxChars} of it. */
    void renderJdk(Throwable throwable, StringBuilder into, int maxChars, ThrowableTrail throwableTrail) {
        into.setLength(0);
        start(null, into, maxChars, throwableTrail, true, false, 0);
        try {
            trace(throwable);
        } finally {
            finish();
        }
    }

    private void start(JsonWriter writer, StringBuilder builder, int maxChars, ThrowableTrail throwableTrail,
            boolean jdkLayout, boolean array, int lineLimit) {
        this.out = writer;
        this.target = builder;
        this.capacity = maxChars;
        this.trail = throwableTrail;
        this.jdk = jdkLayout;
        this.asArray = array;
        this.maxLines = lineLimit;
        this.lines = 0;
        this.omitted = 0;
    }

    private void finish() {
        trail.clear();
        this.out = null;
        this.target = null;
        this.trail = null;
    }

    /** The throwable's line, its frames, then its suppressed throwables and its cause. */
    private void trace(Throwable throwable) {
        trail.clear();
        trail.add(throwable);
        if (startLine(0)) {
            header(throwable);
            endLine();
        }
        StackTraceElement[] trace = stackTrace(throwable, 0);
        for (StackTraceElement frame : trace) {
            frame(frame, 0);
        }
        enclosedAll(throwable, trace, 0);
    }

    // ---- output: the JSON string (or array element) being written, or the text builder ----

    private void text(String part) {
        if (target == null) {
            out.part(part);
            return;
        }
        String value = part == null ? "null" : part;
        int room = capacity - target.length();
        if (room >= value.length()) {
            target.append(value);
        } else if (room > 0) {
            target.append(value, 0, room);
        }
    }

    private void text(char c) {
        if (target == null) {
            out.part(c);
        } else if (target.length() < capacity) {
            target.append(c);
        }
    }

    private void number(long value) {
        if (target == null) {
            out.partLong(value);
            return;
        }
        int before = target.length();
        if (before < capacity) {
            target.append(value);
            if (target.length() > capacity) {
                target.setLength(capacity);
            }
        }
    }

    private void enclosedAll(Throwable throwable, StackTraceElement[] trace, int tabs) {
        Throwable[] suppressedAll;
        Throwable cause;
        try {
            suppressedAll = throwable.getSuppressed();
        } catch (RuntimeException | LinkageError failure) { // NOPMD: getSuppressed() is final, but its lock is the throwable's
            suppressedAll = NONE;
        }
        for (Throwable suppressed : suppressedAll) {
            enclosed(suppressed, trace, "Suppressed: ", tabs + 1);
        }
        try {
            cause = throwable.getCause();
        } catch (RuntimeException | LinkageError failure) { // NOPMD: a hostile getCause(): only this line says so
            if (startLine(tabs)) {
                text("Caused by: [getCause() threw ");
                text(failure.getClass().getName());
                text(']');
                endLine();
            }
            return;
        }
        if (cause != null) {
            enclosed(cause, trace, "Caused by: ", tabs);
        }
    }

    private void enclosed(Throwable throwable, StackTraceElement[] enclosingTrace, String caption, int tabs) {
        int status = trail.add(throwable);
        if (status == ThrowableTrail.SEEN) {
            if (startLine(tabs)) {
                text(caption);
                text("[CIRCULAR REFERENCE: ");
                header(throwable);
                text(']');
                endLine();
            }
            return;
        }
        if (status == ThrowableTrail.FULL) {
            int leftOut = trail.countLeftOut(throwable);
            if (startLine(tabs)) {
                text(caption);
                text("[TRACE CUT: ");
                if (leftOut >= ThrowableTrail.MAX_COUNTED) {
                    text("at least ");
                }
                number(leftOut);
                text(leftOut == 1 ? " more throwable left out; at most " : " more throwables left out; at most ");
                number(ThrowableTrail.MAX);
                text(" are written]");
                endLine();
            }
            return;
        }
        if (startLine(tabs)) {
            text(caption);
            header(throwable);
            endLine();
        }
        StackTraceElement[] trace = stackTrace(throwable, tabs);
        int m = trace.length - 1;
        int n = enclosingTrace.length - 1;
        while (m >= 0 && n >= 0 && Objects.equals(trace[m], enclosingTrace[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        for (int i = 0; i <= m; i++) {
            frame(trace[i], tabs);
        }
        if (inCommon != 0 && startLine(tabs)) {
            text("\t... ");
            number(inCommon);
            text(" more");
            endLine();
        }
        enclosedAll(throwable, trace, tabs);
    }

    private static final StackTraceElement[] NO_FRAMES = {};
    private static final Throwable[] NONE = {};

    /**
     * The frames. When {@code getStackTrace()} returns {@code null} or throws, a line in place of
     * the frames says so, and there are none: the rest of the trace is written as usual.
     */
    private StackTraceElement[] stackTrace(Throwable throwable, int tabs) {
        StackTraceElement[] trace;
        try {
            trace = throwable.getStackTrace();
        } catch (RuntimeException | LinkageError failure) { // NOPMD: a hostile getStackTrace() costs its frames only
            if (startLine(tabs)) {
                text("\t[getStackTrace() threw ");
                text(failure.getClass().getName());
                text(']');
                endLine();
            }
            return NO_FRAMES;
        }
        if (trace == null) {
            if (startLine(tabs)) {
                text("\t[getStackTrace() returned null]");
                endLine();
            }
            return NO_FRAMES;
        }
        return trace;
    }

    /**
     * As {@code Throwable.toString()} writes it: {@code type: localized message}, or just the type when
     * there is none. In the JDK's layout a class's own {@code toString()} writes it, as the JDK lets it.
     */
    private void header(Throwable throwable) {
        if (jdk && OWN_TO_STRING.get(throwable.getClass())) {
            text(SafeText.toString(throwable));
            return;
        }
        text(throwable.getClass().getName());
        String message = SafeText.localizedMessage(throwable);
        if (message != null) {
            text(": ");
            text(message);
        }
    }

    /** As {@code StackTraceElement.toString()} writes it, without building the String. */
    private void frame(StackTraceElement frame, int tabs) {
        if (!startLine(tabs)) {
            return;
        }
        text("\tat ");
        if (frame == null) { // a hostile getStackTrace(); the JDK prints the same
            text("null");
            endLine();
            return;
        }
        String loader = frame.getClassLoaderName();
        String module = frame.getModuleName();
        boolean showLoader = loader != null && !loader.isEmpty() && !"app".equals(loader) && !"platform".equals(loader);
        if (showLoader) {
            text(loader);
            text('/');
        }
        if (module != null && !module.isEmpty()) {
            text(module);
            String version = frame.getModuleVersion();
            // The JDK leaves out the version of its own modules.
            if (version != null && !version.isEmpty() && !module.startsWith("java.") && !module.startsWith("jdk.")) {
                text('@');
                text(version);
            }
        }
        if (showLoader || (module != null && !module.isEmpty())) {
            text('/');
        }
        text(frame.getClassName());
        text('.');
        text(frame.getMethodName());
        text('(');
        if (frame.isNativeMethod()) {
            text("Native Method");
        } else if (frame.getFileName() == null) {
            text("Unknown Source");
        } else {
            text(frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                text(':');
                number(frame.getLineNumber());
            }
        }
        text(')');
        endLine();
    }

    /**
     * Starts a line with {@code tabs} tabs, or counts it as omitted past {@code maxLines}; a full
     * text builder takes no more lines.
     */
    private boolean startLine(int tabs) {
        if (maxLines > 0 && lines >= maxLines) {
            omitted++;
            return false;
        }
        if (target != null && target.length() >= capacity) {
            return false;
        }
        if (asArray) {
            out.comma();
            out.beginString();
        } else if (lines > 0 && !jdk) {
            text('\n');
        }
        lines++;
        for (int i = 0; i < tabs; i++) {
            text('\t');
        }
        return true;
    }

    private void endLine() {
        if (asArray) {
            out.endString();
        } else if (jdk) {
            text(LINE_SEPARATOR);
        }
    }
}

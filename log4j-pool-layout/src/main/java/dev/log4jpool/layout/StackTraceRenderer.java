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
 * <p>One per {@link EventScratch}, reset for every throwable; not thread-safe.
 */
final class StackTraceRenderer {
    private JsonWriter out;
    private ThrowableTrail trail;
    private boolean asArray;
    private int maxLines;
    private int lines;
    private int omitted;

    void render(Throwable throwable, JsonWriter writer, ThrowableTrail throwableTrail, boolean array, int lineLimit) {
        this.out = writer;
        this.trail = throwableTrail;
        this.asArray = array;
        this.maxLines = lineLimit;
        this.lines = 0;
        this.omitted = 0;
        if (asArray) {
            out.open('[');
        } else {
            out.beginString();
        }
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
        if (omitted > 0) {
            maxLines = 0; // the closing line itself is always written
            startLine(0);
            out.part("... ");
            out.partLong(omitted);
            out.part(" lines omitted");
            endLine();
        }
        if (asArray) {
            out.close(']');
        } else {
            out.endString();
        }
        trail.clear();
        this.out = null;
        this.trail = null;
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
                out.part("Caused by: [getCause() threw ");
                out.part(failure.getClass().getName());
                out.part(']');
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
                out.part(caption);
                out.part("[CIRCULAR REFERENCE: ");
                header(throwable);
                out.part(']');
                endLine();
            }
            return;
        }
        if (status == ThrowableTrail.FULL) {
            int leftOut = trail.countLeftOut(throwable);
            if (startLine(tabs)) {
                out.part(caption);
                out.part("[TRACE CUT: ");
                if (leftOut >= ThrowableTrail.MAX_COUNTED) {
                    out.part("at least ");
                }
                out.partLong(leftOut);
                out.part(leftOut == 1 ? " more throwable left out; at most " : " more throwables left out; at most ");
                out.partLong(ThrowableTrail.MAX);
                out.part(" are written]");
                endLine();
            }
            return;
        }
        if (startLine(tabs)) {
            out.part(caption);
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
            out.part("\t... ");
            out.partLong(inCommon);
            out.part(" more");
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
                out.part("\t[getStackTrace() threw ");
                out.part(failure.getClass().getName());
                out.part(']');
                endLine();
            }
            return NO_FRAMES;
        }
        if (trace == null) {
            if (startLine(tabs)) {
                out.part("\t[getStackTrace() returned null]");
                endLine();
            }
            return NO_FRAMES;
        }
        return trace;
    }

    /** As {@code Throwable.toString()} writes it: {@code type: localized message}, or just the type when there is none. */
    private void header(Throwable throwable) {
        out.part(throwable.getClass().getName());
        String message = SafeText.localizedMessage(throwable);
        if (message != null) {
            out.part(": ");
            out.part(message);
        }
    }

    /** As {@code StackTraceElement.toString()} writes it, without building the String. */
    private void frame(StackTraceElement frame, int tabs) {
        if (!startLine(tabs)) {
            return;
        }
        out.part("\tat ");
        if (frame == null) { // a hostile getStackTrace(); the JDK prints the same
            out.part("null");
            endLine();
            return;
        }
        String loader = frame.getClassLoaderName();
        String module = frame.getModuleName();
        boolean showLoader = loader != null && !loader.isEmpty() && !"app".equals(loader) && !"platform".equals(loader);
        if (showLoader) {
            out.part(loader);
            out.part('/');
        }
        if (module != null && !module.isEmpty()) {
            out.part(module);
            String version = frame.getModuleVersion();
            // The JDK leaves out the version of its own modules.
            if (version != null && !version.isEmpty() && !module.startsWith("java.") && !module.startsWith("jdk.")) {
                out.part('@');
                out.part(version);
            }
        }
        if (showLoader || (module != null && !module.isEmpty())) {
            out.part('/');
        }
        out.part(frame.getClassName());
        out.part('.');
        out.part(frame.getMethodName());
        out.part('(');
        if (frame.isNativeMethod()) {
            out.part("Native Method");
        } else if (frame.getFileName() == null) {
            out.part("Unknown Source");
        } else {
            out.part(frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                out.part(':');
                out.partLong(frame.getLineNumber());
            }
        }
        out.part(')');
        endLine();
    }

    /** Starts a line with {@code tabs} tabs, or counts it as omitted past {@code maxLines}. */
    private boolean startLine(int tabs) {
        if (maxLines > 0 && lines >= maxLines) {
            omitted++;
            return false;
        }
        if (asArray) {
            out.comma();
            out.beginString();
        } else if (lines > 0) {
            out.part('\n');
        }
        lines++;
        for (int i = 0; i < tabs; i++) {
            out.part('\t');
        }
        return true;
    }

    private void endLine() {
        if (asArray) {
            out.endString();
        }
    }
}

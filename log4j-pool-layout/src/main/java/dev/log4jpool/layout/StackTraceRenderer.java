package dev.log4jpool.layout;

/**
 * Writes a throwable's stack trace in the layout of {@code Throwable.printStackTrace()}: the
 * throwable, its frames ({@code \tat …}), then its suppressed throwables ({@code Suppressed: },
 * indented one tab deeper) and its cause ({@code Caused by: }), each enclosed trace without the
 * frames it shares with its encloser ({@code \t... n more}), and a throwable met a second time as
 * {@code [CIRCULAR REFERENCE: …]}.
 *
 * <p>Either into one JSON string (lines joined by {@code \n}) or as a JSON array with a string per
 * line. With {@code maxLines > 0} it stops after that many lines and ends with
 * {@code ... n lines omitted}. The text is written frame field by frame field, without
 * {@code StackTraceElement.toString()}; what remains allocated are the arrays the JDK copies for
 * {@code Throwable.getStackTrace()} and a non-empty {@code getSuppressed()}, once per throwable
 * (plus whatever a throwable's own {@code getMessage()} allocates).
 *
 * <p>One per {@link JsonWriter}, reset for every throwable; not thread-safe.
 */
final class StackTraceRenderer {
    private JsonWriter out;
    private boolean asArray;
    private int maxLines;
    private int lines;
    private int omitted;

    void render(Throwable throwable, JsonWriter writer, boolean array, int lineLimit) {
        this.out = writer;
        this.asArray = array;
        this.maxLines = lineLimit;
        this.lines = 0;
        this.omitted = 0;
        if (asArray) {
            out.open('[');
        } else {
            out.beginString();
        }
        ThrowableTrail trail = out.throwableTrail;
        trail.clear();
        trail.add(throwable);
        StackTraceElement[] trace = throwable.getStackTrace();
        if (startLine(0)) {
            header(throwable);
            endLine();
        }
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
    }

    private void enclosedAll(Throwable throwable, StackTraceElement[] trace, int tabs) {
        for (Throwable suppressed : throwable.getSuppressed()) {
            enclosed(suppressed, trace, "Suppressed: ", tabs + 1);
        }
        Throwable cause = throwable.getCause();
        if (cause != null) {
            enclosed(cause, trace, "Caused by: ", tabs);
        }
    }

    private void enclosed(Throwable throwable, StackTraceElement[] enclosingTrace, String caption, int tabs) {
        if (!out.throwableTrail.add(throwable)) {
            if (startLine(tabs)) {
                out.part(caption);
                out.part("[CIRCULAR REFERENCE: ");
                header(throwable);
                out.part(']');
                endLine();
            }
            return;
        }
        StackTraceElement[] trace = throwable.getStackTrace();
        int m = trace.length - 1;
        int n = enclosingTrace.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosingTrace[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        if (startLine(tabs)) {
            out.part(caption);
            header(throwable);
            endLine();
        }
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

    /** {@code type: message}, or just the type when there is no message. */
    private void header(Throwable throwable) {
        out.part(throwable.getClass().getName());
        String message = SafeText.message(throwable);
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

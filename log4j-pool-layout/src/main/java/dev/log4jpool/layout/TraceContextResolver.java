package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * {@code {"$resolver": "traceContext", "field": "traceId" | "spanId" | "traceFlags" | "sampled"}}: the
 * W3C trace context that OpenTelemetry's Java agent (or anything else) puts in the thread context,
 * read under the layout's {@code traceIdKey}, {@code spanIdKey} and {@code traceFlagsKey}
 * ({@code trace_id}, {@code span_id}, {@code trace_flags} by default).
 * <ul>
 * <li>{@code traceId}, {@code spanId}: the id as a lower-case hex string (upper-case input is
 *     lowered). With {@code "gcpTrace": true} (traceId only) and the layout's {@code gcpProjectId}
 *     set: {@code projects/<gcpProjectId>/traces/<id>}, the form Cloud Logging links to Cloud Trace.</li>
 * <li>{@code traceFlags}: the flags byte ({@code 01}) as a JSON number ({@code 1}); with
 *     {@code "format": "hex"} as the two lower-case hex digits the context holds ({@code "01"}), as
 *     logstash-logback-encoder writes the agent's entry.</li>
 * <li>{@code sampled}: whether the flags' sampled bit is set, a boolean.</li>
 * </ul>
 *
 * <p><b>Absent or invalid values leave the member out.</b> A key the context lacks writes nothing,
 * as the issue asks. A value that is not a valid W3C id (a trace id of 32 hex digits, a span id of
 * 16, not all zero; flags of 2 hex digits) is left out too rather than written as it is: these
 * members are read by machines that reject it (an OTLP/JSON receiver fails the whole line on an id
 * that is not hex of the right length; Cloud Trace and Kibana's trace links need the real form), and
 * the value is still in the thread context for the schemas that write the context. A value that is
 * not text (an object put in the context map) counts as invalid.
 *
 * <p>Allocation: none; the key lookup and the checks read the context in place.
 */
final class TraceContextResolver {
    private TraceContextResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        String field = options.requiredChoice("field", "traceId", "spanId", "traceFlags", "sampled");
        boolean gcpTrace = options.bool("gcpTrace", false);
        if (gcpTrace && !field.equals("traceId")) {
            throw options.error("gcpTrace", "applies to \"field\": \"traceId\" only");
        }
        String format = options.choice("format", "number", "number", "hex");
        if (format.equals("hex") && !field.equals("traceFlags")) {
            throw options.error("format", "applies to \"field\": \"traceFlags\" only");
        }
        switch (field) {
            case "traceId":
                String project = gcpTrace ? context.gcpProjectId() : null;
                return new HexId(context.traceIdKey(), 32, project == null ? null
                        : dev.log4jpool.internal.JsonCodec.escapeConstant("projects/" + project + "/traces/", context.asciiOnly()));
            case "spanId":
                return new HexId(context.spanIdKey(), 16, null);
            case "traceFlags":
                return new Flags(context.traceFlagsKey(), format.equals("hex") ? Flags.Form.HEX : Flags.Form.NUMBER);
            default:
                return new Flags(context.traceFlagsKey(), Flags.Form.SAMPLED);
        }
    }

    /** The context's value under {@code key} when it is text, else {@code null}. */
    static CharSequence text(LogEvent event, String key) {
        ReadOnlyStringMap data = event.getContextData();
        if (data == null) {
            return null;
        }
        Object value = data.getValue(key);
        return value instanceof CharSequence ? (CharSequence) value : null;
    }

    /** Whether {@code id} is {@code digits} hex digits, not all zero (W3C's invalid id). */
    static boolean isValidId(CharSequence id, int digits) {
        if (id == null || id.length() != digits) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < digits; i++) {
            int nibble = hexDigit(id.charAt(i));
            if (nibble < 0) {
                return false;
            }
            nonZero |= nibble != 0;
        }
        return nonZero;
    }

    /** The flags byte of {@code flags} (two hex digits), or -1 when it is absent or not that. */
    static int flags(CharSequence flags) {
        if (flags == null || flags.length() != 2) {
            return -1;
        }
        int high = hexDigit(flags.charAt(0));
        int low = hexDigit(flags.charAt(1));
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A trace or span id as lower-case hex, optionally after a fixed prefix (GCP's trace resource name). */
    static final class HexId extends TemplateNode<LogEvent> {
        private final String key;
        private final int digits;
        /** Escaped; {@code null}: the id alone. */
        private final char[] prefix;

        HexId(String key, int digits, char[] prefix) {
            this.key = key;
            this.digits = digits;
            this.prefix = prefix;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            return isValidId(text(event, key), digits);
        }

        @Override
        PresenceGuard<LogEvent> presenceGuard() {
            return PresenceGuard.HAS_CONTEXT;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            // Never cut at maxStringLength: a backend rejects a cut id (an OTLP receiver, the whole line).
            CharSequence id = text(event, key);
            if (!isValidId(id, digits)) {
                out.nullValue(); // only reached in an array, which writes every element
                return;
            }
            out.raw('"');
            if (prefix != null) {
                out.raw(prefix);
            }
            for (int i = 0; i < digits; i++) {
                out.raw(Character.toLowerCase(id.charAt(i)));
            }
            out.raw('"');
        }
    }

    /** The trace flags: as a number, as two lower-case hex digits, or their sampled bit as a boolean. */
    static final class Flags extends TemplateNode<LogEvent> {
        enum Form { NUMBER, HEX, SAMPLED }

        private static final char[] HEX = "0123456789abcdef".toCharArray();
        private final String key;
        private final Form form;

        Flags(String key, Form form) {
            this.key = key;
            this.form = form;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            return flags(text(event, key)) >= 0;
        }

        @Override
        PresenceGuard<LogEvent> presenceGuard() {
            return PresenceGuard.HAS_CONTEXT;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            int flags = flags(text(event, key));
            if (flags < 0) {
                out.nullValue(); // only reached in an array, which writes every element
            } else if (form == Form.NUMBER) {
                out.longValue(flags);
            } else if (form == Form.SAMPLED) {
                out.booleanValue((flags & 1) != 0);
            } else {
                out.raw('"');
                out.raw(HEX[flags >> 4]);
                out.raw(HEX[flags & 0xF]);
                out.raw('"');
            }
        }
    }
}

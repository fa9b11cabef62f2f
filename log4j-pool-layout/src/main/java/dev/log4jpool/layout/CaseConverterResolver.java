package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import dev.log4jpool.internal.JsonCodec;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * {@code {"$resolver": "caseConverter", "case": "upper"|"lower", "input": template}}, with
 * {@code "locale"} ({@code language[_COUNTRY[_variant]]}; default: the property
 * {@code log4j.layout.jsonTemplate.locale}, else the JVM's default locale),
 * {@code "errorHandlingStrategy": "fail"|"pass"|"replace"} [replace] and {@code "replacement":
 * template} [null]. Writes {@code input} (any template value: a literal, a lookup, a resolver), and
 * when that is a string, the string in the other case. When it is not a string: {@code pass} keeps
 * it, {@code replace} writes {@code replacement} instead, {@code fail} fails the member (written
 * as our usual failure marker, where JsonTemplateLayout fails the whole event). Present when
 * {@code input} is; left out of the template when {@code input} can never be written (absent,
 * {@code null}, empty, a disabled resolver).
 *
 * <p>The string converted is the one {@code input} wrote, already cut at {@code maxStringLength}
 * with the suffix; the result is cut again (as in JsonTemplateLayout: a conversion that makes text
 * longer, {@code ß} to {@code SS}, cannot make it pass the limit). Converting cannot fail (the
 * JDK's case mappings do not throw), so the strategy only decides for values that are not strings.
 *
 * <p><b>Allocation</b>: none, where JsonTemplateLayout allocates per event: the string is read back
 * from the output and converted into the scratch ({@link CaseConversion}). It allocates only for
 * text the JDK must convert as a whole: with a Turkish, Azerbaijani or Lithuanian locale, and when
 * lower-casing text with a capital sigma; then a String for the input and one for the result.
 *
 * <p>A flattening {@code input} or {@code replacement} (a context map with {@code "flatten": true})
 * is a configuration error: its members are not one value to convert or replace.
 */
final class CaseConverterResolver extends TemplateNode<LogEvent> {
    private final TemplateNode<LogEvent> input;
    private final CaseConversion conversion;
    private final Strategy strategy;
    private final TemplateNode<LogEvent> replacement;

    /** What to do when {@code input} writes something other than a string. */
    enum Strategy { FAIL, PASS, REPLACE }

    private CaseConverterResolver(TemplateNode<LogEvent> input, CaseConversion conversion, Strategy strategy,
            TemplateNode<LogEvent> replacement) {
        this.input = input;
        this.conversion = conversion;
        this.strategy = strategy;
        this.replacement = replacement;
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        boolean upper = "upper".equals(options.requiredChoice("case", "upper", "lower"));
        Locale locale = locale(options.string("locale", null));
        Strategy strategy = Strategy.valueOf(
                options.choice("errorHandlingStrategy", "replace", "fail", "pass", "replace").toUpperCase(Locale.ROOT));
        TemplateCompiler<LogEvent> compiler = new TemplateCompiler<>(EventResolvers.FACTORIES, context);
        TemplateNode<LogEvent> replacement = compiler.compile(options.raw("replacement"), options.path("replacement"));
        if (replacement == null) {
            replacement = new TemplateNodes.Literal<>(emptyValue(options.raw("replacement")).toCharArray());
        }
        TemplateNode<LogEvent> input = compiler.compile(options.raw("input"), options.path("input"));
        if (input != null && input.isFlattening() || replacement.isFlattening()) {
            throw options.error(input != null && input.isFlattening() ? "input" : "replacement",
                    "is a flattening resolver: it writes members, not one value to convert");
        }
        return input == null ? null : new CaseConverterResolver(input, new CaseConversion(upper, locale), strategy, replacement);
    }

    /** What JsonTemplateLayout writes for a template value that compiles to nothing: {@code {}}, {@code []} or {@code null}. */
    private static String emptyValue(Object template) {
        if (template instanceof Map && !((Map<?, ?>) template).containsKey("$resolver")) {
            return "{}";
        }
        return template instanceof java.util.List ? "[]" : "null";
    }

    /** {@code language[_country[_variant]]}, as JsonTemplateLayout reads it; the layout-wide default when absent. */
    static Locale locale(String spec) {
        String given = spec != null ? spec
                : PropertiesUtil.getProperties().getStringProperty("log4j.layout.jsonTemplate.locale");
        if (given == null) {
            return Locale.getDefault();
        }
        String[] parts = given.split("_", 3);
        switch (parts.length) {
            case 1:
                return new Locale(parts[0]);
            case 2:
                return new Locale(parts[0], parts[1]);
            default:
                return new Locale(parts[0], parts[1], parts[2]);
        }
    }

    @Override
    public boolean isPresent(LogEvent event) {
        return input.isPresent(event);
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        long checkpoint = out.checkpoint();
        TextBuffer buffer = out.buffer();
        int start = buffer.length();
        input.write(event, out, scratch);
        int end = buffer.length();
        char[] chars = buffer.array();
        if (end - start >= 2 && chars[start] == '"' && chars[end - 1] == '"') {
            convert(out, buffer, start, end, scratch);
            return;
        }
        switch (strategy) {
            case PASS:
                return;
            case REPLACE:
                out.rollback(checkpoint);
                replacement.write(event, out, scratch);
                return;
            default:
                throw new IllegalStateException("caseConverter: input is not a string: "
                        + buffer.subSequence(start, Math.min(end, start + 64)));
        }
    }

    /** Reads back the string {@code input} wrote at {@code [start, end)} and writes it converted in its place. */
    private void convert(JsonWriter out, TextBuffer buffer, int start, int end, EventScratch scratch) {
        char[] chars = buffer.array();
        // our writer's strings are well formed: the decoded text ends where the closing quote is
        long decoded = JsonCodec.unescape(chars, start + 1, end);
        if (decoded == JsonCodec.MALFORMED || (int) (decoded >>> 32) != end - 1) {
            throw new IllegalStateException("caseConverter: input wrote a string that does not read back");
        }
        StringBuilder converted = scratch.caseText();
        conversion.convert(chars, start + 1, (int) decoded, converted);
        buffer.truncate(start); // a scalar value: the writer's comma state is as input found it
        out.stringValue(converted);
    }
}

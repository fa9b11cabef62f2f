package dev.log4jpool.layout;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;

/**
 * {@code {"$resolver": "ndc"}}, optionally with {@code "pattern": regex}: the thread context stack
 * (NDC) as an array of strings, oldest first; with {@code pattern}, only the items the whole regex
 * matches. The member is present when the stack is not empty; when no item matches it is
 * {@code null} (JsonTemplateLayout's choice: an empty stack leaves the member out, a filtered-out one
 * writes {@code null}).
 *
 * <p>The regex is compiled once here; each event reuses a {@link Matcher} kept in its scratch
 * ({@link MatcherCache}), so filtering allocates nothing for patterns whose matching does not.
 */
final class NdcResolver extends TemplateNode<LogEvent> {
    /** {@code null}: every item. */
    private final Pattern pattern;

    private NdcResolver(Pattern pattern) {
        this.pattern = pattern;
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        String regex = options.string("pattern", null);
        if (regex == null) {
            return new NdcResolver(null);
        }
        try {
            return new NdcResolver(Pattern.compile(regex));
        } catch (PatternSyntaxException invalid) {
            throw options.error("pattern", "is not a valid regular expression: " + invalid.getDescription()
                    + " near index " + invalid.getIndex());
        }
    }

    @Override
    public boolean isPresent(LogEvent event) {
        ThreadContext.ContextStack stack = event.getContextStack();
        return stack != null && stack.getDepth() > 0;
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        ThreadContext.ContextStack stack = event.getContextStack();
        List<String> items = stack == null || stack.getDepth() == 0 ? null : stack.asList();
        if (items == null) {
            out.nullValue();
            return;
        }
        boolean open = false;
        int size = items.size();
        for (int i = 0; i < size; i++) { // by index: the stacks Log4j hands out are array lists, no iterator
            String item = items.get(i);
            if (pattern != null && !matches(item, scratch.matchers)) {
                continue;
            }
            if (!open) {
                out.open('[');
                open = true;
            }
            out.comma();
            out.stringValue(item);
        }
        if (open) {
            out.close(']');
        } else {
            out.nullValue();
        }
    }

    private boolean matches(String item, MatcherCache matchers) {
        if (item == null) {
            return false; // a stack does not hold null; if one does, Pattern cannot match it
        }
        Matcher matcher = matchers.reset(pattern, item);
        try {
            return matcher.matches();
        } finally {
            matchers.release(matcher);
        }
    }
}

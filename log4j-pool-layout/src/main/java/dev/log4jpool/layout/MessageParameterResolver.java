package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;

/**
 * {@code {"$resolver": "messageParameter"}}, with {@code "index": n} (from 0) and
 * {@code "stringified": true|false} [false]: the message's parameters as an array (an empty array
 * when it has none), or the one at {@code index} ({@code null} when there is none). Each parameter
 * keeps its JSON type ({@link TypedValues}: a boxed number is a number, a map an object), or with
 * {@code stringified} is the string of {@code String.valueOf(parameter)} ({@code "null"} for null).
 * Always present.
 *
 * <p>Messages that let their parameters be visited (Log4j's reusable messages, and the mutable
 * events of its garbage-free loggers) are read through {@code forEachParameter}, which copies
 * nothing; other messages through {@code getParameters()}.
 *
 * <p><b>Allocation</b>: nothing of ours. Log4j's {@code Unbox} primitives are {@code StringBuilder}s
 * and are written as strings (as JsonTemplateLayout writes them), from their chars; boxed numbers,
 * booleans and strings are written without a copy, typed or stringified. What allocates is the
 * parameter's own {@code toString()}, called for other objects when {@code stringified} (and for
 * objects with no JSON type when not), see {@link TypedValues}; and {@code getParameters()} of a
 * message that is not visitable and copies its array there.
 */
final class MessageParameterResolver extends TemplateNode<LogEvent> {
    /** The parameter to write; {@code -1}: all, as an array. */
    private final int index;
    private final boolean stringified;

    private MessageParameterResolver(int index, boolean stringified) {
        this.index = index;
        this.stringified = stringified;
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        boolean stringified = options.bool("stringified", false);
        int index = options.integer("index", -1);
        if (options.has("index") && index < 0) {
            throw options.error("index", "must be 0 or more, not " + index);
        }
        return new MessageParameterResolver(index, stringified);
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        Message message = event.getMessage();
        if (message instanceof ParameterVisitable) {
            writeVisited((ParameterVisitable) message, out, scratch);
            return;
        }
        Object[] parameters = message == null ? null : message.getParameters();
        int count = parameters == null ? 0 : parameters.length;
        if (index >= 0) {
            if (index < count) {
                value(parameters[index], scratch.typedValues);
            } else {
                out.nullValue();
            }
            return;
        }
        out.open('[');
        for (int i = 0; i < count; i++) {
            out.comma();
            value(parameters[i], scratch.typedValues);
        }
        out.close(']');
    }

    private void writeVisited(ParameterVisitable message, JsonWriter out, EventScratch scratch) {
        Visit visit = scratch.parameterVisit;
        visit.resolver = this;
        visit.written = false;
        if (index < 0) {
            out.open('[');
        }
        message.forEachParameter(VISITOR, visit);
        if (index < 0) {
            out.close(']');
        } else if (!visit.written) {
            out.nullValue(); // no parameter at that index
        }
        visit.resolver = null;
    }

    void value(Object parameter, TypedValues values) {
        if (stringified) {
            values.writeStringified(parameter);
        } else {
            values.write(parameter);
        }
    }

    /** What a visit of one message's parameters needs; one per {@link EventScratch}. */
    static final class Visit {
        final TypedValues values;
        final JsonWriter out;
        MessageParameterResolver resolver;
        boolean written;

        Visit(TypedValues values, JsonWriter out) {
            this.values = values;
            this.out = out;
        }
    }

    private static final ParameterConsumer<Visit> VISITOR = new Visitor();

    /** Writes the visited parameters the resolver asks for: all, each after a comma, or the one at its index. */
    private static final class Visitor implements ParameterConsumer<Visit> {
        @Override
        public void accept(Object parameter, int parameterIndex, Visit visit) {
            MessageParameterResolver resolver = visit.resolver;
            if (resolver.index < 0) {
                visit.out.comma();
            } else if (resolver.index != parameterIndex) {
                return;
            }
            resolver.value(parameter, visit.values);
            visit.written = true;
        }
    }
}

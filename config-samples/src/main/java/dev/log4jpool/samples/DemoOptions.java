package dev.log4jpool.samples;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo's command line: which sample configuration, how many events, from how many threads, and
 * which kind of message. Bad input throws {@link UsageException} with a message for the user.
 */
record DemoOptions(Sample sample, Path configFile, long events, int threads, MessageKind message, Path logFile) {

    /** The message each event carries. */
    enum MessageKind {
        /** {@code logger.info("user {} bought {} items", user, items)} with unboxed primitives. */
        PARAMS,
        /** {@code StructuredMessage.of("order placed").with("orderId", n)...}: typed fields. */
        TYPED
    }

    static final String USAGE = String.join("\n",
            "usage: demo [--sample NAME | --config FILE] [--events N] [--threads N] [--message params|typed] [--file PATH]",
            "",
            "  --sample NAME     a bundled sample (default file-block): " + Sample.names(),
            "  --config FILE     a log4j2.xml of your own; it should write to ${sys:log4jpool.demo.file}",
            "  --events N        events to log in all, 1 to 1000000000 (default 1000000)",
            "  --threads N       logging threads, 1 to 64 (default 2)",
            "  --message KIND    params (parameterized message) or typed (StructuredMessage) (default params)",
            "  --file PATH       the log file the sample writes (default logs/demo.log)",
            "  --help            this text");

    /** A command-line mistake; the demo prints it with the usage and exits with status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static DemoOptions parse(List<String> args) throws UsageException {
        Sample sample = Sample.FILE_BLOCK;
        Path config = null;
        long events = 1_000_000;
        int threads = 2;
        MessageKind message = MessageKind.PARAMS;
        Path file = Path.of("logs", "demo.log");
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("missing value after " + option);
            }
            String value = args.get(++i);
            switch (option) {
                case "--sample":
                    sample = Sample.byName(value);
                    break;
                case "--config":
                    config = Path.of(value);
                    break;
                case "--events":
                    events = number(option, value, 1, 1_000_000_000);
                    break;
                case "--threads":
                    threads = (int) number(option, value, 1, 64);
                    break;
                case "--message":
                    message = messageKind(value);
                    break;
                case "--file":
                    file = Path.of(value);
                    break;
                default:
                    throw new UsageException("unknown option " + option);
            }
        }
        return new DemoOptions(sample, config, events, threads, message, file);
    }

    private static long number(String option, String value, long min, long max) throws UsageException {
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    private static MessageKind messageKind(String value) throws UsageException {
        switch (value) {
            case "params":
                return MessageKind.PARAMS;
            case "typed":
                return MessageKind.TYPED;
            default:
                throw new UsageException("--message must be params or typed, got '" + value + "'");
        }
    }
}

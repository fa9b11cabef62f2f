package dev.log4jpool.perf.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} command-line options, plus the positional arguments. */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    final List<String> positional = new ArrayList<>();

    static Options parse(String[] args) {
        return parse(args, java.util.Set.of());
    }

    /** @param flags the option names that take no value */
    static Options parse(String[] args, java.util.Set<String> flags) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.values.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (flags.contains(name)) {
                    options.values.put(name, "true");
                } else if (i + 1 < args.length) {
                    options.values.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
            } else {
                options.positional.add(arg);
            }
        }
        return options;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}

package dev.log4jpool.perf.latency;

/**
 * The logging setups the response-time suite compares, each named as a user would name it. The
 * configurations are {@code EndToEndBenchmark}'s, so both suites measure the same appenders with the
 * same five JSON fields; "all-async" runs under {@code AsyncLoggerContextSelector}, set on the child
 * JVM's command line as a user would set it.
 */
public enum LatencySetup {
    POOLED_SYNC("pooled-sync", "pooledSyncBlock", "PooledFile, sync BLOCK", true, false),
    POOLED_ASYNC("pooled-async", "pooledAsync", "PooledFile, async", true, false),
    ALL_ASYNC_POOLED("all-async-pooled", "allAsyncPooled", "all-async loggers + PooledFile", true, true),
    RAF_JSON_TEMPLATE("raf-jtl", "rafJsonTemplate", "RandomAccessFile + JsonTemplateLayout", false, false),
    ALL_ASYNC_RAF_JSON_TEMPLATE("all-async-raf-jtl", "allAsyncRafJsonTemplate",
            "all-async loggers + RandomAccessFile + JsonTemplateLayout", false, true);

    private final String id;
    private final String e2eSetup;
    private final String displayName;
    private final boolean ours;
    private final boolean allAsync;

    LatencySetup(String id, String e2eSetup, String displayName, boolean ours, boolean allAsync) {
        this.id = id;
        this.e2eSetup = e2eSetup;
        this.displayName = displayName;
        this.ours = ours;
        this.allAsync = allAsync;
    }

    /** The short name used on the command line and in file names. */
    public String id() {
        return id;
    }

    /** The name of the same setup in {@code EndToEndBenchmark}'s {@code setup} parameter. */
    public String e2eSetup() {
        return e2eSetup;
    }

    /** The name shown in tables and charts. */
    public String displayName() {
        return displayName;
    }

    /** One of log4j-pool's setups (the suite reports any GC in their measurement window). */
    public boolean ours() {
        return ours;
    }

    /** Runs under Log4j's all-async loggers ({@code AsyncLoggerContextSelector}). */
    public boolean allAsync() {
        return allAsync;
    }

    /** Accepts the id, the enum name or the e2e benchmark's name, in any case. */
    public static LatencySetup parse(String name) {
        for (LatencySetup setup : values()) {
            if (setup.id.equalsIgnoreCase(name) || setup.name().equalsIgnoreCase(name)
                    || setup.e2eSetup.equalsIgnoreCase(name)) {
                return setup;
            }
        }
        StringBuilder known = new StringBuilder();
        for (LatencySetup setup : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(setup.id);
        }
        throw new IllegalArgumentException("unknown setup '" + name + "' (known: " + known + ")");
    }

    /** The display name for an e2e benchmark parameter value, or the value itself if it is not a setup. */
    public static String displayNameOf(String e2eSetupOrId) {
        for (LatencySetup setup : values()) {
            if (setup.e2eSetup.equals(e2eSetupOrId) || setup.id.equals(e2eSetupOrId)) {
                return setup.displayName;
            }
        }
        // EndToEndBenchmark's rollover setups: a setup above plus "Rolling" (64 MB size policy) and
        // "Forced" (force="Periodic"); Log4j's rolling peer is RollingRandomAccessFile.
        for (String suffix : new String[] {"RollingForced", "Rolling"}) {
            if (e2eSetupOrId.endsWith(suffix)) {
                String base = e2eSetupOrId.substring(0, e2eSetupOrId.length() - suffix.length()).replace("Rraf", "Raf")
                        .replace("rraf", "raf");
                String name = displayNameOf(base);
                if (!name.equals(base)) {
                    String rolling = name.contains("RandomAccessFile")
                            ? name.replace("RandomAccessFile", "RollingRandomAccessFile") : name + ", rolling";
                    return rolling + (suffix.equals("RollingForced") ? ", force=Periodic" : "");
                }
            }
        }
        return e2eSetupOrId;
    }
}

package dev.log4jpool.appender;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.Locale;

/**
 * How the async writer thread waits for events: the {@code waitStrategy} attribute. From the
 * gentlest on the CPU to the fastest to react: {@code Block}, {@code Timeout}, {@code Sleep},
 * {@code Yield}, {@code BusySpin}.
 */
public enum WaitStrategyKind {
    /**
     * Naps up to 1 ms after the ring runs dry (callers do not wake it), then sleeps on a monitor
     * until a producer signals; no CPU while idle. The default.
     */
    BLOCK("Block"),
    /** As {@code Block}, but its sleep ends after 10 ms even without a signal. */
    TIMEOUT("Timeout"),
    /** Spins, yields, then parks for short naps: little CPU, some latency, no signalling cost. */
    SLEEP("Sleep"),
    /** Spins then yields: a core mostly busy, low latency. */
    YIELD("Yield"),
    /** Spins: a whole core, the lowest latency. Only for machines with cores to spare. */
    BUSY_SPIN("BusySpin");

    /** How long {@code Timeout} waits on the monitor before looking again. */
    static final long TIMEOUT_MILLIS = 10;

    private final String configName;

    WaitStrategyKind(String configName) {
        this.configName = configName;
    }

    /** The name used in configurations. */
    public String configName() {
        return configName;
    }

    /** A new strategy instance for a ring of {@code ringSize} slots; each ring needs its own. */
    WaitStrategy create(int ringSize) {
        switch (this) {
            case BLOCK:
                return new MonitorWaitStrategy(0, ringSize);
            case TIMEOUT:
                return new MonitorWaitStrategy(TIMEOUT_MILLIS, ringSize);
            case SLEEP:
                return new SleepingWaitStrategy();
            case YIELD:
                return new YieldingWaitStrategy();
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Reads the {@code waitStrategy} attribute, in any letter case.
     *
     * @throws IllegalArgumentException naming the attribute and the value when it is not a strategy
     */
    static WaitStrategyKind parse(String appenderName, String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (WaitStrategyKind kind : values()) {
                if (kind.configName.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException(PooledFileAppender.PLUGIN_NAME + " '" + appenderName
                + "': waitStrategy=\"" + value + "\" is not one of Block, Timeout, Sleep, Yield, BusySpin");
    }
}

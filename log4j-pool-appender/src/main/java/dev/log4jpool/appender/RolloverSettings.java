package dev.log4jpool.appender;

import org.apache.logging.log4j.core.appender.rolling.DirectFileRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.RolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.TriggeringPolicy;

/**
 * The rollover half of a {@code <PooledFile>} configuration, as a {@code RollingRandomAccessFile}
 * spells it: Log4j's own plugins, reused as they are.
 *
 * @param filePattern the {@code filePattern} attribute ({@code %d{...}}, {@code %i}, a {@code .gz}
 *     or {@code .zip} suffix for compression), as written
 * @param policy the {@code <Policies>} element (or a single policy)
 * @param strategy {@code <DefaultRolloverStrategy>}, {@code <DirectWriteRolloverStrategy>} or any
 *     other {@code RolloverStrategy}
 * @param filePermissions the {@code filePermissions} text, given to Log4j so its compression actions
 *     apply it to compressed files too; null when none
 */
record RolloverSettings(String filePattern, TriggeringPolicy policy, RolloverStrategy strategy, String filePermissions) {

    /** Whether the strategy names the active file itself ({@code DirectWriteRolloverStrategy}, no {@code fileName}). */
    boolean directWrite() {
        return strategy instanceof DirectFileRolloverStrategy;
    }
}

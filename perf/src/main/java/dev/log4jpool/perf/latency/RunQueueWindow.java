package dev.log4jpool.perf.latency;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each thread of this JVM was runnable but waited for a CPU between two moments, from
 * Linux's {@code /proc/self/task/<tid>/schedstat} (time on a CPU, time waiting on a run queue, and
 * time slices, all since the thread began).
 *
 * <p>Why: on a 2-core machine most slow calls overlap no GC, safepoint, lock or file write
 * (ProfileSummary's "nothing recorded"). A logging thread that waited on a run queue for
 * milliseconds in the window shows that the operating system, not the logger, held those calls; a
 * background thread's CPU time shows how much of a core the setup takes from the callers. Empty where
 * {@code /proc} has no {@code schedstat} (another OS, or a kernel without scheduler statistics).
 */
final class RunQueueWindow {
    /** One thread's share of the window. */
    record ThreadTimes(String name, long cpuNanos, long waitNanos, long slices) {
    }

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path THIS_THREAD = Path.of("/proc/thread-self/schedstat");

    private final Map<String, long[]> start = snapshot();

    /** Keyed by "tid/name": {cpu ns, run-queue wait ns, slices}. */
    private static Map<String, long[]> snapshot() {
        Map<String, long[]> threads = new LinkedHashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return threads;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    long[] times = read(task.resolve("schedstat"));
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (times != null) {
                        threads.put(task.getFileName() + "/" + name, times);
                    }
                } catch (IOException gone) {
                    // the thread ended while we looked: leave it out
                }
            }
        } catch (IOException e) {
            return threads;
        }
        return threads;
    }

    /** The calling thread's {cpu ns, run-queue wait ns, slices} so far; null without scheduler statistics. */
    static long[] thisThread() {
        return read(THIS_THREAD);
    }

    private static long[] read(Path schedstat) {
        try {
            String[] fields = Files.readString(schedstat).trim().split("\\s+");
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])};
        } catch (IOException | RuntimeException none) {
            return null;
        }
    }

    /** Each thread alive at the end, with what it spent since this window opened, most CPU first. */
    List<ThreadTimes> sinceStart() {
        List<ThreadTimes> times = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : snapshot().entrySet()) {
            long[] before = start.getOrDefault(entry.getKey(), new long[3]);
            long[] now = entry.getValue();
            String name = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
            times.add(new ThreadTimes(name, now[0] - before[0], now[1] - before[1], now[2] - before[2]));
        }
        times.sort((a, b) -> Long.compare(b.cpuNanos(), a.cpuNanos()));
        return times;
    }
}

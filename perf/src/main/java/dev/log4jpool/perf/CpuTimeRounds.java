package dev.log4jpool.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Measures candidates as thread CPU time per operation: they take turns, {@value #ROUNDS} rounds of
 * {@value #OPS} operations each after {@value #WARM_UP_ROUNDS} rounds of warm-up, and each one's cost
 * is its fastest round.
 *
 * <p>Why: on a shared 2-vCPU machine, JMH's wall-clock throughput of a one-fork run varied by ±50 %
 * and more between iterations (other tenants' load), enough to hide a 3× ratio either way. Thread CPU
 * time does not count the time the thread waited for a CPU, and the fastest of many rounds drops the
 * rounds slowed by a neighbour sharing the core's caches. It is a floor per operation, not a
 * throughput: JMH's runs stay the reference, this one says which way a change went.
 */
final class CpuTimeRounds {
    static final int OPS = 100_000;
    static final int ROUNDS = 30;
    static final int WARM_UP_ROUNDS = 8;

    private CpuTimeRounds() {
    }

    /** The fastest round's CPU nanoseconds per operation of each candidate, in the order given. */
    static double[] fastest(LongSupplier... candidates) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] best = new double[candidates.length];
        Arrays.fill(best, Double.MAX_VALUE);
        long sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            for (int c = 0; c < candidates.length; c++) {
                LongSupplier candidate = candidates[c];
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS; i++) {
                    sink += candidate.getAsLong();
                }
                long end = threads.getCurrentThreadCpuTime();
                if (round >= WARM_UP_ROUNDS) {
                    best[c] = Math.min(best[c], (end - start) / (double) OPS);
                }
            }
        }
        if (sink == 42) {
            System.out.println("(never)"); // keeps the results used
        }
        return best;
    }

    /** How the numbers were made, for the head of a result file. */
    static String method(String command) {
        return "Command: `" + command + "` (" + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs). The candidates take turns in one JVM, "
                + ROUNDS + " rounds of " + OPS + " events after " + WARM_UP_ROUNDS
                + " rounds of warm-up; each cost is the fastest round's thread CPU time per event (see CpuTimeRounds).";
    }

    /**
     * Runs {@code main} once per argument in a child JVM ({@code --child <argument>}), so that no
     * case's call sites see another's classes, and returns the table rows ({@code |} lines) they print.
     */
    static List<String> rowsOfChildren(Class<?> main, String... arguments) throws IOException, InterruptedException {
        List<String> rows = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String argument : arguments) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(),
                    "--child", argument).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            for (String line : new String(child.getInputStream().readAllBytes()).split("\n")) {
                if (line.startsWith("|")) {
                    rows.add(line);
                    System.out.println(line);
                }
            }
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the child for " + argument + " failed");
            }
        }
        return rows;
    }

    /** Writes {@code perf/results/<name>-<date>.md}: a title, the method, then the table. */
    static void write(String name, String title, String methodNote, String tableHead, List<String> rows) throws IOException {
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Path out = Path.of("perf/results/" + name + "-" + date + ".md");
        StringBuilder text = new StringBuilder();
        text.append("# ").append(title).append(", ").append(date).append("\n\n");
        text.append(method("perf/run " + name)).append(methodNote).append("\n\n");
        text.append(tableHead).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        Files.writeString(out, text);
        System.out.println("wrote " + out);
    }
}

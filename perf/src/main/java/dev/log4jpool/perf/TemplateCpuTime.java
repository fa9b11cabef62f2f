package dev.log4jpool.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link TemplateBenchmark}'s comparison measured as CPU time instead of wall time: in one JVM per
 * template (a child process each, so that no template's call sites see another's classes), the two
 * layouts take turns, {@value #ROUNDS} rounds of {@value #OPS} events each, and each layout's cost is
 * its fastest round's thread CPU time per event, after {@value #WARM_UP_ROUNDS} rounds of warm-up.
 *
 * <p>Why: on a shared 2-vCPU machine, JMH's wall-clock throughput of a one-fork run varied by ±50 %
 * and more between iterations (other tenants' load), enough to hide a 3× ratio either way. Thread CPU
 * time does not count the time the thread waited for a CPU, and the fastest of many rounds drops the
 * rounds slowed by a neighbour sharing the core's caches. It is a floor per event, not a throughput:
 * JMH's runs stay the reference, this one says which way a change went.
 *
 * <p>Run with {@code perf/run templates-cputime}; writes {@code perf/results/templates-cputime-<date>.md}.
 */
public final class TemplateCpuTime {
    static final int OPS = 100_000;
    static final int ROUNDS = 30;
    static final int WARM_UP_ROUNDS = 8;
    static final String[] TEMPLATES = {"EcsLayout", "GcpLayout", "GelfLayout", "LogstashJsonEventLayoutV1",
        "JsonLayout", "schema:ECS", "schema:GCP", "schema:GELF", "schema:LOGSTASH"};
    static final String[] EVENTS = {"simple", "params", "mdc5", "map5", "exception"};

    private TemplateCpuTime() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[0].equals("--child")) {
            measure(args[1]);
            return;
        }
        List<String> lines = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String template : TEMPLATES) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    TemplateCpuTime.class.getName(), "--child", template).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            for (String line : new String(child.getInputStream().readAllBytes()).split("\n")) {
                if (line.startsWith("|")) {
                    lines.add(line);
                    System.out.println(line);
                }
            }
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the child for " + template + " failed");
            }
        }
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Path out = Path.of("perf/results/templates-cputime-" + date + ".md");
        StringBuilder text = new StringBuilder();
        text.append("# Templates, CPU time per event, ").append(date).append("\n\n");
        text.append("Command: `perf/run templates-cputime` (").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs). One JVM per template; the layouts take turns, ").append(ROUNDS).append(" rounds of ")
                .append(OPS).append(" events after ").append(WARM_UP_ROUNDS)
                .append(" rounds of warm-up; each cost is the fastest round's thread CPU time per event (see TemplateCpuTime).\n\n");
        text.append("| template | event | PooledJsonLayout | JsonTemplateLayout | ratio |\n|---|---|---:|---:|---:|\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.writeString(out, text);
        System.out.println("wrote " + out);
    }

    private static void measure(String template) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String event : EVENTS) {
            TemplateBenchmark benchmark = new TemplateBenchmark();
            benchmark.template = template;
            benchmark.event = event;
            benchmark.setUp();
            double ours = Double.MAX_VALUE;
            double theirs = Double.MAX_VALUE;
            long sink = 0;
            for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS; i++) {
                    sink += benchmark.pooledJsonLayout();
                }
                long middle = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS; i++) {
                    sink += benchmark.jsonTemplateLayout();
                }
                long end = threads.getCurrentThreadCpuTime();
                if (round >= WARM_UP_ROUNDS) {
                    ours = Math.min(ours, (middle - start) / (double) OPS);
                    theirs = Math.min(theirs, (end - middle) / (double) OPS);
                }
            }
            System.out.printf("| %s | %s | %.0f ns | %.0f ns | %.2f× |%n", template, event, ours, theirs, theirs / ours);
            if (sink == 42) {
                System.out.println("(never)"); // keeps the results used
            }
        }
    }
}

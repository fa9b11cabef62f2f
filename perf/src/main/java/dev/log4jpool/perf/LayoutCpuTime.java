package dev.log4jpool.perf;

import java.io.IOException;
import java.util.List;

/**
 * {@link LayoutBenchmark}'s comparison measured as CPU time instead of wall time
 * ({@link CpuTimeRounds}), in one JVM per event: PooledJsonLayout's default schema against
 * JsonTemplateLayout with the same fields ({@code PooledJsonFields.json}), PatternLayout (the text
 * floor) and logstash-logback-encoder.
 *
 * <p>Run with {@code perf/run layout-cputime}; writes {@code perf/results/layout-cputime-<date>.md}.
 */
public final class LayoutCpuTime {
    static final String[] EVENTS = {"simple", "params", "mdc5", "typed5", "map5", "exception"};

    private LayoutCpuTime() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[0].equals("--child")) {
            measure(args[1]);
            return;
        }
        List<String> rows = CpuTimeRounds.rowsOfChildren(LayoutCpuTime.class, EVENTS);
        CpuTimeRounds.write("layout-cputime", "Layouts, CPU time per event", " One JVM per event.",
                "| event | PooledJsonLayout | JsonTemplateLayout | ratio | PatternLayout | ours ÷ PatternLayout"
                        + " | LogstashEncoder | LogstashEncoder ÷ ours |\n|---|---:|---:|---:|---:|---:|---:|---:|",
                rows);
    }

    private static void measure(String event) {
        LayoutBenchmark benchmark = new LayoutBenchmark();
        benchmark.event = event;
        benchmark.setUp();
        double[] costs = CpuTimeRounds.fastest(benchmark::pooledJsonLayout, benchmark::jsonTemplateLayout,
                benchmark::patternLayout, benchmark::logstashEncoder);
        System.out.printf("| %s | %.0f ns | %.0f ns | %.2f× | %.0f ns | %.2f | %.0f ns | %.2f× |%n", event, costs[0], costs[1],
                costs[1] / costs[0], costs[2], costs[0] / costs[2], costs[3], costs[3] / costs[0]);
    }
}

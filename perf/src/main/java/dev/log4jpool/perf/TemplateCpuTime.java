package dev.log4jpool.perf;

import java.io.IOException;
import java.util.List;

/**
 * {@link TemplateBenchmark}'s comparison measured as CPU time instead of wall time
 * ({@link CpuTimeRounds}), in one JVM per template (a child process each, so that no template's call
 * sites see another's classes).
 *
 * <p>Run with {@code perf/run templates-cputime}; writes {@code perf/results/templates-cputime-<date>.md}.
 */
public final class TemplateCpuTime {
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
        List<String> lines = CpuTimeRounds.rowsOfChildren(TemplateCpuTime.class, TEMPLATES);
        CpuTimeRounds.write("templates-cputime", "Templates, CPU time per event", " One JVM per template.",
                "| template | event | PooledJsonLayout | JsonTemplateLayout | ratio |\n|---|---|---:|---:|---:|", lines);
    }

    private static void measure(String template) {
        for (String event : EVENTS) {
            TemplateBenchmark benchmark = new TemplateBenchmark();
            benchmark.template = template;
            benchmark.event = event;
            benchmark.setUp();
            double[] costs = CpuTimeRounds.fastest(benchmark::pooledJsonLayout, benchmark::jsonTemplateLayout);
            System.out.printf("| %s | %s | %.0f ns | %.0f ns | %.2f× |%n", template, event, costs[0], costs[1],
                    costs[1] / costs[0]);
        }
    }
}

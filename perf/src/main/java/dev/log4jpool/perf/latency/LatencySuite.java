package dev.log4jpool.perf.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.log4jpool.perf.EndToEndBenchmark;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The response-time suite ({@code perf/run latency}): every setup × offered rate × thread count,
 * each point in a fresh JVM ({@link LatencyPoint}) so that one setup's JIT decisions, heap and
 * threads do not carry into the next; then the results JSON, the markdown table and the charts
 * ({@link LatencyReport}).
 *
 * <p>Child JVM: {@code -Xms1g -Xmx1g} (a fixed heap, nothing resized mid-run),
 * {@code -XX:+UseG1GC} (the default collector, named so that a JDK with another default measures the
 * same), {@code -XX:+AlwaysPreTouch} (the heap is touched before the clock runs: on this VM the host
 * backs fresh guest memory lazily), {@code -Dlog4j2.clock=SystemMillisClock} as in the JMH suites.
 * Log files go to {@code /dev/shm} (tmpfs) so that the disk is not what is measured.
 *
 * <p>Options (all optional): {@code --setups id,id} {@code --rates 100k,300k,600k,1M,2M}
 * {@code --threads 1,2} {@code --warmup SECONDS} {@code --measure SECONDS} {@code --quick}
 * {@code --dir /dev/shm} {@code --results perf/results} {@code --name latency}
 * {@code --chart-rate 300k} {@code --jvm-args "-X..."} {@code --profile} (see {@link #profile}).
 */
public final class LatencySuite {
    static final List<String> DEFAULT_RATES = List.of("100k", "300k", "600k", "1M", "2M");
    /** Bytes per line, a little over the ~125 of the five-field JSON line, to check tmpfs has room. */
    private static final long BYTES_PER_LINE = 140;

    private LatencySuite() {}

    public static void main(String[] args) throws Exception {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the suite; 0 when every point ran and wrote as many lines as calls, 1 otherwise. */
    static int run(String[] args) throws Exception {
        Options options = Options.parse(args, Set.of("quick", "profile"));
        boolean quick = options.has("quick");
        boolean profile = options.has("profile");
        List<LatencySetup> setups = new ArrayList<>();
        for (String id : list(options.get("setups", null), null)) {
            setups.add(LatencySetup.parse(id));
        }
        if (setups.isEmpty()) {
            setups.addAll(Arrays.asList(LatencySetup.values()));
        }
        List<Double> rates = new ArrayList<>();
        for (String rate : list(options.get("rates", null), quick ? List.of("100k", "1M") : DEFAULT_RATES)) {
            rates.add(parseRate(rate));
        }
        List<Integer> threadCounts = new ArrayList<>();
        for (String threads : list(options.get("threads", null), profile ? List.of("1") : List.of("1", "2"))) {
            threadCounts.add(Integer.parseInt(threads));
        }
        double warmup = Double.parseDouble(options.get("warmup", quick ? "1" : "10"));
        double measure = Double.parseDouble(options.get("measure", quick ? "2" : "20"));
        Path base = Path.of(options.get("dir", Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm"
                : System.getProperty("java.io.tmpdir")));
        Path results = Path.of(options.get("results", "perf/results"));
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String name = options.get("name", profile ? "profile" : quick ? "latency-quick" : "latency");
        List<String> extraJvmArgs = list(options.get("jvm-args", null), List.of()).isEmpty() ? List.of()
                : Arrays.asList(options.get("jvm-args", "").trim().split("\\s+"));
        Files.createDirectories(results);

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode suite = mapper.createObjectNode();
        suite.put("date", date);
        suite.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
        suite.put("cores", Runtime.getRuntime().availableProcessors());
        suite.put("cpu", cpuModel());
        suite.put("warmupSeconds", warmup);
        suite.put("measureSeconds", measure);
        suite.put("logDirectory", base.toString());
        suite.put("chartRate", parseRate(options.get("chart-rate", "300k")));
        ArrayNode childArgs = suite.putArray("childJvmArgs");
        baseJvmArgs(extraJvmArgs, !quick).forEach(childArgs::add);
        ArrayNode points = suite.putArray("points");

        Path work = Files.createTempDirectory(base, "log4jpool-latency");
        int failures = 0;
        List<String> gcInOurs = new ArrayList<>();
        try {
            for (int threads : threadCounts) {
                for (double rate : rates) {
                    for (LatencySetup setup : setups) {
                        String pointName = setup.id() + "-" + rateLabel(rate) + "-" + threads + "t";
                        Path pointDir = Files.createDirectories(work.resolve(pointName));
                        Path profileDir = profile ? Files.createDirectories(results.resolve(name + "-" + pointName + "-" + date)) : null;
                        JsonNode point = runPoint(setup, rate, threads, warmup, measure, pointDir, extraJvmArgs, profileDir, options);
                        deleteRecursively(pointDir);
                        if (point == null) {
                            failures++;
                            continue;
                        }
                        points.add(point);
                        System.out.println(dev.log4jpool.perf.report.LatencyReport.oneLine(point));
                        if (!point.path("linesMatch").asBoolean()) {
                            failures++;
                        }
                        if (setup.ours() && point.path("gc").path("count").asLong() > 0) {
                            gcInOurs.add(pointName);
                        }
                        if (profileDir != null) {
                            Files.writeString(profileDir.resolve("point.json"), mapper.writeValueAsString(point));
                            ProfileSummary.write(profileDir, point);
                            jfrSummary(profileDir);
                            System.out.println(Files.readString(profileDir.resolve("summary.md")));
                            System.out.println("profile: " + profileDir);
                        }
                    }
                }
            }
        } finally {
            deleteRecursively(work);
        }
        if (profile) {
            return failures == 0 ? 0 : 1;
        }
        Path json = results.resolve(name + "-" + date + ".json");
        Files.writeString(json, mapper.writeValueAsString(suite), StandardCharsets.UTF_8);
        List<Path> written = dev.log4jpool.perf.report.LatencyReport.render(json, results.resolve(name + "-" + date));
        for (Path path : written) {
            String latest = path.getFileName().toString().replace(date, "latest");
            Files.copy(path, path.resolveSibling(latest), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("results: " + json + " " + written);
        if (!gcInOurs.isEmpty()) {
            System.out.println("WARN: a GC ran in the measurement window of our setups: " + gcInOurs);
        }
        if (failures > 0) {
            System.err.println(failures + " point(s) failed (a child JVM failed, or lines != calls)");
            return 1;
        }
        return 0;
    }

    /**
     * The child JVM's options. {@code --quick} leaves out {@code -XX:+AlwaysPreTouch}: touching a
     * gigabyte took 1–12 s per JVM on this VM, longer than a smoke run's window.
     */
    static List<String> baseJvmArgs(List<String> extra, boolean preTouch) {
        List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"));
        if (preTouch) {
            args.add("-XX:+AlwaysPreTouch");
        }
        args.addAll(List.of("-Dlog4j2.clock=SystemMillisClock",
                "-Dlog4j2.asyncQueueFullPolicy=" + CountingQueueFullPolicy.class.getName()));
        args.addAll(extra);
        return args;
    }

    /** One child JVM; null when it failed to produce a result (its stderr was shown). */
    private static JsonNode runPoint(LatencySetup setup, double rate, int threads, double warmup, double measure,
            Path dir, List<String> extraJvmArgs, Path profileDir, Options options) throws IOException, InterruptedException {
        Path log = dir.resolve("app.log");
        Path config = dir.resolve("log4j2.xml");
        Files.writeString(config, EndToEndBenchmark.configuration(setup.e2eSetup(), log), StandardCharsets.UTF_8);
        long needed = (long) (rate * (warmup + measure) * BYTES_PER_LINE);
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (needed > usable) {
            System.err.printf(Locale.ROOT, "WARN: %s needs about %d MB in %s, %d MB free%n", dir, needed >> 20, dir, usable >> 20);
        }
        Path out = dir.resolve("point.json");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(baseJvmArgs(extraJvmArgs, !options.has("quick")));
        command.add("-Dlog4j2.configurationFile=" + config);
        if (setup.allAsync()) {
            command.add("-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
        }
        if (profileDir != null) {
            command.addAll(profileJvmArgs(profileDir));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LatencyPoint.class.getName(),
                "--setup", setup.id(), "--rate", String.valueOf(rate), "--threads", String.valueOf(threads),
                "--warmup", String.valueOf(warmup), "--measure", String.valueOf(measure),
                "--file", log.toString(), "--out", out.toString()));
        if (profileDir != null) {
            command.addAll(List.of("--slow-calls", profileDir.resolve("slow-calls.csv").toString(),
                    "--slow-threshold-us", options.get("slow-threshold-us", "200")));
        }
        Process process = new ProcessBuilder(command).inheritIO().start();
        long limit = (long) (warmup + measure) + 300;
        if (!process.waitFor(limit, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            System.err.println("FAILED: " + setup.displayName() + " at " + rateLabel(rate) + " did not finish in " + limit + " s");
            return null;
        }
        if (!Files.exists(out)) {
            System.err.println("FAILED: " + setup.displayName() + " at " + rateLabel(rate) + "/s, " + threads
                    + " thread(s): exit status " + process.exitValue() + ", no result");
            return null;
        }
        return new ObjectMapper().readTree(out.toFile());
    }

    /**
     * Profile mode ({@code perf/run latency --profile SETUP RATE}): the same point, with a JFR
     * recording (settings in {@code latency-profile.jfc}: parks, monitor waits, file writes,
     * safepoints, GC pauses, compilations, allocation samples), {@code -Xlog:safepoint} and
     * {@code -Xlog:gc}, and the slow calls' times; {@link ProfileSummary} lines them up.
     */
    private static List<String> profileJvmArgs(Path profileDir) throws IOException {
        Path jfc = profileDir.toAbsolutePath().resolve("latency-profile.jfc");
        try (InputStream in = LatencySuite.class.getResourceAsStream("/latency-profile.jfc")) {
            Files.copy(in, jfc, StandardCopyOption.REPLACE_EXISTING);
        }
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
                "-XX:StartFlightRecording=filename=" + profileDir.resolve("recording.jfr") + ",settings=" + jfc
                        + ",dumponexit=true",
                "-Xlog:safepoint*=info:file=" + profileDir.resolve("safepoint.log") + ":uptime,tags",
                "-Xlog:gc*=info:file=" + profileDir.resolve("gc.log") + ":uptime,tags");
    }

    /** {@code jfr summary} of the recording into {@code jfr-summary.txt}, with the JDK's own jfr tool. */
    private static void jfrSummary(Path profileDir) throws IOException, InterruptedException {
        Path recording = profileDir.resolve("recording.jfr");
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        if (Files.exists(recording) && Files.isExecutable(jfr)) {
            new ProcessBuilder(jfr.toString(), "summary", recording.toString())
                    .redirectErrorStream(true).redirectOutput(profileDir.resolve("jfr-summary.txt").toFile())
                    .start().waitFor(120, TimeUnit.SECONDS);
        }
    }

    static double parseRate(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        double scale = 1;
        if (value.endsWith("k")) {
            scale = 1e3;
        } else if (value.endsWith("m")) {
            scale = 1e6;
        }
        if (scale != 1) {
            value = value.substring(0, value.length() - 1);
        }
        return Double.parseDouble(value) * scale;
    }

    /** 100k, 1M, 2.5M: the way the README writes rates. */
    static String rateLabel(double rate) {
        if (rate >= 1e6) {
            double m = rate / 1e6;
            return (m == Math.rint(m) ? String.valueOf((long) m) : String.format(Locale.ROOT, "%.1f", m)) + "M";
        }
        if (rate >= 1e3) {
            double k = rate / 1e3;
            return (k == Math.rint(k) ? String.valueOf((long) k) : String.format(Locale.ROOT, "%.1f", k)) + "k";
        }
        return String.valueOf((long) rate);
    }

    private static List<String> list(String csv, List<String> fallback) {
        if (csv == null || csv.isBlank()) {
            return fallback == null ? List.of() : fallback;
        }
        List<String> values = new ArrayList<>();
        for (String value : csv.split(",")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}

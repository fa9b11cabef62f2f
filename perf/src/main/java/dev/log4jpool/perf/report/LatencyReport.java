package dev.log4jpool.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders the response-time suite's JSON ({@code perf/run latency}) as a markdown table and two SVG
 * charts:
 * <ul>
 *   <li>{@code -percentiles.svg}: response time against percentile, one curve per setup, at one
 *       offered rate (the suite's {@code chartRate}); the percentile axis is the usual "nines" scale,
 *       so 90 %, 99 %, 99.9 % … are equally spaced, and response time is logarithmic;</li>
 *   <li>{@code -rates.svg}: p99.9 response time against offered rate per setup; a hollow marker is a
 *       rate the setup did not hold (it issued under 99 % of the scheduled calls), and the legend
 *       gives the highest rate each setup {@linkplain #holds holds}.</li>
 * </ul>
 * One panel per number of logging threads. Usage: {@code LatencyReport <latency.json> <out-prefix>}.
 */
public final class LatencyReport {
    /** p99.9 at or under this, with the rate held, is what "holds the rate" means in the charts and tables. */
    static final double HOLD_P999_NANOS = 1e6;
    /** A point holds its rate only if it issued at least this share of the calls its schedule asked for. */
    static final double HOLD_ISSUED = 0.99;

    private static final String[] PERCENTILES = {"p50", "p90", "p99", "p99.9", "p99.99", "max"};

    private LatencyReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LatencyReport <latency.json> <out-prefix>");
            System.exit(2);
        }
        System.out.println("wrote " + render(Path.of(args[0]), Path.of(args[1])));
    }

    /** Writes {@code prefix.md}, {@code prefix-percentiles.svg} and {@code prefix-rates.svg}. */
    public static List<Path> render(Path json, Path prefix) throws IOException {
        JsonNode suite = new ObjectMapper().readTree(json.toFile());
        String base = prefix.getFileName().toString();
        Path md = prefix.resolveSibling(base + ".md");
        Path percentiles = prefix.resolveSibling(base + "-percentiles.svg");
        Path rates = prefix.resolveSibling(base + "-rates.svg");
        Files.writeString(md, markdown(suite), StandardCharsets.UTF_8);
        Files.writeString(percentiles, percentileChart(suite), StandardCharsets.UTF_8);
        Files.writeString(rates, rateChart(suite), StandardCharsets.UTF_8);
        return List.of(md, percentiles, rates);
    }

    /** A point holds its offered rate: it issued (nearly) every scheduled call and its p99.9 is at most 1 ms. */
    static boolean holds(JsonNode point) {
        return point.path("held").asDouble() >= HOLD_ISSUED
                && point.path("responseNanos").path("p99.9").asDouble() <= HOLD_P999_NANOS;
    }

    /** The progress line the suite prints after each point. */
    public static String oneLine(JsonNode p) {
        JsonNode r = p.path("responseNanos");
        return String.format(Locale.ROOT,
                "%-58s %5s/s %dt  response p50 %s p99 %s p99.9 %s max %s | service p99.9 %s | issued %.1f%% | GC %d (%d ms) | callers waited for a CPU %s | %s",
                p.path("name").asText(), rate(p.path("rate").asDouble()), p.path("threads").asInt(),
                duration(r.path("p50").asDouble()), duration(r.path("p99").asDouble()),
                duration(r.path("p99.9").asDouble()), duration(r.path("max").asDouble()),
                duration(p.path("serviceNanos").path("p99.9").asDouble()), 100 * p.path("held").asDouble(),
                p.path("gc").path("count").asLong(), p.path("gc").path("pauseMillis").asLong(), runQueueWait(p),
                p.path("linesMatch").asBoolean() ? "lines == calls" : "LINES != CALLS");
    }

    /** The logging threads' time runnable but without a CPU in the window, or "?" where Linux does not say. */
    static String runQueueWait(JsonNode p) {
        JsonNode wait = p.path("cpu").path("loggingThreadsRunQueueWaitMillis");
        return wait.isMissingNode() ? "?" : String.format(Locale.ROOT, "%.0f ms", wait.asDouble());
    }

    static String markdown(JsonNode suite) {
        StringBuilder md = new StringBuilder();
        md.append("### Response time, ").append(suite.path("date").asText()).append("\n\n");
        md.append(String.format(Locale.ROOT,
                "%s, %d cores (%s). Each point in a fresh JVM (%s), %.0f s warm-up then %.0f s measured, "
                        + "log files in %s. Response time = end − intended start (no coordinated omission); "
                        + "service time = end − actual start. \"issued\": calls made / calls scheduled in the window "
                        + "(under 100 %%: the setup fell behind; the calls it never made count in the response "
                        + "time with the time they had waited). GC: collections (pause ms) in the window. \"waited for a CPU\": "
                        + "the logging threads' time runnable but not running in the window (Linux schedstat), "
                        + "the operating system's share of the tails.%n",
                suite.path("jvm").asText(), suite.path("cores").asInt(), suite.path("cpu").asText(),
                String.join(" ", texts(suite.path("childJvmArgs"))), suite.path("warmupSeconds").asDouble(),
                suite.path("measureSeconds").asDouble(), suite.path("logDirectory").asText()));
        for (Map.Entry<Integer, List<JsonNode>> panel : byThreads(suite).entrySet()) {
            md.append("\n#### ").append(threadsLabel(panel.getKey())).append("\n\n");
            md.append("Highest offered rate held (issued ≥ 99 %, p99.9 ≤ 1 ms):\n\n| setup | holds |\n|---|---:|\n");
            for (Map.Entry<String, List<JsonNode>> setup : bySetup(panel.getValue()).entrySet()) {
                double best = highestHeld(setup.getValue());
                md.append("| ").append(bold(setup.getKey(), setup.getValue().get(0))).append(" | ")
                        .append(best > 0 ? rate(best) + "/s" : "none of the rates").append(" |\n");
            }
            md.append(bestAgainstBest(panel.getValue()));
            md.append("\n| setup | offered | issued | response p50 | p90 | p99 | p99.9 | p99.99 | max "
                    + "| service p50 | service p99.9 | service max | GC | waited for a CPU | B/call | lines == calls |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (JsonNode p : panel.getValue()) {
                JsonNode r = p.path("responseNanos");
                JsonNode s = p.path("serviceNanos");
                StringBuilder row = new StringBuilder("| ").append(bold(p.path("name").asText(), p)).append(" | ")
                        .append(rate(p.path("rate").asDouble())).append("/s | ")
                        .append(String.format(Locale.ROOT, "%.1f %%", 100 * p.path("held").asDouble())).append(" |");
                for (String percentile : PERCENTILES) {
                    row.append(' ').append(duration(r.path(percentile).asDouble())).append(" |");
                }
                row.append(' ').append(duration(s.path("p50").asDouble())).append(" | ")
                        .append(duration(s.path("p99.9").asDouble())).append(" | ")
                        .append(duration(s.path("max").asDouble())).append(" | ")
                        .append(p.path("gc").path("count").asLong()).append(" (")
                        .append(p.path("gc").path("pauseMillis").asLong()).append(" ms) | ")
                        .append(runQueueWait(p)).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f", p.path("allocatedBytesPerCall").asDouble())).append(" | ")
                        .append(p.path("linesMatch").asBoolean() ? "yes" : "**NO**").append(" |\n");
                md.append(row);
            }
        }
        return md.toString();
    }

    // ---------------------------------------------------------------- charts

    private static final int PLOT_LEFT = 84;
    private static final int PLOT_WIDTH = 520;
    private static final int PLOT_HEIGHT = 300;
    private static final int LEGEND_GAP = 28;
    private static final int LEGEND_LINE = 20;

    /** Percentile axis: x = log10(1 / (1 − p)), so 90 % → 1, 99 % → 2, 99.9 % → 3 … */
    private static double nines(double percentile) {
        return Math.log10(100.0 / (100.0 - percentile));
    }

    static String percentileChart(JsonNode suite) {
        double chartRate = suite.path("chartRate").asDouble();
        Map<Integer, List<JsonNode>> panels = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<JsonNode>> panel : byThreads(suite).entrySet()) {
            List<JsonNode> atRate = new ArrayList<>();
            for (JsonNode p : panel.getValue()) {
                if (p.path("rate").asDouble() == chartRate) {
                    atRate.add(p);
                }
            }
            if (atRate.isEmpty()) { // a sweep without the chart rate: its lowest rate
                double lowest = panel.getValue().stream().mapToDouble(p -> p.path("rate").asDouble()).min().orElse(0);
                panel.getValue().stream().filter(p -> p.path("rate").asDouble() == lowest).forEach(atRate::add);
            }
            panels.put(panel.getKey(), atRate);
        }
        double maxNines = 5; // 99.999 %
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (List<JsonNode> points : panels.values()) {
            for (JsonNode p : points) {
                for (JsonNode pair : p.path("responseNanos").path("curve")) {
                    if (pair.get(0).asDouble() < 100 && nines(pair.get(0).asDouble()) <= maxNines) {
                        minY = Math.min(minY, Math.max(pair.get(1).asDouble(), 1));
                        maxY = Math.max(maxY, pair.get(1).asDouble());
                    }
                }
            }
        }
        double[] yDecades = decades(minY, maxY);
        String title = "Response time of a logging call, by percentile";
        String subtitle = String.format(Locale.ROOT, "%s/s offered, %s, %s — lower is better",
                rate(firstRate(panels)), suite.path("date").asText(), machine(suite));
        List<String> legend = new ArrayList<>();
        panels.values().forEach(points -> points.forEach(p -> {
            if (!legend.contains(p.path("name").asText())) {
                legend.add(p.path("name").asText());
            }
        }));
        Layout layout = new Layout(panels.size(), legend, title, subtitle);
        Svg svg = layout.start();
        int panelIndex = 0;
        for (Map.Entry<Integer, List<JsonNode>> panel : panels.entrySet()) {
            int top = layout.panelTop(panelIndex++);
            svg.text(PLOT_LEFT, top - 10, threadsLabel(panel.getKey()), "start", "bold", Svg.FONT);
            String[] xLabels = {"0 %", "90 %", "99 %", "99.9 %", "99.99 %", "99.999 %"};
            double[] xTicks = {0, 1, 2, 3, 4, 5};
            axes(svg, top, xTicks, xLabels, 0, maxNines, yDecades, "percentile (nines scale)", "response time");
            for (JsonNode p : panel.getValue()) {
                JsonNode curve = p.path("responseNanos").path("curve");
                double[] xs = new double[curve.size()];
                double[] ys = new double[curve.size()];
                int n = 0;
                for (JsonNode pair : curve) {
                    double percentile = pair.get(0).asDouble();
                    if (percentile >= 100 || nines(percentile) > maxNines) {
                        continue;
                    }
                    xs[n] = PLOT_LEFT + PLOT_WIDTH * nines(percentile) / maxNines;
                    ys[n] = yOf(Math.max(pair.get(1).asDouble(), 1), yDecades, top);
                    n++;
                }
                Style style = style(p);
                svg.polyline(xs, ys, n, style.color, 2, style.dash);
            }
            panelLegend(svg, layout, top, panel.getValue(), false);
        }
        return svg.toString();
    }

    static String rateChart(JsonNode suite) {
        Map<Integer, List<JsonNode>> panels = byThreads(suite);
        TreeSet<Double> rates = new TreeSet<>();
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (List<JsonNode> points : panels.values()) {
            for (JsonNode p : points) {
                rates.add(p.path("rate").asDouble());
                double v = Math.max(p.path("responseNanos").path("p99.9").asDouble(), 1);
                minY = Math.min(minY, v);
                maxY = Math.max(maxY, v);
            }
        }
        minY = Math.min(minY, HOLD_P999_NANOS);
        maxY = Math.max(maxY, HOLD_P999_NANOS);
        double[] yDecades = decades(minY, maxY);
        double lowRate = Math.log10(rates.isEmpty() ? 1e5 : rates.first());
        double highRate = Math.log10(rates.isEmpty() ? 1e6 : rates.last());
        if (highRate - lowRate < 0.1) {
            lowRate -= 0.5;
            highRate += 0.5;
        }
        double pad = (highRate - lowRate) * 0.05;
        lowRate -= pad;
        highRate += pad;
        String title = "p99.9 response time against offered rate";
        String subtitle = String.format(Locale.ROOT,
                "%s, %s — lower is better; red dotted line: 1 ms; hollow marker: rate not held (fell behind)",
                suite.path("date").asText(), machine(suite));
        List<String> legend = new ArrayList<>();
        for (List<JsonNode> points : panels.values()) {
            for (Map.Entry<String, List<JsonNode>> setup : bySetup(points).entrySet()) {
                legend.add(setup.getKey() + " — holds " + heldLabel(setup.getValue()));
            }
        }
        Layout layout = new Layout(panels.size(), legend, title, subtitle);
        Svg svg = layout.start();
        int panelIndex = 0;
        for (Map.Entry<Integer, List<JsonNode>> panel : panels.entrySet()) {
            int top = layout.panelTop(panelIndex++);
            svg.text(PLOT_LEFT, top - 10, threadsLabel(panel.getKey()), "start", "bold", Svg.FONT);
            double[] xTicks = new double[rates.size()];
            String[] xLabels = new String[rates.size()];
            int i = 0;
            for (double rate : rates) {
                xTicks[i] = Math.log10(rate);
                xLabels[i++] = rate(rate);
            }
            axes(svg, top, xTicks, xLabels, lowRate, highRate, yDecades, "offered rate (events/s, all threads together)",
                    "p99.9 response time");
            double oneMs = yOf(HOLD_P999_NANOS, yDecades, top);
            svg.line(PLOT_LEFT, oneMs, PLOT_LEFT + PLOT_WIDTH, oneMs, "#c0392b", 1.2, "2 3");
            for (Map.Entry<String, List<JsonNode>> setup : bySetup(panel.getValue()).entrySet()) {
                List<JsonNode> points = new ArrayList<>(setup.getValue());
                points.sort((a, b) -> Double.compare(a.path("rate").asDouble(), b.path("rate").asDouble()));
                double[] xs = new double[points.size()];
                double[] ys = new double[points.size()];
                for (int k = 0; k < points.size(); k++) {
                    JsonNode p = points.get(k);
                    xs[k] = PLOT_LEFT + PLOT_WIDTH * (Math.log10(p.path("rate").asDouble()) - lowRate) / (highRate - lowRate);
                    ys[k] = yOf(Math.max(p.path("responseNanos").path("p99.9").asDouble(), 1), yDecades, top);
                }
                Style style = style(points.get(0));
                svg.polyline(xs, ys, points.size(), style.color, 2, style.dash);
                for (int k = 0; k < points.size(); k++) {
                    svg.marker(xs[k], ys[k], style.color, points.get(k).path("held").asDouble() >= HOLD_ISSUED);
                }
            }
            panelLegend(svg, layout, top, panel.getValue(), true);
        }
        return svg.toString();
    }

    /** Room for the title, subtitle, panels stacked vertically, and a legend to the right of each panel. */
    private static final class Layout {
        final int panels;
        final int legendWidth;
        final int panelHeight;
        final int width;
        final int height;
        final String title;
        final String subtitle;
        static final int HEADER = 64;

        Layout(int panels, List<String> legend, String title, String subtitle) {
            this.panels = Math.max(panels, 1);
            int widest = 0;
            for (String entry : legend) {
                widest = Math.max(widest, Svg.textWidth(entry));
            }
            this.legendWidth = 36 + widest;
            int legendHeight = legend.size() * LEGEND_LINE;
            // plot, its tick labels and axis title below it (44 px), the panel title above it (28 px)
            this.panelHeight = Math.max(PLOT_HEIGHT, legendHeight) + 44 + 28 + 16;
            int plotRight = PLOT_LEFT + PLOT_WIDTH + LEGEND_GAP + legendWidth + 16;
            this.width = Math.max(plotRight, 16 + Math.max(Svg.textWidth(subtitle), Svg.textWidth(title) * 14 / 12));
            this.height = HEADER + this.panels * panelHeight;
            this.title = title;
            this.subtitle = subtitle;
        }

        Svg start() {
            Svg svg = new Svg(width, height);
            svg.text(16, 24, title, "start", "bold", 14);
            svg.text(16, 44, subtitle, "start");
            return svg;
        }

        /** The top edge of panel {@code i}'s plot area. */
        int panelTop(int i) {
            return HEADER + 28 + i * panelHeight;
        }
    }

    private static void axes(Svg svg, int top, double[] xTicks, String[] xLabels, double xMin, double xMax,
            double[] yDecades, String xTitle, String yTitle) {
        int bottom = top + PLOT_HEIGHT;
        svg.rect(PLOT_LEFT, top, PLOT_WIDTH, PLOT_HEIGHT, "none", "#888888");
        for (double decade : yDecades) {
            double y = yOf(Math.pow(10, decade), yDecades, top);
            svg.line(PLOT_LEFT, y, PLOT_LEFT + PLOT_WIDTH, y, "#e3e3e3", 1, null);
            svg.text(PLOT_LEFT - 6, y + 4, duration(Math.pow(10, decade)), "end");
        }
        for (int i = 0; i < xTicks.length; i++) {
            double x = PLOT_LEFT + PLOT_WIDTH * (xTicks[i] - xMin) / (xMax - xMin);
            svg.line(x, top, x, bottom, "#e3e3e3", 1, null);
            svg.text(x, bottom + 16, xLabels[i], "middle");
        }
        svg.text(PLOT_LEFT + PLOT_WIDTH / 2.0, bottom + 36, xTitle, "middle");
        svg.verticalText(18, top + PLOT_HEIGHT / 2.0, yTitle);
    }

    private static void panelLegend(Svg svg, Layout layout, int top, List<JsonNode> points, boolean withHeld) {
        int x = PLOT_LEFT + PLOT_WIDTH + LEGEND_GAP;
        int y = top + 8;
        for (Map.Entry<String, List<JsonNode>> setup : bySetup(points).entrySet()) {
            Style style = style(setup.getValue().get(0));
            svg.line(x, y, x + 26, y, style.color, 2.5, style.dash);
            String label = withHeld ? setup.getKey() + " — holds " + heldLabel(setup.getValue()) : setup.getKey();
            svg.text(x + 32, y + 4, label, "start", setup.getValue().get(0).path("ours").asBoolean() ? "bold" : "normal",
                    Svg.FONT);
            y += LEGEND_LINE;
        }
    }

    private static double yOf(double nanos, double[] decades, int top) {
        double low = decades[0];
        double high = decades[decades.length - 1];
        double fraction = (Math.log10(nanos) - low) / (high - low);
        return top + PLOT_HEIGHT - PLOT_HEIGHT * Math.max(0, Math.min(1, fraction));
    }

    /** Whole decades from below the smallest value to above the largest, at least two. */
    private static double[] decades(double min, double max) {
        if (!(min > 0) || min == Double.MAX_VALUE) {
            min = 1e3;
            max = 1e6;
        }
        int low = (int) Math.floor(Math.log10(min));
        int high = (int) Math.ceil(Math.log10(Math.max(max, min * 10)));
        double[] decades = new double[high - low + 1];
        for (int i = 0; i < decades.length; i++) {
            decades[i] = low + i;
        }
        return decades;
    }

    private record Style(String color, String dash) {}

    /** Ours in solid colour, Log4j's setups dashed. */
    private static Style style(JsonNode point) {
        switch (point.path("setup").asText()) {
            case "pooled-sync": return new Style("#1f77b4", null);
            case "pooled-async": return new Style("#2ca02c", null);
            case "all-async-pooled": return new Style("#9467bd", null);
            case "raf-jtl": return new Style("#7f7f7f", "7 4");
            case "all-async-raf-jtl": return new Style("#e6550d", "7 4");
            default: return new Style("#000000", "2 2");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String heldLabel(List<JsonNode> points) {
        double best = highestHeld(points);
        return best > 0 ? rate(best) + "/s" : "none of these rates";
    }

    /**
     * Per offered rate, the lowest p99.9 among our setups against the lowest among Log4j's, each only
     * among setups that issued at least 99 % of their calls; then the highest rate each side holds.
     */
    static String bestAgainstBest(List<JsonNode> points) {
        Map<Double, JsonNode[]> byRate = new java.util.TreeMap<>();
        for (JsonNode p : points) {
            if (p.path("held").asDouble() < HOLD_ISSUED) {
                continue;
            }
            JsonNode[] best = byRate.computeIfAbsent(p.path("rate").asDouble(), rate -> new JsonNode[2]);
            int side = p.path("ours").asBoolean() ? 0 : 1;
            if (best[side] == null || p99_9(p) < p99_9(best[side])) {
                best[side] = p;
            }
        }
        StringBuilder md = new StringBuilder("\nOur best setup against Log4j's best at each rate (lowest p99.9 among the "
                + "setups that issued ≥ 99 % of their calls):\n\n| offered | ours: p99.9 (setup) | Log4j's: p99.9 (setup) "
                + "| ours ÷ Log4j's |\n|---:|---|---|---:|\n");
        double oursHeld = 0;
        double theirsHeld = 0;
        for (Map.Entry<Double, JsonNode[]> entry : byRate.entrySet()) {
            JsonNode ours = entry.getValue()[0];
            JsonNode theirs = entry.getValue()[1];
            md.append("| ").append(rate(entry.getKey())).append("/s | ").append(bestCell(ours)).append(" | ")
                    .append(bestCell(theirs)).append(" | ")
                    .append(ours != null && theirs != null
                            ? String.format(Locale.ROOT, "%.2f", p99_9(ours) / p99_9(theirs)) : "—")
                    .append(" |\n");
            if (ours != null && holds(ours)) {
                oursHeld = entry.getKey();
            }
            if (theirs != null && holds(theirs)) {
                theirsHeld = entry.getKey();
            }
        }
        md.append(String.format(Locale.ROOT, "%nHighest rate held: ours %s, Log4j's %s.%n",
                oursHeld > 0 ? rate(oursHeld) + "/s" : "none", theirsHeld > 0 ? rate(theirsHeld) + "/s" : "none"));
        return md.toString();
    }

    private static double p99_9(JsonNode point) {
        return point.path("responseNanos").path("p99.9").asDouble();
    }

    private static String bestCell(JsonNode point) {
        return point == null ? "none issued 99 %" : duration(p99_9(point)) + " (" + point.path("name").asText() + ")";
    }

    private static double highestHeld(List<JsonNode> points) {
        double best = 0;
        for (JsonNode p : points) {
            if (holds(p)) {
                best = Math.max(best, p.path("rate").asDouble());
            }
        }
        return best;
    }

    private static Map<Integer, List<JsonNode>> byThreads(JsonNode suite) {
        Map<Integer, List<JsonNode>> panels = new java.util.TreeMap<>();
        for (JsonNode p : suite.path("points")) {
            panels.computeIfAbsent(p.path("threads").asInt(), t -> new ArrayList<>()).add(p);
        }
        return panels;
    }

    private static Map<String, List<JsonNode>> bySetup(List<JsonNode> points) {
        Map<String, List<JsonNode>> setups = new LinkedHashMap<>();
        for (JsonNode p : points) {
            setups.computeIfAbsent(p.path("name").asText(), n -> new ArrayList<>()).add(p);
        }
        return setups;
    }

    private static double firstRate(Map<Integer, List<JsonNode>> panels) {
        for (List<JsonNode> points : panels.values()) {
            if (!points.isEmpty()) {
                return points.get(0).path("rate").asDouble();
            }
        }
        return 0;
    }

    private static String machine(JsonNode suite) {
        String jvm = suite.path("jvm").asText();
        String version = jvm.substring(jvm.lastIndexOf(' ') + 1);
        return "JDK " + version + ", " + suite.path("cores").asInt() + " cores";
    }

    private static String threadsLabel(int threads) {
        return threads == 1 ? "1 logging thread" : threads + " logging threads";
    }

    private static String bold(String name, JsonNode point) {
        return point.path("ours").asBoolean() ? "**" + name + "**" : name;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** 850 ns, 12.3 µs, 4.2 ms, 2.5 s. */
    public static String duration(double nanos) {
        if (nanos < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1e6) {
            return trim(nanos / 1e3) + " µs";
        }
        if (nanos < 1e9) {
            return trim(nanos / 1e6) + " ms";
        }
        return trim(nanos / 1e9) + " s";
    }

    private static String trim(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value).replace(".0", "")
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }

    static String rate(double rate) {
        if (rate >= 1e6) {
            return trim(rate / 1e6) + "M";
        }
        if (rate >= 1e3) {
            return trim(rate / 1e3) + "k";
        }
        return String.format(Locale.ROOT, "%.0f", rate);
    }
}

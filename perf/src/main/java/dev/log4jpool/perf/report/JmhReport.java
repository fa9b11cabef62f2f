package dev.log4jpool.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.log4jpool.perf.latency.LatencySetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into a markdown table and an SVG bar chart (throughput and bytes
 * allocated per operation), for perf/results and the README.
 *
 * <p>Usage: {@code JmhReport <results.json> <out.md> <out.svg> [title]}.
 */
public final class JmhReport {
    private JmhReport() {}

    /** One benchmark score: a method with its parameters. */
    record Row(String group, String label, double score, String unit, double opsPerSecond, double errorPercent,
            double bytesPerOp) {
        /** Our candidates (drawn in blue, compared with the best peer): log4jpool-*, Pooled*, *Pooled*. */
        boolean ours() {
            return isOurs(label);
        }

        /** A peer we compare with: not ours, and not PatternLayout, the text floor (DESIGN.md). */
        boolean peer() {
            return !ours() && !label.equals("patternLayout");
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: JmhReport <results.json> <out.md> <out.svg> [title]");
            System.exit(2);
        }
        List<Row> rows = read(Path.of(args[0]));
        String title = args.length > 3 ? args[3] : "JMH results";
        Files.writeString(Path.of(args[1]), markdown(rows, title), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[2]), svg(rows, title), StandardCharsets.UTF_8);
        System.out.println("wrote " + args[1] + " and " + args[2] + " (" + rows.size() + " rows)");
    }

    /**
     * Reads every score. A row's candidate is what is being compared: the {@code @Param} values
     * (PoolBenchmark's sources, EndToEndBenchmark's setups), unless the benchmark's methods are the
     * candidates (LayoutBenchmark: one method per layout), which shows in a method being one of ours;
     * then the rows are grouped by their parameters instead.
     */
    static List<Row> read(Path json) throws IOException {
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        java.util.Set<String> classesWithOurMethods = new java.util.HashSet<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            if (isOurs(method)) {
                classesWithOurMethods.add(benchmark.substring(0, benchmark.lastIndexOf('.')));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                params.append(params.length() == 0 ? "" : ", ").append(param.getValue().asText());
            }
            int threads = result.path("threads").asInt(1);
            JsonNode primary = result.path("primaryMetric");
            double score = primary.path("score").asDouble();
            double error = primary.path("scoreError").asDouble();
            String unit = primary.path("scoreUnit").asText();
            double opsPerSecond = toOpsPerSecond(score, unit);
            double errorPercent = score == 0 || Double.isNaN(error) ? 0 : 100 * error / score;
            double bytes = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
            String threadNote = threads > 1 ? " (" + threads + " threads)" : "";
            String group;
            String label;
            if (classesWithOurMethods.contains(className)) {
                group = className.substring(className.lastIndexOf('.') + 1) + ": " + params + threadNote;
                label = method.substring(method.indexOf('.') + 1);
            } else if (className.endsWith(".EndToEndBenchmark")) {
                // Read by people: the setups as a user names them, the group by its logging threads.
                group = "logger.info(...) to a file, " + (threads == 1 ? "1 logging thread" : threads + " logging threads");
                label = LatencySetup.displayNameOf(params.toString());
            } else {
                group = method + threadNote;
                label = params.length() == 0 ? method : params.toString();
            }
            rows.add(new Row(group, label, score, unit, opsPerSecond, errorPercent, bytes));
        }
        return rows;
    }

    static boolean isOurs(String candidate) {
        return candidate.startsWith("log4jpool") || candidate.toLowerCase(Locale.ROOT).contains("pooled");
    }

    /** Every mode JMH reports, as operations per second across all threads. */
    static double toOpsPerSecond(double score, String unit) {
        String[] parts = unit.split("/");
        double seconds = unitSeconds(parts[parts.length - 1].equals("op") ? parts[0] : parts[1]);
        if (parts[1].equals("op")) { // time per operation
            return score == 0 ? 0 : 1 / (score * seconds);
        }
        return score / seconds; // operations per time
    }

    private static double unitSeconds(String unit) {
        switch (unit) {
            case "ns": return 1e-9;
            case "us": return 1e-6;
            case "ms": return 1e-3;
            case "s": return 1;
            case "min": return 60;
            default: throw new IllegalArgumentException("unknown time unit " + unit);
        }
    }

    /**
     * One table per benchmark group. "vs best peer": each candidate's throughput over the fastest
     * peer (blank when the group has none); PatternLayout is shown as the text floor, not a peer.
     */
    static String markdown(List<Row> rows, String title) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(title).append("\n");
        for (Map.Entry<String, List<Row>> group : byGroup(rows).entrySet()) {
            md.append("\n**").append(group.getKey()).append("**\n\n");
            md.append("| candidate | score | ± | ops/s | B/op | vs best peer |\n|---|---:|---:|---:|---:|---:|\n");
            double bestPeer = group.getValue().stream().filter(Row::peer).mapToDouble(Row::opsPerSecond).max()
                    .orElse(Double.NaN);
            for (Row row : group.getValue()) {
                md.append(String.format(Locale.ROOT, "| %s | %s %s | %.0f%% | %s | %s | %s |%n",
                        row.ours() ? "**" + row.label() + "**" : row.label(),
                        number(row.score()), row.unit(), row.errorPercent(), human(row.opsPerSecond()),
                        bytes(row.bytesPerOp()),
                        Double.isNaN(bestPeer) ? "" : String.format(Locale.ROOT, "%.2f×", row.opsPerSecond() / bestPeer)));
            }
        }
        return md.toString();
    }

    /** Whole bytes, but a fraction below 10 so that 0.3 B/op (setup cost spread over the ops) is not shown as 0. */
    private static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, value < 0.05 ? "0" : value < 10 ? "%.1f" : "%.0f", value);
    }

    private static String number(double value) {
        return value >= 1000 ? human(value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Bars for throughput and for bytes per op, one row per candidate. The title and the two column
     * headings are on lines of their own (they overlapped when they shared one), and the label column
     * is as wide as the longest label.
     */
    static String svg(List<Row> rows, String title) {
        int barHeight = 16;
        int longestLabel = 0;
        for (Row row : rows) {
            longestLabel = Math.max(longestLabel, Svg.textWidth(row.label()));
        }
        int labelWidth = Math.max(200, 16 + longestLabel + 12);
        int chartWidth = 360;
        int allocWidth = 200;
        int headingY = 44;
        int y = headingY + 26;
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, List<Row>> group : byGroup(rows).entrySet()) {
            body.append(text(8, y, group.getKey(), "bold"));
            y += 6;
            double maxOps = group.getValue().stream().mapToDouble(Row::opsPerSecond).max().orElse(1);
            double maxBytes = group.getValue().stream().mapToDouble(r -> Double.isNaN(r.bytesPerOp()) ? 0 : r.bytesPerOp())
                    .max().orElse(0);
            for (Row row : group.getValue()) {
                int w = (int) Math.round(chartWidth * row.opsPerSecond() / maxOps);
                body.append(text(16, y + barHeight - 4, row.label(), "normal"));
                body.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                        labelWidth, y, Math.max(w, 1), barHeight - 2, row.ours() ? "#2b7bba" : "#9aa5b1"));
                body.append(text(labelWidth + Math.max(w, 1) + 4, y + barHeight - 4, human(row.opsPerSecond()) + " ops/s", "normal"));
                double bytes = Double.isNaN(row.bytesPerOp()) ? 0 : row.bytesPerOp();
                int bw = maxBytes <= 0 ? 0 : (int) Math.round(allocWidth * bytes / maxBytes);
                int ax = labelWidth + chartWidth + 110;
                body.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#d9822b\"/>%n", ax, y, bw, barHeight - 2));
                body.append(text(ax + bw + 4, y + barHeight - 4, bytes(row.bytesPerOp()) + " B/op", "normal"));
                y += barHeight + 2;
            }
            y += 18;
        }
        int width = Math.max(labelWidth + chartWidth + 110 + allocWidth + 90, 16 + Svg.textWidth(title));
        return String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n%s%s"
                        + "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">throughput (longer is better)</text>%n"
                        + "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">allocated per op (shorter is better)</text>%n</svg>%n",
                width, y + 10, text(8, 20, title, "bold"), body, labelWidth, headingY, labelWidth + chartWidth + 110, headingY);
    }

    private static Map<String, List<Row>> byGroup(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private static String text(int x, int y, String value, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"%s\">%s</text>%n", x, y, weight, escape(value));
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String human(double value) {
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (value >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}

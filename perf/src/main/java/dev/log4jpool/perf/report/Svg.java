package dev.log4jpool.perf.report;

import java.util.Locale;

/**
 * A small SVG writer for the perf charts: text, lines, polylines and markers in user units, with
 * escaping done once. Text sizes are fixed (12 px, titles 14 px), so a chart's layout can reserve
 * room for its labels with {@link #textWidth}.
 */
final class Svg {
    static final int FONT = 12;
    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A width that is not exceeded by sans-serif text of {@link #FONT} px (0.62 em per character, measured on DejaVu Sans). */
    static int textWidth(String text) {
        return (int) Math.ceil(text.length() * FONT * 0.62);
    }

    Svg text(double x, double y, String value, String anchor, String weight, int size) {
        body.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, weight, size, escape(value)));
        return this;
    }

    Svg text(double x, double y, String value, String anchor) {
        return text(x, y, value, anchor, "normal", FONT);
    }

    /** Text turned a quarter left, centred on (x, y): a vertical axis title. */
    Svg verticalText(double x, double y, String value) {
        body.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>%n",
                x, y, x, y, escape(value)));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String color, double width, String dash) {
        body.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                x1, y1, x2, y2, color, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    Svg polyline(double[] xs, double[] ys, int n, String color, double width, String dash) {
        if (n == 0) {
            return this;
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        body.append(String.format(Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>%n",
                points.toString().trim(), color, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    /** A circle marker; hollow (white inside) for a point that did not hold its rate. */
    Svg marker(double x, double y, String color, boolean filled) {
        body.append(String.format(Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                x, y, filled ? color : "white", color));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        body.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>%n",
                x, y, w, h, fill, stroke == null ? "none" : stroke));
        return this;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"%d\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n%s</svg>%n",
                width, height, width, height, FONT, body);
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

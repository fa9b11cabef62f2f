package dev.log4jpool.perf.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Test helper: the boxes an SVG's text elements take, estimated from their length (0.6 em per
 * character, a little under DejaVu Sans's average, so an overlap found here is a real one), and the
 * pairs that overlap.
 */
public final class SvgText {
    record Box(String text, double left, double top, double right, double bottom) {
        boolean overlaps(Box other) {
            return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
        }
    }

    private SvgText() {}

    /** Parses the SVG (so it must be well-formed XML) and returns its text boxes. */
    static List<Box> boxes(String svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        double defaultSize = root.hasAttribute("font-size") ? Double.parseDouble(root.getAttribute("font-size")) : 12;
        NodeList texts = doc.getElementsByTagName("text");
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            String value = text.getTextContent();
            double size = text.hasAttribute("font-size") ? Double.parseDouble(text.getAttribute("font-size")) : defaultSize;
            boolean bold = "bold".equals(text.getAttribute("font-weight"));
            double width = value.length() * size * (bold ? 0.64 : 0.6);
            double x = Double.parseDouble(text.getAttribute("x"));
            double y = Double.parseDouble(text.getAttribute("y"));
            String anchor = text.getAttribute("text-anchor");
            double start = "middle".equals(anchor) ? -width / 2 : "end".equals(anchor) ? -width : 0;
            if (text.getAttribute("transform").startsWith("rotate(-90")) {
                boxes.add(new Box(value, x - size * 0.8, y - start - width, x + size * 0.2, y - start));
            } else {
                boxes.add(new Box(value, x + start, y - size * 0.8, x + start + width, y + size * 0.2));
            }
        }
        return boxes;
    }

    /** Every pair of texts that overlap, as "a / b". */
    public static List<String> overlaps(String svg) throws Exception {
        List<Box> boxes = boxes(svg);
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (boxes.get(i).overlaps(boxes.get(j))) {
                    overlaps.add(boxes.get(i).text() + " / " + boxes.get(j).text());
                }
            }
        }
        return overlaps;
    }

    /** Texts that run past the SVG's width. */
    public static List<String> outside(String svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        double width = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
        List<String> outside = new ArrayList<>();
        for (Box box : boxes(svg)) {
            if (box.left() < 0 || box.right() > width) {
                outside.add(box.text());
            }
        }
        return outside;
    }
}

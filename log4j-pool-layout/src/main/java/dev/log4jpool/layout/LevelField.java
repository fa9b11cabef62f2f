package dev.log4jpool.layout;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/** The level's name; the levels known at configuration are rendered then, as quoted JSON strings. */
final class LevelField implements TemplateNode<LogEvent> {
    private final Level[] levels;
    private final char[][] rendered;

    LevelField(boolean asciiOnly) {
        this.levels = Level.values();
        this.rendered = new char[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            rendered[i] = LayoutCompiler.quoted(levels[i].name(), asciiOnly);
        }
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        Level level = event.getLevel();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == level) {
                out.raw(rendered[i]);
                return;
            }
        }
        out.stringValue(level == null ? null : level.name()); // a custom level defined later
    }
}

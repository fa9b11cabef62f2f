package dev.log4jpool.appender;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;

/** Starts Log4j contexts from XML written in the test, each isolated from the others. */
final class TestContexts {
    private TestContexts() {}

    /** A started context running {@code xml}. */
    static LoggerContext start(String name, String xml) {
        LoggerContext context = new LoggerContext(name);
        context.start(configuration(context, xml));
        return context;
    }

    /** A configuration for {@code context}, not yet started. */
    static Configuration configuration(LoggerContext context, String xml) {
        try {
            ConfigurationSource source =
                    new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return new XmlConfiguration(context, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The usual frame: one appender element, the root logger at INFO writing to it. */
    static String config(String appenderXml) {
        return "<Configuration status=\"warn\"><Appenders>" + appenderXml + "</Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"file\"/></Root></Loggers></Configuration>";
    }

    static void stop(LoggerContext context) {
        context.stop(30, TimeUnit.SECONDS);
    }

    static PooledFileAppender appender(LoggerContext context, String name) {
        return context.getConfiguration().getAppender(name);
    }

    /** XML attribute text for a path. */
    static String xmlPath(java.nio.file.Path path) {
        return path.toString().replace("&", "&amp;").replace("\"", "&quot;");
    }
}

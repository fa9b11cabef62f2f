package dev.log4jpool.layout;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A template's JSON text and a name for it in error messages, from an inline attribute
 * ({@code eventTemplate}) or a URI ({@code eventTemplateUri}): {@code classpath:} resources (the
 * templates bundled with {@code log4j-layout-template-json}, such as {@code classpath:EcsLayout.json},
 * are found when that jar is on the class path) and {@code file:} paths.
 */
final class TemplateSource {
    final String name;
    final Object template;

    private TemplateSource(String name, String text) {
        this.name = name;
        try {
            this.template = TemplateJson.read(text);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("PooledJsonLayout: template " + name + " is not valid JSON: "
                    + invalid.getMessage(), invalid);
        }
    }

    /**
     * The template of {@code inline} (named after {@code inlineAttribute}) or else of {@code uri}
     * (named by the URI); {@code null} when neither is given.
     */
    static TemplateSource of(String inlineAttribute, String inline, String uriAttribute, String uri, Charset charset) {
        if (inline != null && !inline.isBlank()) {
            return new TemplateSource(inlineAttribute, inline);
        }
        if (uri != null && !uri.isBlank()) {
            return new TemplateSource(uri.trim(), read(uriAttribute, uri.trim(), charset));
        }
        return null;
    }

    private static String read(String attribute, String uri, Charset charset) {
        try {
            if (uri.startsWith("classpath:")) {
                String resource = uri.substring("classpath:".length());
                while (resource.startsWith("/")) {
                    resource = resource.substring(1);
                }
                try (InputStream in = open(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("PooledJsonLayout: " + attribute + "=\"" + uri + "\": no such resource on"
                                + " the class path" + (isBundledWithLog4j(resource)
                                ? " (" + resource + " comes with log4j-layout-template-json: keep that jar on the class path)" : ""));
                    }
                    return new String(in.readAllBytes(), charset);
                }
            }
            Path path = uri.startsWith("file:") ? Paths.get(new URI(uri)) : Paths.get(uri);
            return Files.readString(path, charset);
        } catch (IOException | URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException failure) {
            if (failure instanceof IllegalArgumentException && failure.getMessage() != null
                    && failure.getMessage().startsWith("PooledJsonLayout:")) {
                throw (IllegalArgumentException) failure;
            }
            throw new IllegalArgumentException("PooledJsonLayout: " + attribute + "=\"" + uri + "\" cannot be read: " + failure, failure);
        }
    }

    private static InputStream open(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        return in != null ? in : TemplateSource.class.getClassLoader().getResourceAsStream(resource);
    }

    private static boolean isBundledWithLog4j(String resource) {
        return resource.equals("EcsLayout.json") || resource.equals("GcpLayout.json") || resource.equals("GelfLayout.json")
                || resource.equals("JsonLayout.json") || resource.equals("LogstashJsonEventLayoutV1.json")
                || resource.equals("StackTraceElementLayout.json");
    }
}

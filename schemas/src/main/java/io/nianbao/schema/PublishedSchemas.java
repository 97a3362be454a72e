package io.nianbao.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * Every version of a record's schema that was ever published, oldest first, kept as resources
 * {@code io/nianbao/schema/published/<Record>/v<N>.avsc}. A reader registers all of them, so a record written
 * by an older (or newer) service stays readable during a rolling upgrade.
 */
public final class PublishedSchemas {
    private static final String ROOT = "/io/nianbao/schema/published/";

    private PublishedSchemas() {
    }

    public static List<Schema> of(Class<?> recordType) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String path = ROOT + recordType.getSimpleName() + "/v" + version + ".avsc";
            try (InputStream in = PublishedSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read published schema " + path, e);
            }
        }
    }
}

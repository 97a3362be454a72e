package io.nianbao.cli;

import java.util.function.Predicate;

/** Which documents a replay publishes again ({@link RawReplay}), by report id. */
public final class ReplaySelection {
    private ReplaySelection() {
    }

    /**
     * {@code replay --parser-version-below V}: the documents whose current stored report a parser older than
     * {@code version} made, as store-service says now. A document with no current stored report (never stored,
     * dead-lettered, or superseded by another document of its agency and year) is left out: nothing to re-read.
     */
    public static Predicate<String> storedByParserBelow(String version, String storeUrl, String apiKey) {
        StoreClient store = new StoreClient(storeUrl, apiKey);
        return reportId -> store.storedParserVersion(reportId)
                .map(stored -> ParserVersions.compare(stored, version) < 0).orElse(false);
    }
}

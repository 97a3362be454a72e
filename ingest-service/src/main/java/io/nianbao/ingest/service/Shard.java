package io.nianbao.ingest.service;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The provinces this instance crawls (INGEST_PROVINCES, e.g. {@code 64,41}); all of them when empty. */
public record Shard(Set<String> provinces) {

    public static Shard of(List<String> provinces) {
        Set<String> codes = new TreeSet<>();
        for (String code : provinces) {
            String trimmed = code.trim();
            if (!trimmed.matches("[1-8][0-9]")) {
                throw new IllegalStateException("INGEST_PROVINCES (nianbao.crawl.provinces) must list two-digit province codes such as 64,41; got '" + code + "'");
            }
            codes.add(trimmed);
        }
        return new Shard(Set.copyOf(codes));
    }

    public boolean owns(String province) {
        return provinces.isEmpty() || provinces.contains(province);
    }

    public String describe() {
        return provinces.isEmpty() ? "all provinces" : "provinces " + new TreeSet<>(provinces);
    }
}

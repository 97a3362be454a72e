package io.nianbao.gazetteer;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The division of a government web site, from the small table {@code hosts.tsv} (each entry says why). */
final class SourceHosts {
    private final Map<String, String> codeByHost;

    SourceHosts(Map<String, String> codeByHost) {
        this.codeByHost = codeByHost;
    }

    /** The division code of the site {@code url} is on; empty when the URL is malformed or the host not known. */
    Optional<String> codeOf(String url) {
        String host;
        try {
            host = URI.create(url.contains("://") ? url.strip() : "http://" + url.strip()).getHost();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        // The host itself or any parent domain of it: www.znzf.gov.cn → znzf.gov.cn.
        for (String domain = name; domain.contains("."); domain = domain.substring(domain.indexOf('.') + 1)) {
            String code = codeByHost.get(domain);
            if (code != null) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}

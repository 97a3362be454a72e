package io.nianbao.crawler;

import java.net.URI;
import java.net.http.HttpHeaders;

/** One response, after redirects. {@code body} is empty for 304. */
record Fetched(URI uri, int status, HttpHeaders headers, byte[] body) {
    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    boolean notModified() {
        return status == 304;
    }

    String text() {
        return Charsets.decode(body, header("Content-Type"), uri.getPath());
    }
}

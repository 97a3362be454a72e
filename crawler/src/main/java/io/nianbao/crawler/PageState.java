package io.nianbao.crawler;

/**
 * What the crawler remembers of one fetched document, keyed by its URL.
 *
 * @param etag          validator for If-None-Match, or null
 * @param lastModified  validator for If-Modified-Since, or null
 * @param sha256        of the published bytes
 * @param listedDate    the date the list page showed when it was published
 * @param title         the title it was published under
 */
public record PageState(String etag, String lastModified, String sha256, String listedDate, String title) {
}

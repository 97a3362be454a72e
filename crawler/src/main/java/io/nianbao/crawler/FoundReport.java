package io.nianbao.crawler;

/**
 * A report document found on a source, to be published.
 *
 * @param url            where its bytes came from (after redirects)
 * @param title          the link title on the list page
 * @param listedDate     the date shown beside it on the list, ISO-8601, or null
 * @param kind           html | pdf | doc | docx | wps | ofd | other — from the URL or Content-Disposition name
 * @param fileName       Content-Disposition name, else the URL's last segment
 * @param contentType    the server's Content-Type, informational only (the type is sniffed from the bytes downstream)
 * @param previousSha256 set when this URL was published before with other content or another date: a change
 *                       after publication
 */
public record FoundReport(String url, String title, String listedDate, String kind, String fileName, String contentType,
                          byte[] content, String sha256, String previousSha256, String change) {
    public boolean changedAfterPublication() {
        return change != null;
    }
}

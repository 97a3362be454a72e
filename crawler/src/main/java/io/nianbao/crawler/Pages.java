package io.nianbao.crawler;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reading list pages and article pages as the common government CMSs (TRS, Hanweb, VSB …) write them. */
final class Pages {
    /** A link on a list page: where, what it is called, and the date printed beside it. */
    record Listed(URI url, String title, String date) {
    }

    static final Set<String> DOCUMENT_KINDS = Set.of("pdf", "doc", "docx", "wps", "ofd");
    private static final Pattern DATE = Pattern.compile("(20\\d{2})[-年./](\\d{1,2})[-月./](\\d{1,2})");
    /** TRS: {@code createPageHTML(5, 0, "index", "html")} — five pages, index.html then index_1.html …. */
    private static final Pattern TRS_PAGES = Pattern.compile("createPageHTML\\(\\s*(\\d+)\\s*,\\s*\\d+\\s*,\\s*[\"']([^\"']+)[\"']\\s*,\\s*[\"']([^\"']+)[\"']");
    private static final Pattern META_REFRESH_URL = Pattern.compile("url\\s*=\\s*['\"]?([^'\";]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z]{3,4})(?:$|[?#])");
    /** Report body containers of the usual CMSs; the first one present holds the article. */
    private static final String CONTAINERS = "#zoom, .TRS_Editor, .Custom_UnionStyle, #ivs_content, .webeditorview, "
            + ".article-content, .xxgk_content, .zw-content, article";
    /** Below this many characters of body text an article page is only a wrapper around its attachments. */
    static final int MIN_REPORT_TEXT = 300;

    private Pages() {
    }

    static Document parse(String html, URI base) {
        return Jsoup.parse(html, base.toString());
    }

    static List<Listed> reportLinks(Document list, Pattern filter) {
        Map<URI, Listed> found = new LinkedHashMap<>();
        for (Element a : list.select("a[href]")) {
            String title = a.hasAttr("title") && !a.attr("title").isBlank() ? a.attr("title").trim() : a.text().trim();
            if (!filter.matcher(title).find()) {
                continue;
            }
            Optional<URI> url = absolute(a, "href");
            url.ifPresent(u -> found.putIfAbsent(u, new Listed(u, title, dateNear(a))));
        }
        return new ArrayList<>(found.values());
    }

    /** Further list pages: TRS's page count script, else the 下一页 link. */
    static List<URI> nextPages(Document list, URI current) {
        Set<URI> pages = new LinkedHashSet<>();
        Matcher trs = TRS_PAGES.matcher(list.html());
        if (trs.find()) {
            int count = Integer.parseInt(trs.group(1));
            for (int i = 1; i < count; i++) {
                resolve(current.toString(), trs.group(2) + "_" + i + "." + trs.group(3)).ifPresent(pages::add);
            }
        }
        for (Element a : list.select("a[href]")) {
            String text = a.text().trim();
            if (text.equals("下一页") || text.equals("下页") || text.equals("下一页>") || text.equalsIgnoreCase("next")) {
                absolute(a, "href").ifPresent(pages::add);
            }
        }
        return new ArrayList<>(pages);
    }

    static Optional<URI> metaRefresh(Document page) {
        for (Element meta : page.select("meta[http-equiv]")) {
            if (meta.attr("http-equiv").equalsIgnoreCase("refresh")) {
                Matcher m = META_REFRESH_URL.matcher(meta.attr("content"));
                if (m.find()) {
                    return resolve(page.location(), m.group(1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** Attachment links: by extension in the URL, in the link text (download scripts), or pdf.js {@code viewer?file=}. */
    static List<URI> attachments(Document article) {
        Set<URI> found = new LinkedHashSet<>();
        for (Element a : article.select("a[href], iframe[src], embed[src]")) {
            String attr = a.hasAttr("href") ? "href" : "src";
            String target = a.attr(attr);
            String viewerFile = viewerFile(target);
            if (viewerFile != null) {
                resolve(article.location(), viewerFile).ifPresent(found::add);
            } else if (kindOf(target) != null || kindOf(a.text().trim()) != null) {
                absolute(a, attr).ifPresent(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    static String bodyText(Document article) {
        Element container = article.selectFirst(CONTAINERS);
        return (container != null ? container : article.body()).text();
    }

    /** @return pdf, doc, docx, wps or ofd when the name ends so, else null */
    static String kindOf(String nameOrUrl) {
        Matcher m = EXTENSION.matcher(nameOrUrl);
        String kind = null;
        while (m.find()) {
            kind = m.group(1).toLowerCase(Locale.ROOT);
        }
        return kind != null && DOCUMENT_KINDS.contains(kind) ? kind : null;
    }

    private static String viewerFile(String target) {
        int at = target.indexOf("viewer.html?file=");
        if (at < 0) {
            at = target.indexOf("viewer?file=");
        }
        if (at < 0) {
            return null;
        }
        String file = target.substring(target.indexOf("file=", at) + 5);
        return java.net.URLDecoder.decode(file, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String dateNear(Element link) {
        for (Element e = link; e != null && !e.tagName().equals("body"); e = e.parent()) {
            Matcher m = DATE.matcher(e.text());
            if (m.find()) {
                return "%s-%02d-%02d".formatted(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (e.tagName().equals("li") || e.tagName().equals("tr")) {
                break; // the date belongs to this row or to none
            }
        }
        return null;
    }

    private static Optional<URI> absolute(Element e, String attr) {
        String raw = e.attr(attr).trim();
        if (raw.isEmpty() || raw.startsWith("javascript:") || raw.startsWith("#") || raw.startsWith("mailto:")) {
            return Optional.empty();
        }
        return resolve(e.baseUri(), raw);
    }

    private static Optional<URI> resolve(String base, String relative) {
        // jsoup resolves as RFC 3986 says ("?page=2" keeps the file name; java.net.URI drops it).
        String absolute = StringUtil.resolve(base, relative);
        if (absolute.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(absolute.replace(" ", "%20")).normalize());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}

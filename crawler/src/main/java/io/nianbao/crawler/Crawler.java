package io.nianbao.crawler;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;

/**
 * One crawl of a source: list pages and their pagination, report links, article pages, attachments. A document is
 * handed to the {@link ReportSink} when it is new or changed, and remembered in the {@link CrawlState} only after the
 * sink took it. One failing page is recorded and the crawl goes on; an anti-bot wall stops the source.
 */
public final class Crawler {
    private static final Pattern DISPOSITION_UTF8 = Pattern.compile("filename\\*\\s*=\\s*(?:UTF-8|utf-8)''([^;]+)");
    private static final Pattern DISPOSITION = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?");
    private static final int MAX_META_REFRESHES = 3;

    private final CrawlerSettings settings;
    private final Fetcher fetcher;

    public Crawler(CrawlerSettings settings) {
        this.settings = settings;
        this.fetcher = new Fetcher(settings);
    }

    /** Thrown inside a crawl when a wall is met or the sink stops it: the rest of the source is not tried. */
    private static final class Stop extends Exception {
        final boolean wall;

        Stop(String reason, boolean wall) {
            super(reason);
            this.wall = wall;
        }
    }

    private final class Run {
        final Source source;
        final CrawlState state;
        final ReportSink sink;
        final Set<String> hosts = new LinkedHashSet<>();
        final List<String> errors = new ArrayList<>();
        final Set<URI> seen = new HashSet<>();
        /** Read once per crawl, so a changed robots.txt applies from the next crawl on. */
        final Map<String, RobotsTxt> robots = new HashMap<>();
        int pages;
        int found;
        int published;

        Run(Source source, CrawlState state, ReportSink sink) {
            this.source = source;
            this.state = state;
            this.sink = sink;
            source.listUrls().forEach(u -> hosts.add(URI.create(u).getHost().toLowerCase(Locale.ROOT)));
            source.allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
        }

        Fetched fetch(URI uri, PageState validators) throws FetchException, RefusedUrlException, Stop {
            if (!robotsFor(uri).allows(pathAndQuery(uri))) {
                throw new RefusedUrlException("robots.txt of " + uri.getHost() + " disallows " + pathAndQuery(uri));
            }
            Fetched fetched = fetcher.get(uri, hosts, validators);
            pages++;
            Optional<String> wall = AntiBot.detect(fetched);
            if (wall.isPresent()) {
                throw new Stop(wall.get(), true);
            }
            if (fetched.status() >= 400) {
                throw new FetchException("HTTP " + fetched.status() + " for " + uri);
            }
            return fetched;
        }

        private RobotsTxt robotsFor(URI uri) throws RefusedUrlException {
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            RobotsTxt known = robots.get(origin);
            if (known != null) {
                return known;
            }
            RobotsTxt rules;
            try {
                Fetched file = fetcher.get(URI.create(origin + "/robots.txt"), hosts, null);
                pages++;
                // No robots.txt (4xx) allows everything; an unreadable one (5xx) forbids, as RFC 9309 says.
                rules = file.status() == 200 ? RobotsTxt.parse(file.text(), settings.userAgent())
                        : file.status() >= 500 ? RobotsTxt.DISALLOW_ALL : RobotsTxt.ALLOW_ALL;
            } catch (FetchException unreachable) {
                rules = RobotsTxt.DISALLOW_ALL; // RFC 9309 again: unreachable means everything is disallowed for now
            }
            robots.put(origin, rules);
            return rules;
        }

        void crawlList(URI first) throws Stop {
            Deque<URI> queue = new ArrayDeque<>(List.of(first));
            Set<URI> queued = new HashSet<>(queue);
            int listPages = 0;
            while (!queue.isEmpty() && listPages < source.maxPages()) {
                URI page = queue.poll();
                listPages++;
                Document list;
                try {
                    Fetched fetched = fetch(page, null);
                    list = CmsPages.parse(fetched.text(), fetched.uri());
                } catch (FetchException | RefusedUrlException e) {
                    errors.add("list page " + page + ": " + e.getMessage());
                    continue;
                }
                for (URI next : CmsPages.nextPages(list, page)) {
                    if (queued.add(next)) {
                        queue.add(next);
                    }
                }
                for (CmsPages.Listed link : CmsPages.reportLinks(list, source.linkPattern())) {
                    if (seen.add(link.url())) {
                        crawlReport(link);
                    }
                }
            }
        }

        void crawlReport(CmsPages.Listed link) throws Stop {
            try {
                String kind = CmsPages.kindOf(link.url().getPath());
                if (kind != null) {
                    document(link.url(), link, kind);
                    return;
                }
                URI url = link.url();
                Fetched article = fetch(url, null);
                Document page = CmsPages.parse(article.text(), article.uri());
                for (int i = 0; i < MAX_META_REFRESHES; i++) {
                    Optional<URI> target = CmsPages.metaRefresh(page);
                    if (target.isEmpty()) {
                        break;
                    }
                    article = fetch(target.get(), null);
                    page = CmsPages.parse(article.text(), article.uri());
                }
                if (looksLikeDocument(article)) {
                    offer(article, link, kindFrom(article), null);
                    return;
                }
                List<URI> attachments = CmsPages.attachments(page);
                if (attachments.isEmpty() || CmsPages.bodyText(page).length() >= CmsPages.MIN_REPORT_TEXT) {
                    offer(article, link, "html", null);
                }
                for (URI attachment : attachments) {
                    if (seen.add(attachment)) {
                        document(attachment, link, CmsPages.kindOf(attachment.toString()));
                    }
                }
            } catch (FetchException | RefusedUrlException e) {
                errors.add(link.title() + " (" + link.url() + "): " + e.getMessage());
            }
        }

        private void document(URI url, CmsPages.Listed link, String kindHint) throws Stop {
            PageState known = state.get(url.toString()).orElse(null);
            try {
                Fetched file = fetch(url, known);
                if (file.notModified()) {
                    found++;
                    if (known != null && !known.listedDate().equals(String.valueOf(link.date()))) {
                        republishDateChange(url, link, known);
                    }
                    return;
                }
                offer(file, link, kindFrom(file) != null ? kindFrom(file) : kindHint, url);
            } catch (FetchException | RefusedUrlException e) {
                errors.add("attachment of " + link.title() + " (" + url + "): " + e.getMessage());
            }
        }

        private void republishDateChange(URI url, CmsPages.Listed link, PageState known) throws Stop {
            // Same bytes, other displayed date: fetch them again so the new version can be published with its date.
            try {
                offer(fetch(url, null), link, CmsPages.kindOf(url.toString()), url);
            } catch (FetchException | RefusedUrlException e) {
                errors.add("re-fetch of " + url + " after its date changed: " + e.getMessage());
            }
        }

        /** @param stateUrl the URL the state is kept under (the link, not the redirect target), or null for the fetched one */
        private void offer(Fetched file, CmsPages.Listed link, String kind, URI stateUrl) throws Stop {
            found++;
            String key = (stateUrl != null ? stateUrl : link.url()).toString();
            String sha = sha256(file.body());
            String date = String.valueOf(link.date());
            PageState known = state.get(key).orElse(null);
            String change = null;
            if (known != null) {
                boolean sameBytes = known.sha256().equals(sha);
                boolean sameDate = known.listedDate().equals(date);
                if (sameBytes && sameDate) {
                    state.put(key, validators(file, known));
                    return;
                }
                change = !sameBytes && !sameDate ? "content and listed date changed after publication"
                        : !sameBytes ? "content changed after publication" : "listed date changed after publication";
            }
            FoundReport report = new FoundReport(file.uri().toString(), link.title(), link.date(),
                    kind == null ? "other" : kind, fileName(file), file.header("Content-Type"), file.body(), sha,
                    known == null ? null : known.sha256(), change);
            try {
                sink.publish(source, report);
            } catch (CrawlStoppedException e) {
                throw new Stop(e.getMessage(), false);
            } catch (Exception e) {
                errors.add("publishing " + report.url() + " failed, it will be tried again next crawl: " + e.getMessage());
                return;
            }
            published++;
            state.put(key, new PageState(file.header("ETag"), file.header("Last-Modified"), sha, date, link.title()));
        }

        private PageState validators(Fetched file, PageState known) {
            return new PageState(file.header("ETag"), file.header("Last-Modified"), known.sha256(), known.listedDate(), known.title());
        }
    }

    public CrawlResult crawl(Source source, CrawlState state, ReportSink sink) {
        Instant started = Instant.now();
        Run run = new Run(source, state, sink);
        String blocked = null;
        try {
            for (String listUrl : source.listUrls()) {
                run.crawlList(URI.create(listUrl));
            }
        } catch (Stop stop) {
            if (stop.wall) {
                blocked = stop.getMessage();
            } else {
                run.errors.add("crawl stopped: " + stop.getMessage());
            }
        }
        return new CrawlResult(source.id(), started, Instant.now(), run.pages, run.found, run.published,
                List.copyOf(run.errors), blocked);
    }

    private static boolean looksLikeDocument(Fetched file) {
        String type = String.valueOf(file.header("Content-Type")).toLowerCase(Locale.ROOT);
        return !type.contains("html") && (kindFrom(file) != null || type.contains("pdf") || type.contains("word"));
    }

    private static String kindFrom(Fetched file) {
        String name = fileName(file);
        String kind = name == null ? null : CmsPages.kindOf(name);
        return kind != null ? kind : CmsPages.kindOf(file.uri().getPath());
    }

    /** The Content-Disposition name (download scripts), else the last path segment. */
    static String fileName(Fetched file) {
        String disposition = file.header("Content-Disposition");
        if (disposition != null) {
            Matcher utf8 = DISPOSITION_UTF8.matcher(disposition);
            if (utf8.find()) {
                return URLDecoder.decode(utf8.group(1).trim(), StandardCharsets.UTF_8);
            }
            Matcher plain = DISPOSITION.matcher(disposition);
            if (plain.find()) {
                String name = plain.group(1).trim();
                // Servers put raw GBK or UTF-8 bytes there, which arrive as ISO-8859-1 characters; URL-encoded names too.
                byte[] raw = name.getBytes(StandardCharsets.ISO_8859_1);
                String decoded = Charsets.decode(raw, null);
                return decoded.contains("%") ? URLDecoder.decode(decoded, StandardCharsets.UTF_8) : decoded;
            }
        }
        String path = file.uri().getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : last;
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

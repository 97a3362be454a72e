package io.nianbao.crawler;

import java.util.List;
import java.util.Optional;

/**
 * Recognises anti-bot walls (瑞数 412, 加速乐 521, challenge cookies, 200 pages saying the visit was blocked).
 * A source behind one is marked blocked for manual upload; the wall is never worked around.
 */
final class AntiBot {
    /** Set only by challenges; __jsluid is not here, 知道创宇 sets it on ordinary pages too. */
    private static final List<String> CHALLENGE_COOKIES = List.of("__jsl_clearance", "FSSBBIl1UgzbN7N80");
    private static final List<String> BLOCKED_PHRASES = List.of("访问被拦截", "您的访问被阻断", "请开启JavaScript并刷新", "安全验证");
    private static final int TINY_BODY = 4096;

    private AntiBot() {
    }

    static Optional<String> detect(Fetched page) {
        int status = page.status();
        // Wall pages are small HTML; a report (or a PDF) that merely mentions 安全验证 is not one.
        boolean smallHtml = page.body().length < TINY_BODY * 4
                && String.valueOf(page.header("Content-Type")).toLowerCase(java.util.Locale.ROOT).contains("html");
        String body = smallHtml ? page.text() : "";
        if (status == 412 || status == 521) {
            return Optional.of("HTTP " + status + " anti-bot challenge (script-only page) at " + page.uri());
        }
        for (String cookie : smallHtml ? page.headers().allValues("Set-Cookie") : List.<String>of()) {
            for (String name : CHALLENGE_COOKIES) {
                if (cookie.startsWith(name)) {
                    return Optional.of("anti-bot challenge cookie " + name + " set by " + page.uri());
                }
            }
        }
        for (String phrase : BLOCKED_PHRASES) {
            if (body.contains(phrase)) {
                return Optional.of("page says 「" + phrase + "」 at " + page.uri());
            }
        }
        if (status == 200 && smallHtml && page.body().length < TINY_BODY && isScriptOnly(body)) {
            return Optional.of("script-only page (a JavaScript challenge) at " + page.uri());
        }
        return Optional.empty();
    }

    private static boolean isScriptOnly(String body) {
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("<script")) {
            return false;
        }
        // Hanweb lists keep their records in <script type="text/xml">: data, not a challenge.
        String visible = lower.replaceAll("(?s)<script(?![^>]*text/xml).*?</script>", "").replaceAll("(?s)<[^>]*>", "").trim();
        return visible.isEmpty();
    }
}

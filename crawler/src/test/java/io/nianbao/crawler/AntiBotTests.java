package io.nianbao.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AntiBotTests {
    private static Fetched page(int status, String contentType, String body, String... cookies) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType), "Set-Cookie", List.of(cookies)),
                (name, value) -> true);
        return new Fetched(URI.create("http://www.example.gov.cn/zfxxgk/"), status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wallsAreRecognised() {
        assertThat(AntiBot.detect(page(412, "text/html", "<script>$_ts=window['$_ts'];</script>"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("HTTP 412"));
        assertThat(AntiBot.detect(page(200, "text/html; charset=utf-8", "<html><body><h1>访问被拦截</h1>您的请求包含非法参数</body></html>")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("访问被拦截"));
        assertThat(AntiBot.detect(page(200, "text/html", "<html><script>document.cookie='x';location.reload()</script></html>")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("script-only"));
        assertThat(AntiBot.detect(page(200, "text/html", "<html><script>go()</script></html>", "FSSBBIl1UgzbN7N80S=abc; path=/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("FSSBBIl1UgzbN7N80"));
    }

    @Test
    void ordinaryPagesAndDocumentsAreNotWalls() {
        assertThat(AntiBot.detect(page(200, "text/html", "<html><body><a href='nb.html'>2023年年度报告</a><script>stat()</script></body></html>",
                "__jsluid_h=abc; path=/"))).isEmpty();
        assertThat(AntiBot.detect(page(200, "application/pdf", "%PDF-1.4 加强网络安全验证工作 访问被拦截的情况"))).isEmpty();
        assertThat(AntiBot.detect(page(404, "text/html", "<html><body>页面不存在</body></html>"))).isEmpty();
    }
}

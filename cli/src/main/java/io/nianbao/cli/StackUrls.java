package io.nianbao.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.nianbao.localstack.ServiceProcess;

/** The addresses a person needs once the stack runs: the dashboard first, the APIs, each service's health and metrics. */
final class StackUrls {
    private StackUrls() {
    }

    /** @param urlOf the base URL of each started service */
    static List<String> describe(Function<String, String> urlOf) {
        String ingest = urlOf.apply(ServiceProcess.INGEST);
        String store = urlOf.apply(ServiceProcess.STORE);
        List<String> lines = new ArrayList<>();
        // First: the page a person opens, before the addresses programs use.
        lines.add("dashboard           " + store + "/");
        lines.add("upload a report     POST " + ingest + "/api/reports?fileName=NAME   (raw body, header X-API-Key)");
        lines.add("a document's status GET  " + store + "/api/documents/{id}");
        lines.add("a stored report     GET  " + store + "/api/reports/{id}");
        lines.add("reports             GET  " + store + "/api/reports?agency=...&year=...");
        lines.add("alerts              GET  " + store + "/api/alerts?reportId={id}");
        lines.add("failed documents    GET  " + store + "/api/dead-letters   (dashboard: 处理失败)");
        for (String service : ServiceProcess.NAMES) {
            String url = urlOf.apply(service);
            lines.add(String.format("%-19s %s/q/health/ready   %s/q/metrics", service, url, url));
        }
        return lines;
    }
}

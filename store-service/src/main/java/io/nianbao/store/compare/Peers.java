package io.nianbao.store.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.store.domain.KeyFigure;

/**
 * An agency's report beside its peers' of the same year: the reports of its county (the county government beside
 * its departments and towns, HIER-SUM), the agencies of its kind in the province, and the reports its prose is
 * near-identical to (COPY-PEER) with the text they share.
 */
public final class Peers {
    static final String HIERARCHY = "HIER-SUM";
    static final String COPY_PEER = "COPY-PEER";
    /** Kinds of agency by the end of their name, the more specific first (镇人民政府 before 人民政府). */
    private static final List<String> KINDS = List.of("街道办事处", "镇人民政府", "乡人民政府", "县人民政府", "区人民政府",
            "市人民政府", "旗人民政府", "人民政府", "公安局", "教育局", "财政局", "自然资源局", "生态环境局", "卫生健康局",
            "住房和城乡建设局", "交通运输局", "农业农村局", "市场监督管理局", "人力资源和社会保障局", "民政局", "司法局",
            "应急管理局", "局", "委员会", "办公室");
    private static final Pattern COUNTY_GOVERNMENT = Pattern.compile(".*(县|区|市|旗)人民政府$");
    /** COPY-PEER names the other report as "<agency> <year> (<report id>)". */
    private static final Pattern PEER_REPORT = Pattern.compile("\\(([^()]+)\\)$");

    /** @param figures the key figures, null where not read */
    public record Peer(String agencyKey, String agency, String reportId, String status, boolean countyGovernment,
            Map<String, Long> figures) {
    }

    /**
     * The county government's report against the sum of its departments' and towns' (the measures HIER-SUM
     * compares).
     *
     * @param government    null when no report of the county's government is stored for the year
     * @param partsTotal    per key figure the sum over the other reports of the county, null where none read
     * @param findings      the government's HIER-SUM findings, as the rules worded them
     */
    public record Hierarchy(Peer government, Map<String, Long> partsTotal, List<String> findings) {
    }

    /** @param shared the sentences both reports have, in this report's order */
    public record CopiedPeer(String reportId, String agency, String messageZh, List<String> shared) {
    }

    /** @param sameKindTotal how many reports of its kind the province has that year; {@code sameKind} may show fewer */
    public record Comparison(String agencyKey, int year, String kind, Peer self, List<Peer> county, Hierarchy hierarchy,
            List<Peer> sameKind, long sameKindTotal, List<CopiedPeer> copies) {
    }

    private Peers() {
    }

    /** The kind of agency a name says, by its ending; null when it says none known. */
    public static String kind(String agency) {
        return agency == null ? null : KINDS.stream().filter(agency::endsWith).findFirst().orElse(null);
    }

    /** The report ids the COPY-PEER findings of {@code report} point to. */
    public static List<String> copiedReportIds(Map<String, Object> report) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> finding : AgencyYears.findings(report, COPY_PEER)) {
            Matcher id = PEER_REPORT.matcher(String.valueOf(finding.get("found")));
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    /**
     * @param county   the year's reports of the agency's county (including its own)
     * @param sameKind the year's reports of the province by agencies of its kind (including its own), or the first
     *                 of them
     * @param sameKindTotal how many there are
     * @param copied   the reports its COPY-PEER findings point to, by report id (absent when no longer stored)
     */
    public static Comparison of(String agencyKey, Map<String, Object> report, List<Map<String, Object>> county,
            List<Map<String, Object>> sameKind, long sameKindTotal, Map<String, Map<String, Object>> copied) {
        List<Peer> countyPeers = county.stream().map(Peers::peer).toList();
        Optional<Map<String, Object>> government = county.stream()
                .filter(r -> isCountyGovernment((String) r.get("agency"))).findFirst();
        Map<String, Long> parts = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            Long sum = null;
            for (Map<String, Object> other : county) {
                Long value = figure.of(other);
                if (!isCountyGovernment((String) other.get("agency")) && value != null) {
                    sum = (sum == null ? 0 : sum) + value;
                }
            }
            parts.put(figure.key(), sum);
        }
        Hierarchy hierarchy = new Hierarchy(government.map(Peers::peer).orElse(null), parts, government
                .map(g -> AgencyYears.findings(g, HIERARCHY).stream().map(f -> (String) f.get("messageZh")).toList())
                .orElse(List.of()));
        List<CopiedPeer> copies = new ArrayList<>();
        for (Map<String, Object> finding : AgencyYears.findings(report, COPY_PEER)) {
            Matcher id = PEER_REPORT.matcher(String.valueOf(finding.get("found")));
            Map<String, Object> other = id.find() ? copied.get(id.group(1)) : null;
            copies.add(new CopiedPeer(other == null ? null : (String) other.get("reportId"),
                    other == null ? String.valueOf(finding.get("found")) : (String) other.get("agency"),
                    (String) finding.get("messageZh"), other == null ? List.of() : ProseOverlap.shared(report, other)));
        }
        return new Comparison(agencyKey, AgencyYears.year(report), kind((String) report.get("agency")), peer(report),
                countyPeers, hierarchy, sameKind.stream().map(Peers::peer).toList(), sameKindTotal, copies);
    }

    private static boolean isCountyGovernment(String agency) {
        return agency != null && COUNTY_GOVERNMENT.matcher(agency).matches();
    }

    private static Peer peer(Map<String, Object> report) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (KeyFigure figure : KeyFigure.values()) {
            figures.put(figure.key(), figure.of(report));
        }
        String id = (String) report.get("id");
        String agency = (String) report.get("agency");
        return new Peer(id == null ? null : id.replaceFirst("\\|\\d{4}$", ""), agency, (String) report.get("reportId"),
                (String) report.get("status"), isCountyGovernment(agency), figures);
    }
}

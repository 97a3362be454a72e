package io.nianbao.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nianbao.corpus.ReportGenerator;
import io.nianbao.corpus.render.Form;
import io.nianbao.gazetteer.Division;
import io.nianbao.gazetteer.Gazetteer;
import io.nianbao.gazetteer.Level;

/**
 * The reports {@code bench} uploads, spread as a country's are: each one generated (consistent, seeded, so a run is
 * repeatable) and rendered as extracted text, under an agency of its own (a county government or one of its
 * departments) in a real county, consecutive reports in counties far apart. Distinct reports in many counties are
 * what a province or a country sends; the same few texts under thousands of agencies of one county would make every
 * report a near-copy of every other (COPY-PEER) in one partition, the worst case rather than the usual one.
 */
public final class BenchReports {
    /** The agency as a title prints it: everything before the year. */
    private static final Pattern TITLE_AGENCY = Pattern.compile("^[#\\s]*(\\S+?)\\s*\\d{4}\\s*年");
    private static final List<String> AGENCIES = List.of("人民政府", "财政局", "教育局", "民政局", "自然资源局",
            "卫生健康局", "市场监督管理局", "农业农村局", "住房和城乡建设局");
    /** A step through the counties coprime with any count of them: consecutive reports land far apart. */
    private static final int STRIDE = 7919;
    private static final long SEED = 2026;

    private final ReportGenerator generator = new ReportGenerator(SEED, 0);
    private final Gazetteer gazetteer = Gazetteer.load();
    private final List<Division> counties = gazetteer.current(Level.COUNTY);

    /** A report to upload: its text, the agency its title names and the county that agency is in. */
    public record BenchReport(String text, String agency, Division county) {
    }

    /** Report {@code n}: the same for every run. */
    public BenchReport report(int n) {
        Division county = counties.get((int) ((long) n * STRIDE % counties.size()));
        String agency = qualifiedName(county) + AGENCIES.get(n / counties.size() % AGENCIES.size());
        String text = new String(Form.TEXT.render(generator.report(n)), StandardCharsets.UTF_8);
        return new BenchReport(renamed(text, agency), agency, county);
    }

    /** The texts of reports {@code first} … {@code first + count - 1}, as uploaded. */
    List<byte[]> texts(int first, int count) {
        List<byte[]> texts = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            texts.add(report(n).text().getBytes(StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** The county under its city (吴忠市盐池县), or its province where the city is a placeholder (北京市东城区). */
    private String qualifiedName(Division county) {
        Division city = gazetteer.byCode(county.code().substring(0, 4)).orElseThrow();
        Division above = city.isPlaceholder() ? gazetteer.byCode(county.code().substring(0, 2)).orElseThrow() : city;
        return above.name() + county.name();
    }

    /** The text with its agency (as its title prints it) replaced everywhere by {@code agency}. */
    static String renamed(String text, String agency) {
        String title = text.strip().lines().findFirst().orElse("");
        Matcher matcher = TITLE_AGENCY.matcher(title);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no agency before the year in the title: " + title);
        }
        return text.replace(matcher.group(1), agency);
    }
}

package io.nianbao.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * <p>
 * The generator's narratives are short: ≈ 550 characters, where the real reports of {@code samples/real-reports}
 * have 1,057–4,577 (2,250 on average), and the prose is what the copy rules and the prose rules read. {@link
 * #realSized()} adds to each narrative prose of its own up to a real report's length: words of the reports'
 * vocabulary in sentences drawn for that report, none a figure, a year, a self-reference or an application the
 * prose rules would hold against the tables: judged alone, each report gets the findings of its generated text.
 * Judged with the others it is seldom anyone's near copy (COPY-PEER), its prose being its own, where the generated
 * texts, of a few phrases, often are: fewer reports are judged again.
 */
public final class BenchReports {
    /** The agency as a title prints it: everything before the year. */
    private static final Pattern TITLE_AGENCY = Pattern.compile("^[#\\s]*(\\S+?)\\s*\\d{4}\\s*年");
    private static final List<String> AGENCIES = List.of("人民政府", "财政局", "教育局", "民政局", "自然资源局",
            "卫生健康局", "市场监督管理局", "农业农村局", "住房和城乡建设局");
    /** A step through the counties coprime with any count of them: consecutive reports land far apart. */
    private static final int STRIDE = 7919;
    private static final long SEED = 2026;
    /** What {@link #realSized()} adds to a narrative: a real one's average less the generator's. */
    static final int REAL_PROSE_ADDED = 2_250 - 550;
    /** Section 二 opens the tables: the narrative of section 一 ends before it. */
    private static final Pattern TABLES = Pattern.compile("(?m)^二、");
    private static final List<String> WORDS = List.of("政务公开", "信息发布", "政策解读", "回应关切", "平台建设",
            "制度建设", "工作机制", "标准化", "规范化", "便民服务", "办事指南", "公开目录", "动态更新", "意见建议",
            "统筹推进", "协调联动", "队伍建设", "业务培训", "考核评估", "网站集约化", "政务新媒体", "社会关注", "热点问题",
            "重点领域", "基层政务", "营商环境", "民生保障", "乡村振兴", "生态环境", "安全生产", "公共服务", "财政资金",
            "项目建设", "信息审核", "保密审查", "发布流程", "责任分工", "常态长效", "群众满意度", "企业群众", "互动交流",
            "在线访谈", "政民互动", "数据开放", "解读材料", "图解", "视频", "宣传", "督查", "整改", "监督", "落实",
            "推进", "完善", "健全", "强化", "深化", "提升", "优化", "加强", "规范", "创新", "拓展", "丰富", "持续",
            "扎实", "有序", "及时", "准确", "全面", "主动", "精准", "高效", "便捷", "广泛", "切实", "进一步", "不断",
            "着力", "聚焦", "围绕", "坚持", "注重", "通过", "结合", "依托", "按照", "各项", "相关", "有关", "专项",
            "日常", "内部", "线上", "线下", "工作", "任务", "要求", "举措", "成效", "质量", "水平", "能力", "渠道",
            "方式", "内容", "形式", "栏目", "专栏", "板块", "载体", "环节", "体系", "机制", "规定", "标准", "流程");

    private final ReportGenerator generator = new ReportGenerator(SEED, 0);
    /** Characters of prose added to each narrative. */
    private final int proseAdded;
    private final Gazetteer gazetteer = Gazetteer.load();
    private final List<Division> counties = gazetteer.current(Level.COUNTY);

    /** The generator's reports as it writes them. */
    public BenchReports() {
        this(0);
    }

    private BenchReports(int proseAdded) {
        this.proseAdded = proseAdded;
    }

    /** The same reports, each narrative as long as a real report's. */
    public static BenchReports realSized() {
        return new BenchReports(REAL_PROSE_ADDED);
    }

    /** A report to upload: its text, the agency its title names and the county that agency is in. */
    public record BenchReport(String text, String agency, Division county) {
    }

    /** Report {@code n}: the same for every run. */
    public BenchReport report(int n) {
        Division county = counties.get((int) ((long) n * STRIDE % counties.size()));
        String agency = qualifiedName(county) + AGENCIES.get(n / counties.size() % AGENCIES.size());
        String text = new String(Form.TEXT.render(generator.report(n)), StandardCharsets.UTF_8);
        if (proseAdded > 0) {
            text = withProse(text, prose(new Random(SEED * 31 + n), proseAdded));
        }
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

    /** Paragraphs of sentences drawn from {@link #WORDS}: {@code chars} characters, or a paragraph's end more. */
    static String prose(Random random, int chars) {
        StringBuilder prose = new StringBuilder();
        while (prose.length() < chars) {
            for (int sentences = 3 + random.nextInt(4); sentences > 0; sentences--) {
                int words = 10 + random.nextInt(13);
                for (int word = 0; word < words; word++) {
                    prose.append(WORDS.get(random.nextInt(WORDS.size())));
                    if (word < words - 1 && random.nextInt(5) == 0) {
                        prose.append('，');
                    }
                }
                prose.append('。');
            }
            prose.append("\n\n");
        }
        return prose.toString();
    }

    /** {@code prose} as the last paragraphs of section 一, the narrative before the tables. */
    static String withProse(String text, String prose) {
        Matcher tables = TABLES.matcher(text);
        if (!tables.find()) {
            throw new IllegalArgumentException("no section 二 after the narrative");
        }
        return text.substring(0, tables.start()) + prose + text.substring(tables.start());
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

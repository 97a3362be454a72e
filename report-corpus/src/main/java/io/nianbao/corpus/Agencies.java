package io.nianbao.corpus;

import java.util.List;
import java.util.Random;

/** Real agency names: towns with their county (the pair that resolves uniquely), county departments, cities. */
final class Agencies {
    private record County(String city, String name2020, String name2021, List<String> towns) {
        String name(int year) {
            return year <= 2020 ? name2020 : name2021;
        }
    }

    // 孟津 became a district in 2021 (410322 → 410308): a 2020 report must say 孟津县.
    private static final List<County> COUNTIES = List.of(
            new County("吴忠市", "盐池县", "盐池县", List.of("花马池镇", "惠安堡镇", "大水坑镇", "高沙窝镇", "王乐井乡", "青山乡", "麻黄山乡")),
            new County("洛阳市", "孟津县", "孟津区", List.of("白鹤镇", "会盟镇", "平乐镇", "朝阳镇", "横水镇")),
            new County("中卫市", "中宁县", "中宁县", List.of("白马乡", "石空镇", "宁安镇", "恩和镇", "鸣沙镇")),
            new County("衢州市", "龙游县", "龙游县", List.of("横山镇", "湖镇镇", "溪口镇", "詹家镇")),
            new County("蚌埠市", "固镇县", "固镇县", List.of("连城镇", "濠城镇", "刘集镇", "任桥镇")));
    private static final List<String> DEPARTMENTS = List.of("财政局", "教育体育局", "自然资源局", "卫生健康局",
            "市场监督管理局", "住房和城乡建设局", "民政局", "农业农村局");

    private Agencies() {
    }

    /** The agency as its report's title prints it; towns sometimes without 人民政府, as seed 000 does. */
    static String pick(Random random, int year) {
        County county = COUNTIES.get(random.nextInt(COUNTIES.size()));
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> county.name(year) + county.towns().get(random.nextInt(county.towns().size()))
                    + (random.nextInt(3) == 0 ? "" : "人民政府");
            case 3, 4 -> county.name(year) + DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
            default -> county.city() + "人民政府";
        };
    }
}

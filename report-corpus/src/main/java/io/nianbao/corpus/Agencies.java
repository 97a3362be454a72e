package io.nianbao.corpus;

import java.util.List;
import java.util.Random;

import io.nianbao.schema.Division;

/**
 * Real agency names: towns with their county (the pair that resolves uniquely), county departments, cities, each
 * with its administrative division labelled by hand (2023 statistical codes; the town's code is not labelled).
 */
final class Agencies {
    private record Province(String code, String name) {
    }

    private record County(Province province, String cityCode, String city, String code2020, String name2020,
            String code2021, String name2021, List<String> towns) {
        String name(int year) {
            return year <= 2020 ? name2020 : name2021;
        }

        String code(int year) {
            return year <= 2020 ? code2020 : code2021;
        }
    }

    /** An agency as printed in its title, and the division it belongs to. */
    record Agency(String name, Division division) {
    }

    private static final Province NINGXIA = new Province("64", "宁夏回族自治区");
    private static final Province HENAN = new Province("41", "河南省");
    private static final Province ZHEJIANG = new Province("33", "浙江省");
    private static final Province ANHUI = new Province("34", "安徽省");
    // 孟津 became a district in 2021 (410322 → 410308): a 2020 report must say 孟津县.
    private static final List<County> COUNTIES = List.of(
            new County(NINGXIA, "6403", "吴忠市", "640323", "盐池县", "640323", "盐池县",
                    List.of("花马池镇", "惠安堡镇", "大水坑镇", "高沙窝镇", "王乐井乡", "青山乡", "麻黄山乡")),
            new County(HENAN, "4103", "洛阳市", "410322", "孟津县", "410308", "孟津区",
                    List.of("白鹤镇", "会盟镇", "平乐镇", "朝阳镇", "横水镇")),
            new County(NINGXIA, "6405", "中卫市", "640521", "中宁县", "640521", "中宁县",
                    List.of("白马乡", "石空镇", "宁安镇", "恩和镇", "鸣沙镇")),
            new County(ZHEJIANG, "3308", "衢州市", "330825", "龙游县", "330825", "龙游县",
                    List.of("横山镇", "湖镇镇", "溪口镇", "詹家镇")),
            new County(ANHUI, "3403", "蚌埠市", "340323", "固镇县", "340323", "固镇县",
                    List.of("连城镇", "濠城镇", "刘集镇", "任桥镇")));
    private static final List<String> DEPARTMENTS = List.of("财政局", "教育体育局", "自然资源局", "卫生健康局",
            "市场监督管理局", "住房和城乡建设局", "民政局", "农业农村局");

    private Agencies() {
    }

    /** The agency as its report's title prints it; towns sometimes without 人民政府, as seed 000 does. */
    static Agency pick(Random random, int year) {
        County county = COUNTIES.get(random.nextInt(COUNTIES.size()));
        Division.Builder division = Division.newBuilder().setStatus("resolved")
                .setProvinceCode(county.province().code()).setProvinceName(county.province().name())
                .setCityCode(county.cityCode()).setCityName(county.city());
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> {
                String town = county.towns().get(random.nextInt(county.towns().size()));
                yield new Agency(county.name(year) + town + (random.nextInt(3) == 0 ? "" : "人民政府"),
                        division.setCountyCode(county.code(year)).setCountyName(county.name(year)).setTownName(town)
                                .build());
            }
            case 3, 4 -> new Agency(county.name(year) + DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())),
                    division.setCountyCode(county.code(year)).setCountyName(county.name(year)).build());
            default -> new Agency(county.city() + "人民政府", division.build());
        };
    }
}

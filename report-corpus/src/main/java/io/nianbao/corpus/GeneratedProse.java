package io.nianbao.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The prose of sections 一, 五 and 六, in the register real reports use; paragraphs are separated by a newline. */
final class GeneratedProse {
    private static final List<String> ITEM_KINDS = List.of("工作动态", "政策文件", "法治政府建设信息", "民生保障类信息",
            "农业补贴类信息", "预决算及“三公”经费", "人事信息", "规划计划", "应急管理信息", "重点领域信息");
    private static final List<String> PLATFORMS = List.of("政府门户网站", "微信公众号", "政务公开栏", "政务新媒体");
    private static final List<String> PROBLEMS = List.of(
            "公开内容不够规范，偶有信息更新不及时的情况",
            "政策解读形式较为单一，图解、视频解读数量偏少",
            "工作人员业务水平有待提高，对条例的理解不够深入",
            "依申请公开答复文书的规范性有待加强");
    private static final List<String> MEASURES = List.of(
            "建立多级审核机制，对拟公开信息实行三级审核",
            "丰富解读形式，提高政策解读的质量和数量",
            "定期组织业务培训，提升工作人员的业务能力",
            "规范答复文书格式，严格落实法定时限");

    private GeneratedProse() {
    }

    /** Section 一: 主动公开 with items that sum to 「累计公开信息 N 条」 (or, broken, do not), then 依申请公开. */
    static String overview(Random random, int year, String self, boolean itemsDisagree, String applications) {
        List<String> kinds = new ArrayList<>(ITEM_KINDS);
        Collections.shuffle(kinds, random);
        int itemCount = 3 + random.nextInt(4);
        StringBuilder items = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < itemCount; i++) {
            int n = 1 + random.nextInt(60);
            sum += n;
            items.append(i == 0 ? "" : "、").append(kinds.get(i)).append(' ').append(n).append(" 条");
        }
        int printedSum = itemsDisagree ? sum + 1 + random.nextInt(9) : sum;
        String platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
        return year + "年，" + self + "认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
                + "围绕决策、执行、管理、服务、结果等关键环节，深入推进政府信息公开工作。\n"
                + "（一）主动公开。全年通过" + platform + "等平台主动公开政府信息，具体包括：" + items + "，累计公开信息 "
                + printedSum + " 条。\n"
                + "（二）依申请公开。" + self + "严格按照法定时限办理依申请公开，" + applications + "\n"
                + "（三）政府信息管理。" + self + "定期对公开的信息进行更新和维护，建立健全信息公开档案管理制度。\n"
                + "（四）平台建设。充分利用" + platform + "发布政府信息，扩大信息的传播范围。\n"
                + "（五）监督保障。" + self + "建立健全内部监督机制，定期开展自查自纠，接受社会监督。";
    }

    static String problems(Random random, int year, String self) {
        int first = random.nextInt(PROBLEMS.size());
        int second = (first + 1 + random.nextInt(PROBLEMS.size() - 1)) % PROBLEMS.size();
        return year + "年，" + self + "政府信息公开工作取得了一定成效，但仍存在一些问题：一是" + PROBLEMS.get(first)
                + "；二是" + PROBLEMS.get(second) + "。\n下一步，" + self + "将" + MEASURES.get(first) + "，并"
                + MEASURES.get(second) + "。";
    }

    static String otherMatters(Random random, String self) {
        return switch (random.nextInt(3)) {
            case 0 -> "无。";
            case 1 -> self + "本年度未收取信息处理费。";
            default -> self + "按照《政府信息公开信息处理费管理办法》规定，本年度未收取信息处理费；人大代表建议和政协提案办理结果已按要求公开。";
        };
    }
}

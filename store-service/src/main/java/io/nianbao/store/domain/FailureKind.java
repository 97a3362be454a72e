package io.nianbao.store.domain;

import java.util.Arrays;

/**
 * The dead letters' error types (the codes the services write in {@code DeadLetter.errorType}), each with what it
 * means and what to do, in Chinese for the people reviewing failures. A code not listed here is shown as is.
 */
public enum FailureKind {
    UNREADABLE_DOCUMENT("文件无法读取（损坏、加密或格式不受支持）", "请获取可正常打开的原文件后重新上传"),
    NOT_A_REPORT("文件不是政府信息公开工作年度报告", "请确认上传的是年度报告；若确为年报，请反馈以改进识别"),
    PARSE_TIMEOUT("解析超时", "文件过大或为扫描件时可能超时；调整解析时限后重新处理"),
    PARSE_FAILED("解析程序出错", "属于程序缺陷，修复后重新处理即可"),
    RULE_FAILED("核查规则执行出错", "属于程序缺陷，修复后重新处理即可"),
    UNDECODABLE_RECORD("消息格式无法识别", "通常由版本不一致引起；升级服务后重新处理"),
    UNSTORABLE_RECORD("数据库拒绝保存该报告", "查看原因中的数据库错误，处理后重新处理");

    private final String meaningZh;
    private final String actionZh;

    FailureKind(String meaningZh, String actionZh) {
        this.meaningZh = meaningZh;
        this.actionZh = actionZh;
    }

    public String meaningZh() {
        return meaningZh;
    }

    public String actionZh() {
        return actionZh;
    }

    /** @return the kind with this code, or null for a code this version does not know */
    public static FailureKind of(String errorType) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(errorType)).findFirst().orElse(null);
    }
}

package io.nianbao.crawler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules of a robots.txt that apply to us: our own group if there is one, else {@code *}. Longest match wins. */
final class RobotsTxt {
    static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());
    static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule("/", false)));

    private record Rule(String prefix, boolean allow) {
    }

    private final List<Rule> rules;

    private RobotsTxt(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsTxt parse(String text, String agentToken) {
        List<Rule> ours = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        boolean sawOurs = false;
        for (String raw : text.split("\\R")) {
            String line = raw.replaceFirst("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (field.equals("user-agent")) {
                if (inRules) {
                    groupAgents.clear();
                    inRules = false;
                }
                groupAgents.add(value.toLowerCase(Locale.ROOT));
            } else if (field.equals("allow") || field.equals("disallow")) {
                inRules = true;
                if (value.isEmpty()) {
                    continue; // "Disallow:" with nothing allows everything
                }
                Rule rule = new Rule(value, field.equals("allow"));
                if (groupAgents.stream().anyMatch(a -> !a.equals("*") && agentToken.toLowerCase(Locale.ROOT).contains(a))) {
                    ours.add(rule);
                    sawOurs = true;
                } else if (groupAgents.contains("*")) {
                    anyone.add(rule);
                }
            }
        }
        return new RobotsTxt(sawOurs ? ours : anyone);
    }

    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (pathAndQuery.startsWith(rule.prefix()) && (best == null || rule.prefix().length() > best.prefix().length())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }
}

package io.nianbao.parser.sections;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report's text cut at its section headings.
 *
 * @param preamble what comes before the first heading: title, legal basis, statistics period
 * @param bodies   the text under each heading found, heading line excluded
 */
public record SectionedText(String preamble, Map<Section, String> bodies) {

    public Optional<String> body(Section section) {
        return Optional.ofNullable(bodies.get(section));
    }

    public List<String> numbersFound() {
        return bodies.keySet().stream().sorted().map(Section::number).toList();
    }
}

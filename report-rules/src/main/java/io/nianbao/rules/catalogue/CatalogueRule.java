package io.nianbao.rules.catalogue;

import java.util.Objects;

import io.nianbao.rules.Rule;
import io.nianbao.schema.Severity;

/** A rule of the catalogue: its stable id and severity are fixed when it is made. */
abstract class CatalogueRule implements Rule {
    private final String id;
    private final Severity severity;

    CatalogueRule(String id, Severity severity) {
        this.id = Objects.requireNonNull(id);
        this.severity = Objects.requireNonNull(severity);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }
}

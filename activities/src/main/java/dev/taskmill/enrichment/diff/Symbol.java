package dev.taskmill.enrichment.diff;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A named code unit that encloses changed lines.
 *
 * @param kind class, interface, enum, record, annotation, method, constructor, function,
 *     arrow_function, object, struct, type, namespace or module
 * @param qualifiedName the name nested in its enclosing symbols, e.g. {@code
 *     Outer.Inner.add(int,int)}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "name", "qualifiedName"})
public record Symbol(String kind, String name, String qualifiedName) {
  public Symbol {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(qualifiedName, "qualifiedName");
  }
}

package org.gridguard.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type as part of its feature's surface for other features: a port. A feature may use another
 * feature's classes only where they carry this annotation (or are nested in one that does); everything else
 * of a feature is its own business. {@code ArchitectureTest} holds the code to it.
 *
 * <p>A port is small and says what the caller needs in its words ("the residents of this household"), not
 * the owner's tables. An interface the <em>other</em> side implements (like {@code area.AreaCensus}) is a port
 * too: the owner of the interface calls it, the implementing feature plugs in.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Port {
}

package dk.flyt.platform.idempotency;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An action that takes an {@value IdempotencyFilter#HEADER} header: the same caller sending the same key again gets the
 * first answer again and nothing is done twice (a double click, a retry after a lost answer). Without the header the
 * action runs as always.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {}

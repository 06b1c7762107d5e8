package io.breachflow.workflow.filing;

/**
 * Who files: facts a filing needs that no event holds, from {@code breachflow.organisation.name}, {@code .contact}
 * and {@code .dpo-contact}. The shipped defaults are placeholders that say they are not configured, so an
 * unconfigured filing shows it rather than inventing an identity.
 */
public record Organisation(String name, String contact, String dpoContact) {
}

package io.breachflow.intake.publish;

import io.breachflow.intake.pseudonym.Pseudonyms;

import java.util.Base64;

/** The pseudonyms of the {@code %test} profile's fixed key, so that tests can compute what the intake publishes. */
public final class TestPseudonyms {

    /** {@code %test.breachflow.intake.pseudonym-key} in application.properties. */
    public static final String KEY = "dGVzdC1wc2V1ZG9ueW0ta2V5LW5vdC1mb3ItcHJvZHVjdGlvbi0wMDAwMDA=";
    public static final Pseudonyms PSEUDONYMS = new Pseudonyms(Base64.getDecoder().decode(KEY));
    public static final Minimiser MINIMISER = new Minimiser(PSEUDONYMS);

    private TestPseudonyms() {
    }
}

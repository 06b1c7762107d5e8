package io.breachflow.intake.api;

/**
 * A request the intake must refuse, and what the refusal must say.
 *
 * @param name        what is wrong, for the test report
 * @param contentType the request's Content-Type
 * @param body        the request body
 * @param status      the expected status
 * @param detail      a fragment the problem's detail must contain
 * @param marker      the unique marker the body carries
 */
record RefusedWebhook(String name, String contentType, byte[] body, int status, String detail, String marker) {

    @Override
    public String toString() {
        return name;
    }
}

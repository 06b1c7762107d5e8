package io.breachflow.contracts.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies an incident's evidence bundle ({@code GET /api/audit/incidents/{id}/evidence}) without Breachflow, with
 * the JDK alone (Java 11+, one source file, no dependency):
 *
 * <pre>java contracts/src/main/java/io/breachflow/contracts/audit/VerifyEvidence.java bundle.json [expected-head-hash]</pre>
 *
 * It recomputes every event's SHA-256 from its stored columns and the previous hash (the canonical encoding of
 * docs/AUDIT.md, the same as migration V5's trigger), checks that the events are one incident's, in sequence from 0,
 * each linked to the one before, that the bundle's head hash is the last event's, and, if given, that it is the head
 * hash kept elsewhere; that each filing's text has its stated SHA-256; that each notification's content hash is in
 * the event that recorded it. Prints {@code OK ...} and exits 0, or {@code FAIL ...} naming the first failing event
 * and exits 1 (2: the file cannot be read or is not a bundle).
 */
public final class VerifyEvidence {

    private VerifyEvidence() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java VerifyEvidence.java bundle.json [expected-head-hash]");
            System.exit(2);
        }
        Object bundle;
        try {
            bundle = new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).document();
        } catch (IllegalArgumentException e) {
            System.out.println("FAIL not a readable bundle: " + e.getMessage());
            System.exit(2);
            return;
        }
        String result = verify(bundle, args.length == 2 ? args[1].strip().toLowerCase() : null);
        System.out.println(result);
        System.exit(result.startsWith("OK") ? 0 : 1);
    }

    /** {@code OK ...} or {@code FAIL ...}: the verdict on a parsed bundle. */
    @SuppressWarnings("unchecked")
    public static String verify(Object document, String expectedHead) {
        if (!(document instanceof Map)) {
            return "FAIL the bundle is not a JSON object";
        }
        Map<String, Object> bundle = (Map<String, Object>) document;
        if (!"breachflow-evidence/1".equals(bundle.get("format"))) {
            return "FAIL unknown bundle format " + bundle.get("format");
        }
        String incidentId = (String) bundle.get("incidentId");
        List<Object> events = (List<Object>) bundle.get("events");
        if (events == null || events.isEmpty()) {
            return "FAIL the bundle holds no event";
        }
        byte[] prev = new byte[32];
        Map<Long, String> payloads = new LinkedHashMap<>();
        long expectedSequence = 0;
        for (Object item : events) {
            Map<String, Object> e = (Map<String, Object>) item;
            long sequence = number(e.get("sequenceNumber"));
            String name = "event globalIndex=" + number(e.get("globalIndex")) + " incident=" + e.get("aggregateIdentifier")
                    + " sequence=" + sequence + " id=" + e.get("eventIdentifier") + " (" + e.get("payloadType") + ")";
            try {
                if (!String.valueOf(incidentId).equals(e.get("aggregateIdentifier"))) {
                    return "FAIL " + name + ": not an event of incident " + incidentId;
                }
                if (sequence != expectedSequence) {
                    return "FAIL " + name + ": LINK_BROKEN, expected sequence " + expectedSequence + " (an event is missing or out of order)";
                }
                String storedPrev = (String) e.get("prevHash");
                String storedHash = (String) e.get("hash");
                if (storedHash == null || storedPrev == null) {
                    return "FAIL " + name + ": MISSING_HASH, the event has no chain hash";
                }
                byte[] payload = Base64.getDecoder().decode((String) e.get("payload"));
                byte[] metaData = e.get("metaData") == null ? null : Base64.getDecoder().decode((String) e.get("metaData"));
                String recomputed = hex(hash(prev, e, payload, metaData));
                if (!hex(prev).equals(storedPrev)) {
                    return "FAIL " + name + ": LINK_BROKEN, prevHash " + storedPrev + " is not the previous event's hash " + hex(prev);
                }
                if (!recomputed.equals(storedHash)) {
                    return "FAIL " + name + ": CONTENT_CHANGED, the stored columns give " + recomputed + ", the chain says " + storedHash;
                }
                prev = unhex(storedHash);
                payloads.put(sequence, new String(payload, StandardCharsets.UTF_8));
            } catch (RuntimeException broken) {
                return "FAIL " + name + ": unreadable (" + broken.getMessage() + ")";
            }
            expectedSequence++;
        }
        String head = hex(prev);
        if (!head.equals(bundle.get("headHash"))) {
            return "FAIL the bundle's headHash " + bundle.get("headHash") + " is not the last event's hash " + head;
        }
        if (expectedHead != null && !expectedHead.equals(head)) {
            return "FAIL the chain ends in " + head + ", not in the head hash kept elsewhere " + expectedHead
                    + " (events were removed, added or rewritten with their chain)";
        }
        List<Object> filings = bundle.get("filings") == null ? List.of() : (List<Object>) bundle.get("filings");
        for (Object item : filings) {
            Map<String, Object> f = (Map<String, Object>) item;
            String text = (String) f.get("text");
            String sha = hex(sha256(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8)));
            if (!sha.equals(f.get("textSha256"))) {
                return "FAIL filing " + f.get("kind") + ": its text has SHA-256 " + sha + ", the bundle says " + f.get("textSha256");
            }
        }
        List<Object> notifications = bundle.get("notifications") == null ? List.of() : (List<Object>) bundle.get("notifications");
        for (Object item : notifications) {
            Map<String, Object> n = (Map<String, Object>) item;
            long sequence = number(n.get("sequenceNumber"));
            String payload = payloads.get(sequence);
            if (payload == null || !payload.contains("\"" + n.get("contentSha256") + "\"")) {
                return "FAIL notification at sequence " + sequence + ": content hash " + n.get("contentSha256")
                        + " is not in the event that recorded it";
            }
        }
        return "OK incident " + incidentId + ": " + events.size() + " events, head " + head + ", " + filings.size()
                + " filings, " + notifications.size() + " notifications";
    }

    /** The canonical encoding of docs/AUDIT.md. */
    static byte[] hash(byte[] prev, Map<String, Object> e, byte[] payload, byte[] metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prev);
        text(out, e.get("eventIdentifier"));
        text(out, e.get("aggregateIdentifier"));
        text(out, Long.toString(number(e.get("sequenceNumber"))));
        text(out, e.get("type"));
        text(out, e.get("payloadType"));
        text(out, e.get("payloadRevision"));
        text(out, e.get("timeStamp"));
        field(out, payload);
        field(out, metaData);
        return sha256(out.toByteArray());
    }

    private static void text(ByteArrayOutputStream out, Object value) {
        field(out, value == null ? null : ((String) value).getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            return;
        }
        int n = value.length;
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.writeBytes(value);
    }

    private static long number(Object value) {
        if (!(value instanceof Long)) {
            throw new IllegalArgumentException("not a whole number: " + value);
        }
        return (Long) value;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }

    private static byte[] unhex(String hex) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a hash is 64 hex digits: " + hex);
        }
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** Just enough JSON (RFC 8259): objects as maps, arrays as lists, strings, whole numbers as Long, others as Double. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object document() {
            Object value = value();
            space();
            if (i != s.length()) {
                throw error("text after the document");
            }
            return value;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            i++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"': out.append('"'); break;
                    case '\\': out.append('\\'); break;
                    case '/': out.append('/'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u':
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default:
                        throw error("bad escape \\" + e);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String n = s.substring(start, i);
            if (n.isEmpty()) {
                throw error("unexpected character '" + s.charAt(i) + "'");
            }
            try {
                return n.matches("-?\\d+") ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
            } catch (NumberFormatException e) {
                throw error("bad number " + n);
            }
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw error("unexpected word");
            }
            i += word.length();
            return value;
        }

        private void space() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + i);
        }
    }

}

package io.breachflow.workflow.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Reads one rule-set file strictly (unknown fields, duplicate keys, bad enum values and dates are errors) and hands
 * it to {@link RuleSetValidator}. Its own ObjectMapper: the rules must not depend on how Quarkus configures Jackson.
 */
final class RuleSetReader {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * @param folder the rules folder on the class path, e.g. {@code rules/}: named in every error
     * @param file   the file's path relative to the folder, {@code <ruleSet>/<version>.json}: named in every error,
     *               and checked against the set's id and version
     */
    RuleSet read(String folder, String file, InputStream in) {
        String shown = folder + file;
        RuleSet ruleSet;
        try {
            ruleSet = mapper.readValue(in, RuleSet.class);
        } catch (JsonMappingException e) {
            // Jackson wraps syntax errors met inside a value into mapping errors: report those as syntax.
            if (e.getCause() instanceof StreamReadException syntax) {
                throw notJson(shown, syntax);
            }
            throw new RuleBookException(shown + ": " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (StreamReadException e) {
            throw notJson(shown, e);
        } catch (IOException e) {
            throw new RuleBookException(shown + ": cannot be read: " + e.getMessage(), e);
        }
        new RuleSetValidator(shown, file).check(ruleSet);
        return ruleSet;
    }

    private static RuleBookException notJson(String file, JsonProcessingException e) {
        return new RuleBookException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
    }

    /** The field as {@code rules[2].clock.duration}. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "(document)" : path.substring(path.startsWith(".") ? 1 : 0);
    }
}

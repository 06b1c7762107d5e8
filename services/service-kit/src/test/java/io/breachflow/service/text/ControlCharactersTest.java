package io.breachflow.service.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTest {

    @Test
    void stripsC0AndC1ButKeepsTabAndLineFeed() {
        assertThat(ControlCharacters.strip("a\u0000b\u001bc\u007fd\u0085e\u009ff\tg\nh\ri")).isEqualTo("abcdef\tg\nhi");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Datenbank-Export — 用户 ✓";
        assertThat(ControlCharacters.strip(text)).isSameAs(text);
        assertThat(ControlCharacters.firstIn(text)).isEmpty();
        assertThat(ControlCharacters.strip(null)).isNull();
    }

    @Test
    void findsAndNamesTheFirstControl() {
        assertThat(ControlCharacters.firstIn("ab\u0000")).hasValue(2);
        assertThat(ControlCharacters.name('\u0000')).isEqualTo("U+0000");
    }
}

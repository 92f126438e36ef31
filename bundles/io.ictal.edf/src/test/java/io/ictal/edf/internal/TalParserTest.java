package io.ictal.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TalParserTest {

    /** TAL bytes from a readable form: '|' for 0x14, '~' for 0x15, '#' for 0x00. */
    private static byte[] tal(String readable, int padTo) {
        byte[] b = readable.replace('|', '\u0014').replace('~', '\u0015').replace('#', '\0')
                .getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, Math.max(padTo, b.length));
    }

    private static List<TalParser.Tal> parse(String readable, boolean lenient) throws TalParser.TalSyntaxException {
        byte[] b = tal(readable, 64);
        List<TalParser.Tal> out = new ArrayList<>();
        new TalParser(lenient).parse(b, b.length, out);
        return out;
    }

    @Test
    void severalTextsPerTalDurationsAndTheTimeKeepingTal() throws Exception {
        List<TalParser.Tal> tals = parse("+12.5||eyes open|#+13~2.25|seizure|Anfall \u00fc|#-0.5|before|#", false);
        assertEquals(3, tals.size());
        assertEquals(List.of("", "eyes open"), tals.get(0).texts(), "time-keeping TAL with an annotation");
        assertEquals(12.5, tals.get(0).onset());
        assertTrue(Double.isNaN(tals.get(0).duration()));
        assertEquals(List.of("seizure", "Anfall \u00fc"), tals.get(1).texts());
        assertEquals(2.25, tals.get(1).duration());
        assertEquals(-0.5, tals.get(2).onset());
    }

    @Test
    void grammarViolationsNameWhatWasExpected() {
        TalParser.TalSyntaxException e = assertThrows(TalParser.TalSyntaxException.class, () -> parse("12||#", false));
        assertEquals(0, e.position);
        assertTrue(e.expected.contains("+ or -"));
        e = assertThrows(TalParser.TalSyntaxException.class, () -> parse("+1|a|##x", false));
        assertEquals(7, e.position);
        assertEquals("0x00 padding after the last TAL", e.expected);
        e = assertThrows(TalParser.TalSyntaxException.class, () -> parse("+1.2.3||#", false));
        assertEquals(4, e.position);
    }

    @Test
    void malformedUtf8IsAnErrorWhenStrictAndReplacedWhenLenient() throws Exception {
        byte[] b = tal("+1|ab|#", 16);
        b[3] = (byte) 0xC3;
        b[4] = (byte) 0x28;
        List<TalParser.Tal> out = new ArrayList<>();
        assertThrows(TalParser.TalSyntaxException.class, () -> new TalParser(false).parse(b, b.length, out));
        out.clear();
        new TalParser(true).parse(b, b.length, out);
        assertEquals("\uFFFD(", out.get(0).texts().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0||#", "+86399||#", "+0.3945312||#", "+123456.789012345||#", "+1.||#", "+0.1||#"})
    void timeKeepingFastPathAgreesWithTheParser(String readable) throws Exception {
        byte[] b = tal(readable, 40);
        double fast = TalParser.timeKeepingOnly(b, b.length);
        List<TalParser.Tal> tals = new ArrayList<>();
        new TalParser(false).parse(b, b.length, tals);
        if (readable.equals("+1.||#")) {
            assertTrue(Double.isNaN(fast), "left to the parser");
        } else {
            assertEquals(tals.get(0).onset(), fast);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1||a|#", "+1|x|#", "-1||#", "+1||#+2|a|#", "+1~2||#", "+12345678901234567||#"})
    void fastPathDeclinesAnythingButALoneTimeKeepingTal(String readable) {
        byte[] b = tal(readable, 40);
        assertTrue(Double.isNaN(TalParser.timeKeepingOnly(b, b.length)), readable);
    }
}

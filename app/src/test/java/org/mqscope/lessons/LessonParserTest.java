package org.mqscope.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mqscope.lessons.Lesson.Outcome;

/** A lesson file a teacher writes: what it may say, and an error naming the line for what it may not. */
class LessonParserTest {
    private static final String HEADER = "lesson: Test\nactor: producer A\nactor: consumer\n";

    @Test
    void readsHeaderStepsActionsOutcomesAndChecks() throws Exception {
        Lesson l = LessonParser.parse("t.lesson", """
                # a comment
                lesson: Tiny
                about: A short one.
                limits: msg_max=5 queues_max=7 rlimit=100000
                actor: producer A

                step: First
                say: One sentence,
                say: and another.
                do: producer A | open /q creat maxmsg=2 msgsize=16
                do: producer A | send /q 3 "a \\"quoted\\" => text"
                do: producer A | receive /q => "a \\"quoted\\" => text" prio 3
                do: producer A | receive /q => EAGAIN
                expect: /q order
                expect: producer A | idle
                expect: queues 1
                """);
        assertThat(l.title()).isEqualTo("Tiny");
        assertThat(l.limits().msgMax()).isEqualTo(5);
        assertThat(l.limits().queuesMax()).isEqualTo(7);
        assertThat(l.limits().rlimitMsgqueue()).isEqualTo(100000);
        assertThat(l.actors()).containsExactly("producer A");
        Lesson.Step s = l.steps().get(0);
        assertThat(s.line()).isEqualTo(7);
        assertThat(s.say()).isEqualTo("One sentence, and another.");
        assertThat(s.actions()).hasSize(4);
        assertThat(s.actions().get(1).args()).containsExactly("/q", "3", "a \"quoted\" => text");
        assertThat(s.actions().get(2).outcome()).isEqualTo(new Outcome(Outcome.Kind.MESSAGE, null,
                "a \"quoted\" => text", 3));
        assertThat(s.actions().get(3).outcome().errno()).isEqualTo("EAGAIN");
        assertThat(s.expects()).extracting(Lesson.Expect::what).containsExactly("order", "idle", "queues");
    }

    @ParameterizedTest(name = "line {0}: {2}")
    @CsvSource(delimiter = ';', value = {
            "5; 'do: producer A | sned /q 1 \"x\"'; unknown verb 'sned'",
            "5; 'do: nobody | receive /q'; unknown actor 'nobody'",
            "5; 'do: producer A | send q 1 \"x\"'; needs a queue name starting with '/'",
            "5; 'do: producer A | send /q high \"x\"'; the priority must be a whole number, not 'high'",
            "5; 'do: producer A | send /q 1 \"x'; a quote is not closed",
            "5; 'do: producer A | receive /q => EWHAT'; 'EWHAT' is not ok, blocks",
            "5; 'do: producer A | send /q 1 \"x\" => \"y\"'; only 'receive' can expect a message",
            "5; 'do: producer A | open /q creat sideways'; unknown open flag 'sideways'",
            "5; 'expect: /q colour blue'; a queue check is one of",
            "5; 'expect: consumer | asleep'; an actor check is one of",
            "5; 'expect: /q messages many'; messages must be a whole number",
            "5; 'wibble: x'; unknown key 'wibble'",
            "5; 'actor: late'; 'actor:' belongs before the first step",
            "5; 'just words'; expected 'key: value'",
    })
    void aBadLineIsNamedWithWhatIsWrong(int line, String bad, String problem) {
        String text = HEADER + "step: One\n" + bad + "\nsay: x\n";
        assertThatThrownBy(() -> LessonParser.parse("mine.lesson", text))
                .isInstanceOf(LessonFormatException.class)
                .hasMessageStartingWith("mine.lesson line " + line + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((LessonFormatException) e).line()).isEqualTo(line));
    }

    @Test
    void wholeFileProblemsSayWhatIsMissing() {
        assertThatThrownBy(() -> LessonParser.parse("a", "actor: x\nstep: s\nsay: y\n"))
                .hasMessageContaining("no 'lesson:' line");
        assertThatThrownBy(() -> LessonParser.parse("a", "lesson: t\nstep: s\nsay: y\n"))
                .hasMessageContaining("declares no actor");
        assertThatThrownBy(() -> LessonParser.parse("a", "lesson: t\nactor: x\n"))
                .hasMessageContaining("has no step");
        assertThatThrownBy(() -> LessonParser.parse("a", "lesson: t\nactor: x\nstep: s\ndo: x | peek /q\n"))
                .hasMessage("a line 3: step 's' has no 'say:' line");
        assertThatThrownBy(() -> LessonParser.parse("a", "lesson: t\nlimits: msg_max=0\nactor: x\n"))
                .hasMessageStartingWith("a line 2: msg_max must be in 1..");
    }

    @Test
    void aFileOnDiskIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.lesson");
        Files.writeString(f, HEADER + "step: One\nsay: x\nexpect: /q gone\nexpect: /q nonsense\n");
        assertThatThrownBy(() -> Lessons.read(f)).hasMessage(f + " line 7: a queue check is one of messages, "
                + "order, prios, qsize, notify, exists, gone");
    }

    @Test
    void aWrongOutcomeAtRunTimeIsReportedWithItsLineAndTheRunStops() throws Exception {
        Lesson l = LessonParser.parse("r.lesson", HEADER + """
                step: One
                say: x
                do: consumer | open /q creat
                do: consumer | receive /q => EAGAIN
                do: producer A | send /q 1 "never"
                expect: /q messages 0
                """);
        try (LessonRunner r = new LessonRunner(l)) {
            Reports.StepReport s = r.next();
            assertThat(s.ok()).isFalse();
            assertThat(s.problem()).isEqualTo("line 7: expected EAGAIN, got blocks");
            assertThat(s.actions()).hasSize(2);
            assertThat(s.checks()).isEmpty();
        }
    }
}

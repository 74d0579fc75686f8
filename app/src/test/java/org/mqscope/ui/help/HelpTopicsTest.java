package org.mqscope.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The user guide is the README cut at its level-2 headings, shipped in the jar. */
class HelpTopicsTest {
    @Test
    void theReadmeIsCutAtItsSectionsAndCodeBlocksStayWhole() {
        List<HelpTopics.Topic> t = HelpTopics.parse("# mqscope\nintro\n![picture](x.png)\n## Options\n| a | b |\n"
                + "```sh\n## not a heading\n```\n## Peek\ntext\n");
        assertThat(t).extracting(HelpTopics.Topic::title).containsExactly("Overview", "Options", "Peek");
        assertThat(t.get(0).text()).isEqualTo("# mqscope\nintro");
        assertThat(t.get(1).text()).contains("## not a heading");
    }

    @Test
    void theBuildShipsTheReadme() throws Exception {
        assertThat(HelpTopics.load()).extracting(HelpTopics.Topic::title)
                .contains("Options", "The window", "Peek: seeing messages without taking them");
    }

    @Test
    void paragraphsAndListItemsBecomeOneLineCodeAndTablesStay() {
        assertThat(HelpTopics.reflow("one\ntwo\n\n- item\n  more\n- next\n| a |\n| b |\n```\nx\ny\n```"))
                .isEqualTo("one two\n\n- item more\n- next\n| a |\n| b |\n```\nx\ny\n```");
    }
}

package org.mqscope.ui.detail;

import org.mqscope.ui.core.Numbers;

import org.mqscope.mq.MqMessage;
/**
 * Everything the detail pane shows for one message, prepared off the EDT: the text lines (decoded and indexed
 * once), the hex dump (built lazily anyway) and the JSON view (pretty-printed only below {@link #JSON_CAP}).
 *
 * @param heading   e.g. "Message #3 of /orders" or "Received from /orders"
 * @param received  taken out of the queue by a receive (not a peeked message that live peeks may replace)
 * @param jsonNote  why there is no JSON view (not JSON, too big), or null when {@code json} has it
 */
public record DetailContent(String heading, MqMessage message, boolean received, TextLines text, HexLines hex, TextLines json,
                            String jsonNote) {
    /** Pretty-printing is linear but builds a second copy of the text: above this size the JSON tab says so. */
    public static final int JSON_CAP = 1024 * 1024;

    public static DetailContent of(String heading, MqMessage message, boolean received) {
        byte[] body = message.body();
        TextLines text = TextLines.of(body);
        TextLines json = null;
        String note;
        if (body.length > JSON_CAP) {
            note = "JSON view is off above " + Numbers.bytes(JSON_CAP) + " (this message has "
                    + Numbers.bytes(body.length) + "): the Text and Hex views show all of it.";
        } else if (!text.utf8()) {
            note = "Not JSON: the payload is not valid UTF-8.";
        } else {
            try {
                json = TextLines.ofText(JsonPretty.format(text.text()));
                note = null;
            } catch (JsonPretty.NotJson e) {
                note = "Not JSON: " + e.getMessage() + ".";
            }
        }
        return new DetailContent(heading, message, received, text, new HexLines(body), json, note);
    }
}

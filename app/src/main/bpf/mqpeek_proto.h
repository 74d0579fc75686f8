/* The wire protocol of mqpeek, as PROTOCOL.md describes it: constants only. All integers are big-endian. */
#ifndef MQPEEK_PROTO_H
#define MQPEEK_PROTO_H

#define MQPK_VERSION 1
#define MQPK_REQUEST_MAGIC "MQPQ"
#define MQPK_REPLY_MAGIC "MQPR"
#define MQPK_END_MAGIC "MQPE"
#define MQPK_REQUEST_HEAD 36

#define MQPK_OP_SNAPSHOT 1
#define MQPK_OP_PEEK 2
#define MQPK_OP_PROBE 3
#define MQPK_OP_RECORD_ONE 4 /* extension 1, retired: recording one queue (answered EPROTO, see PROTOCOL.md) */
#define MQPK_OP_RECORD 5 /* protocol version 1, extension 3: see "Recording" in PROTOCOL.md */

/* Protocol version 1, extension 2 (see "Queues of other namespaces" in PROTOCOL.md): or'd into op 1 or 2, the
 * name field holds the absolute path of the queue's file on an mqueue file system instead of a queue name. */
#define MQPK_OP_BY_PATH 0x100
#define MQPK_PATH_MAX 4095 /* PATH_MAX without its NUL */
#define MQPK_MQUEUE_MAGIC 0x19800202 /* f_type of an mqueue file system (MQUEUE_MAGIC) */

#define MQPK_RECORD_EXT 10 /* bytes after the header of a record request: payload (4), duration_ms (4), count (2) */
#define MQPK_TARGET_HEAD 20 /* bytes before each target's name: flags (2), expect_dev (8), expect_ino (8), len (2) */
#define MQPK_TARGET_BY_PATH 1 /* a target's flag: its name is a path (as extension 2) */
#define MQPK_TARGETS_MAX 64
#define MQPK_PAYLOAD_DEFAULT 256
#define MQPK_PAYLOAD_MAX 4096

/* Records of a recording's stream */
#define MQPK_REC_EVENT 1
#define MQPK_REC_LOST 2
#define MQPK_REC_END 3

/* Why a recording ended (the end record's reason) */
#define MQPK_END_INPUT_CLOSED 1
#define MQPK_END_DURATION 2
#define MQPK_END_STOP_BYTE 3

#define MQPK_STATUS_OK 0
#define MQPK_STATUS_ERROR 1
#define MQPK_STATUS_UNSETTLED 2

#define MQPK_NAME_MAX 255 /* NAME_MAX, without the leading slash */
#define MQPK_DEFAULT_ATTEMPTS 8
#define MQPK_MAX_ATTEMPTS 1000

#endif

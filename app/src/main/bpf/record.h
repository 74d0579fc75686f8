/* Recording the calls on a request's queues (op 5): loads mqrecord.bpf.c and streams its events. */
#ifndef MQPEEK_RECORD_H
#define MQPEEK_RECORD_H

#include "wire.h"

/* Records until stdin ends, a stop byte comes or the duration is over. 0 when a reply was sent (it may end early
 * when stdout fails: put_failed says so), -1 with f filled when the request failed before any reply byte. */
int record_queues(const struct request *rq, struct failure *f);

#endif

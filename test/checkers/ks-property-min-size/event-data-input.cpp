// KSEVENT_ITEM's DataInput against sizeof(KSEVENTDATA): the event data of an
// enable request starts with the KSEVENTDATA that says how to signal the
// event, and the runtime checks the buffer against DataInput only.
// RUN: %check_ks ks-property-min-size %s
#include <ntddk.h>
#include <ks.h>

static const GUID StreamEvents = {0x51, 0x10, 0x20, {1, 2, 3, 4, 5, 6, 7, 8}};

static NTSTATUS AddPosition(PIRP, PKSEVENTDATA, struct _KSEVENT_ENTRY *) {
  return STATUS_SUCCESS;
}

typedef struct {
  KSEVENTDATA EventData;
  LONGLONG Interval;
} INTERVAL_EVENT_DATA;

extern const ULONG RegistryDataInput; // defined elsewhere: unknown here

static const KSEVENT_ITEM StreamEventItems[] = {
    // The whole KSEVENTDATA: fine.
    DEFINE_KSEVENT_ITEM(0, sizeof(KSEVENTDATA), 0, NULL, NULL, NULL),
    // KSEVENTDATA and the event's own parameter: fine.
    DEFINE_KSEVENT_ITEM(1, sizeof(INTERVAL_EVENT_DATA), sizeof(LONGLONG),
                        AddPosition, NULL, NULL),
    // Only the NotificationType.
    DEFINE_KSEVENT_ITEM(2, sizeof(ULONG), 0, NULL, NULL, NULL),
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: DataInput 4 of event StreamEvents/2 (entry 2 of 'StreamEventItems') is smaller than sizeof(KSEVENTDATA) (32): an enable request with a 4-byte event data buffer passes the runtime's check, and the runtime reads the KSEVENTDATA that says how to signal the event 28 bytes past the buffer's end [ks-property-min-size]
    // No event data at all.
    {3, 0, 0, NULL, NULL, NULL},
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: DataInput 0 of event StreamEvents/3 (entry 3 of 'StreamEventItems') is smaller than sizeof(KSEVENTDATA) (32): an enable request with a 0-byte event data buffer passes the runtime's check, and the runtime reads the KSEVENTDATA that says how to signal the event 32 bytes past the buffer's end [ks-property-min-size]
    // A size kstidy cannot know: never judged.
    {4, RegistryDataInput, 0, NULL, NULL, NULL},
};

static const KSEVENT_SET StreamEventSets[] = {
    {&StreamEvents, SIZEOF_ARRAY(StreamEventItems), StreamEventItems},
};

NTSTATUS EnableStreamEvent(PIRP Irp, PLIST_ENTRY Events, PKSPIN_LOCK Lock) {
  return KsEnableEvent(Irp, SIZEOF_ARRAY(StreamEventSets), StreamEventSets,
                       Events, KSEVENTS_SPINLOCK, Lock);
}

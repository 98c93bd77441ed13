// Item sizes in KSAUTOMATION_TABLE and PCAUTOMATION_TABLE initializers.

static const GUID FixtureSet = {0x11, 0x22, 0x33, {1, 2, 3, 4, 5, 6, 7, 8}};

typedef struct {
  KSPROPERTY_ITEM Item;
  PVOID LL, 0, \
                          DEFINE_KSAUTOMATION_METHODS_NULL,
    DEFINE_KSAUTOMATION_EVENTS_NULL,
};

// PortCls: the audio samples' extended item, walked by PropertyItemSize.
typedef struct {
  PCPROPERTY_ITEM Item;
  ULONG MinProperty;
  ULONG MinData;
} FIXTURE_PC_ITEM;

static NTSTATUS NTAPI PcHandler(PPCPROPERTY_REQUEST Request) {
  return STATUS_SUCCESS;
}

static const PCPROPERTY_ITEM PcItems[] = {
    {&FixtureSet, 1, KSPROPERTY_TYPE_GET, PcHandler},
};

static const FIXTURE_PC_ITEM PcExtendedItems[] = {
    {{&FixtureSet, 1, KSPROPERTY_TYPE_GET, PcHandler}, sizeof(KSPROPERTY), 4},
    {{&FixtureSet, 2, KSPROPERTY_TYPE_GET, PcHandler}, sizeof(KSPROPERTY), 4},
};

// Negative: the portcls.h macro and intries.
static const PCAUTOMATION_TABLE PcWrongStride = {
    sizeof (PCPROPERTY_ITEM), SIZEOF_ARRAY(PcExtendedItems),
    (const PCPROPERTY_ITEM *)PcExtendedItems, 0, 0, NULL, 0, 0, NULL, 0};

void LocalTabl, 0, 0, NULL};
}

// table.cpp - the tuner's property table and its dispatch; the handlers are
// in handlers.cpp.
#include "tuner.h"

static const KSPROPERTY_ITEM SplitTunerItems[] = {
    DEFINE_KSPROPERTY_ITEM(SPLIT_TUNER_LEVEL, NULL, sizeof(KSPROPERTY), 0,
                           SetLevel, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(SPLIT_TUNER_LEVEL_PROBED, NULL, sizeof(KSPROPERTY),
                           0, SetLevelProbed, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(SPLIT_TUNER_WINDOW, NULL, sizeof(KSPROPERTY),
                           sizeof(TUNER_WINDOW), SetWindow, NULL, 0, NULL,
                           NULL, 0),
    DEFINE_KSPROPERTY_ITEM(SPLIT_TUNER_WINDOW_USER, NULL, sizeof(KSPROPERTY),
                           sizeof(TUNER_WINDOW), SetWindowUser, NULL, 0, NULL,
                           NULL, 0),
};

static const KSPROPERTY_SET SplitTunerSets[] = {
    DEFINE_KSPROPERTY_SET(&SplitTunerSet, SIZEOF_ARRAY(SplitTunerItems),
                          SplitTunerItems, 0, NULL),
};

NTSTATUS TunerDeviceControl(PIRP Irp) {
  return KsPropertyHandler(Irp, SIZEOF_ARRAY(SplitTunerSets), SplitTunerSets);
}

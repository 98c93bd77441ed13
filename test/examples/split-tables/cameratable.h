// cameratable.h - the camera property table; its handlers are in
// handlers.cpp.
#pragma once
#include "split.h"

static const KSPROPERTY_ITEM SplitCameraItems[] = {
    DEFINE_KSPROPERTY_ITEM(SPLIT_PROPERTY_ZOOM, GetZoom, sizeof(KSPROPERTY),
                           sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(SPLIT_PROPERTY_FOCUS, GetFocus, sizeof(KSPROPERTY),
                           sizeof(ULONG), NULL, NULL, 0, NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(SPLIT_PROPERTY_PIN_MODE, GetPinMode,
                           sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0,
                           NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(SPLIT_PROPERTY_PIN_RATE, GetPinRate,
                           sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0,
                           NULL, NULL, 0),
    DEFINE_KSPROPERTY_ITEM(SPLIT_PROPERTY_EXTERNAL, GetExternal,
                           sizeof(KSPROPERTY), sizeof(ULONG), NULL, NULL, 0,
                           NULL, NULL, 0),
};

static const KSPROPERTY_SET SplitCameraSets[] = {
    DEFINE_KSPROPERTY_SET(&SplitCameraSet, SIZEOF_ARRAY(SplitCameraItems),
                          SplitCameraItems, 0, NULL),
};

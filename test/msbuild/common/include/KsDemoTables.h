// kstidy fixture: found only through AdditionalIncludeDirectories (set in
// common/KsDemo.props).
#pragma once
#include <ntddk.h>
#include <ks.h>

static const GUID KsDemoGainSet = {0x4b, 0x53, 0x44, {1, 2, 3, 4, 5, 6, 7, 8}};

enum KSDEMO_GAIN { KSDEMO_GAIN_ANALOG = 0, KSDEMO_GAIN_DIGITAL = 1, KSDEMO_GAIN_BOOST = 2 };

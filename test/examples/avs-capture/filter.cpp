//
// filter.cpp - the capture filter: dispatch, automation table, descriptor.
//
#include "avscap.h"

//
// VideoProcAmp (PROPSETID_VIDCAP_VIDEOPROCAMP). One handler per property,
// instantiated from a template; the traits pick the device field and range.
//
template <ULONG PropertyId> struct ProcAmpTraits;

template <> struct ProcAmpTraits<KSPROPERTY_VIDEOPROCAMP_BRIGHTNESS> {
    static const LONG Minimum = -64;
    static const LONG Maximum = 64;
    static LONG &Field(AVSCAP_DEVICE &Device) { return Device.Brightness; }
};

template <> struct ProcAmpTraits<KSPROPERTY_VIDEOPROCAMP_CONTRAST> {
    static const LONG Minimum = 0;
    static const LONG Maximum = 200;
    static LONG &Field(AVSCAP_DEVICE &Device) { return Device.Contrast; }
};

template <ULONG PropertyId>
static NTSTATUS AvsCapProcAmpHandler(_In_ PIRP Irp, _In_ PKSPROPERTY Property,
                                     _Inout_ PKSPROPERTY_VIDEOPROCAMP_S Data)
{
    typedef ProcAmpTraits<PropertyId> Traits;

    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }

    LONG &value = Traits::Field(*device);
    if (Property->Flags & KSPROPERTY_TYPE_GET) {
        Data->Value = value;
        Data->Flags = KSPROPERTY_VIDEOPROCAMP_FLAGS_MANUAL;
        Data->Capabilities = KSPROPERTY_VIDEOPROCAMP_FLAGS_MANUAL;
        Irp->IoStatus.Information = sizeof(KSPROPERTY_VIDEOPROCAMP_S);
        return STATUS_SUCCESS;
    }

    if (Data->Value < Traits::Minimum || Data->Value > Traits::Maximum) {
        return STATUS_INVALID_PARAMETER;
    }
    value = Data->Value;
    return STATUS_SUCCESS;
}

// Ranges and defaults reported for basic-support requests.
static const KSPROPERTY_STEPPING_LONG AvsCapBrightnessRange[] = {
    {1, 0, {{ProcAmpTraits<KSPROPERTY_VIDEOPROCAMP_BRIGHTNESS>::Minimum,
             ProcAmpTraits<KSPROPERTY_VIDEOPROCAMP_BRIGHTNESS>::Maximum}}},
};
static const LONG AvsCapBrightnessDefault = 0;

static const KSPROPERTY_MEMBERSLIST AvsCapBrightnessMembers[] = {
    {{KSPROPERTY_MEMBER_STEPPEDRANGES, sizeof(KSPROPERTY_STEPPING_LONG), SIZEOF_ARRAY(AvsCapBrightnessRange), 0},
     AvsCapBrightnessRange},
    {{KSPROPERTY_MEMBER_VALUES, sizeof(LONG), 1, KSPROPERTY_MEMBER_FLAG_DEFAULT}, &AvsCapBrightnessDefault},
};

static const KSPROPERTY_VALUES AvsCapBrightnessValues = {
    {STATICGUIDOF(KSPROPTYPESETID_General), VT_I4, 0},
    SIZEOF_ARRAY(AvsCapBrightnessMembers),
    AvsCapBrightnessMembers,
};

static const KSPROPERTY_STEPPING_LONG AvsCapContrastRange[] = {
    {1, 0, {{ProcAmpTraits<KSPROPERTY_VIDEOPROCAMP_CONTRAST>::Minimum,
             ProcAmpTraits<KSPROPERTY_VIDEOPROCAMP_CONTRAST>::Maximum}}},
};
static const LONG AvsCapContrastDefault = 100;

static const KSPROPERTY_MEMBERSLIST AvsCapContrastMembers[] = {
    {{KSPROPERTY_MEMBER_STEPPEDRANGES, sizeof(KSPROPERTY_STEPPING_LONG), SIZEOF_ARRAY(AvsCapContrastRange), 0},
     AvsCapContrastRange},
    {{KSPROPERTY_MEMBER_VALUES, sizeof(LONG), 1, KSPROPERTY_MEMBER_FLAG_DEFAULT}, &AvsCapContrastDefault},
};

static const KSPROPERTY_VALUES AvsCapContrastValues = {
    {STATICGUIDOF(KSPROPTYPESETID_General), VT_I4, 0},
    SIZEOF_ARRAY(AvsCapContrastMembers),
    AvsCapContrastMembers,
};

// Project wrapper: every VideoProcAmp item has the same shape; only the id
// and the value table differ.
#define AVSCAP_PROCAMP_ITEM(Id, Values)                                          \
    DEFINE_KSPROPERTY_ITEM(Id, AvsCapProcAmpHandler<Id>,                         \
                           sizeof(KSPROPERTY_VIDEOPROCAMP_S),                    \
                           sizeof(KSPROPERTY_VIDEOPROCAMP_S),                    \
                           AvsCapProcAmpHandler<Id>, &Values, 0, NULL, NULL,     \
                           sizeof(LONG))

static DEFINE_KSPROPERTY_TABLE(AvsCapProcAmpItems) {
    AVSCAP_PROCAMP_ITEM(KSPROPERTY_VIDEOPROCAMP_BRIGHTNESS, AvsCapBrightnessValues),
    AVSCAP_PROCAMP_ITEM(KSPROPERTY_VIDEOPROCAMP_CONTRAST, AvsCapContrastValues),
};

static DEFINE_KSPROPERTY_SET_TABLE(AvsCapFilterPropertySets) {
    DEFINE_KSPROPERTY_SET(&PROPSETID_VIDCAP_VIDEOPROCAMP, SIZEOF_ARRAY(AvsCapProcAmpItems),
                          AvsCapProcAmpItems, 0, NULL),
};

//
// AVSCAP_METHODSETID_ProcAmp: restore the defaults in one request.
//
static NTSTATUS AvsCapRestoreProcAmpDefaults(_In_ PIRP Irp, _In_ PKSMETHOD Method, _In_opt_ PVOID Data)
{
    UNREFERENCED_PARAMETER(Method);
    UNREFERENCED_PARAMETER(Data);

    PAVSCAP_DEVICE device = AvsCapDeviceFromIrp(Irp);
    if (!device) {
        return STATUS_INVALID_DEVICE_STATE;
    }
    device->Brightness = AvsCapBrightnessDefault;
    device->Contrast = AvsCapContrastDefault;
    return STATUS_SUCCESS;
}

static DEFINE_KSMETHOD_TABLE(AvsCapProcAmpMethods) {
    DEFINE_KSMETHOD_ITEM(AVSCAP_PROCAMP_RESTORE_DEFAULTS, KSMETHOD_TYPE_NONE, AvsCapRestoreProcAmpDefaults,
                         sizeof(KSMETHOD), 0, NULL),
};

static DEFINE_KSMETHOD_SET_TABLE(AvsCapFilterMethodSets) {
    DEFINE_KSMETHOD_SET(&AVSCAP_METHODSETID_ProcAmp, SIZEOF_ARRAY(AvsCapProcAmpMethods),
                        AvsCapProcAmpMethods, 0, NULL),
};

//
// AVSCAP_EVENTSETID_Sensor: clients may wait for the sensor to overheat.
// NULL add/remove handlers: AVStream's defaults keep the event list.
//
static DEFINE_KSEVENT_TABLE(AvsCapSensorEvents) {
    DEFINE_KSEVENT_ITEM(AVSCAP_SENSOR_EVENT_OVERHEAT, sizeof(KSEVENTDATA), 0, NULL, NULL, NULL),
};

static DEFINE_KSEVENT_SET_TABLE(AvsCapFilterEventSets) {
    DEFINE_KSEVENT_SET(&AVSCAP_EVENTSETID_Sensor, SIZEOF_ARRAY(AvsCapSensorEvents), AvsCapSensorEvents),
};

static DEFINE_KSAUTOMATION_TABLE(AvsCapFilterAutomation) {
    DEFINE_KSAUTOMATION_PROPERTIES(AvsCapFilterPropertySets),
    DEFINE_KSAUTOMATION_METHODS(AvsCapFilterMethodSets),
    DEFINE_KSAUTOMATION_EVENTS(AvsCapFilterEventSets)
};

//
// Filter dispatch and descriptor.
//
static NTSTATUS AvsCapFilterCreate(_In_ PKSFILTER Filter, _In_ PIRP Irp)
{
    UNREFERENCED_PARAMETER(Irp);

    PKSDEVICE device = KsFilterGetDevice(Filter);
    Filter->Context = device->Context;
    return STATUS_SUCCESS;
}

static const KSFILTER_DISPATCH AvsCapFilterDispatch = {
    AvsCapFilterCreate, // Create
    NULL,               // Close
    NULL,               // Process: pin-centric processing
    NULL                // Reset
};

static const GUID AvsCapFilterCategories[] = {
    STATICGUIDOF(KSCATEGORY_VIDEO),
    STATICGUIDOF(KSCATEGORY_CAPTURE),
};

const KSFILTER_DESCRIPTOR AvsCapFilterDescriptor = {
    &AvsCapFilterDispatch,
    &AvsCapFilterAutomation,
    KSFILTER_DESCRIPTOR_VERSION,
    0,              // Flags
    &KSNAME_Filter, // ReferenceGuid
    DEFINE_KSFILTER_PIN_DESCRIPTORS(AvsCapPinDescriptors),
    DEFINE_KSFILTER_CATEGORIES(AvsCapFilterCategories),
    DEFINE_KSFILTER_NODE_DESCRIPTORS_NULL,
    DEFINE_KSFILTER_DEFAULT_CONNECTIONS,
    NULL            // ComponentId
};

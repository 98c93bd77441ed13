//
// mintopo.cpp - the topology miniport: node property tables, pins, nodes,
// connections and the filter descriptor.
//
// Speaker path: wave out -> volume -> mute -> peak meter -> speaker jack.
// Microphone path: mic jack -> volume -> AGC -> mute -> wave in.
//
#include "mintopo.h"

// Channel of a node request, validated: -1 (all channels) or 0..CHANNELS-1.
static bool PcAudChannelInRange(_In_ LONG Channel)
{
    return Channel >= -1 && Channel < PCAUD_CHANNELS;
}

CMiniportTopology *CMiniportTopology::FromRequest(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    // MajorTarget is the miniport's IUnknown, handed to PortCls by
    // PcAudCreateMiniportTopology.
    return static_cast<CMiniportTopology *>(static_cast<IMiniportTopology *>(PropertyRequest->MajorTarget));
}

LONG CMiniportTopology::PeakLevel(_In_ LONG Channel) const
{
    // No hardware: a level that wanders with the interrupt time, lower when
    // the channel is muted or turned down.
    ULONGLONG now = KeQueryInterruptTime();
    LONG index = Channel < 0 ? 0 : Channel;
    LONG level = -static_cast<LONG>((now / 10000) % 48) * 0x10000;
    if (m_State.SpeakerMute[index]) {
        return PCAUD_VOLUME_MINIMUM;
    }
    level += m_State.SpeakerVolume[index];
    return level < PCAUD_VOLUME_MINIMUM ? PCAUD_VOLUME_MINIMUM : level;
}

//
// Volume nodes (speaker and microphone share the table): extended items,
// dispatched by PcAudPropertyDispatch, which has checked InstanceSize and
// ValueSize against MinProperty / MinData before these run.
//
static PLONG PcAudVolumeLevels(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    CMiniportTopology *topology = CMiniportTopology::FromRequest(PropertyRequest);
    return PropertyRequest->Node == PcAudTopoNodeMicVolume ? topology->m_State.MicVolume
                                                             : topology->m_State.SpeakerVolume;
}

static NTSTATUS NTAPI PcAudVolumeGet(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    LONG channel = PcAudRequestChannel(PropertyRequest);
    if (!PcAudChannelInRange(channel)) {
        return STATUS_INVALID_PARAMETER;
    }
    const LONG *levels = PcAudVolumeLevels(PropertyRequest);
    *static_cast<PLONG>(PropertyRequest->Value) = levels[channel < 0 ? 0 : channel];
    return STATUS_SUCCESS;
}

static NTSTATUS NTAPI PcAudVolumeSet(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    LONG channel = PcAudRequestChannel(PropertyRequest);
    if (!PcAudChannelInRange(channel)) {
        return STATUS_INVALID_PARAMETER;
    }
    LONG level = *static_cast<const LONG *>(PropertyRequest->Value);
    if (level < PCAUD_VOLUME_MINIMUM) {
        level = PCAUD_VOLUME_MINIMUM;
    } else if (level > PCAUD_VOLUME_MAXIMUM) {
        level = PCAUD_VOLUME_MAXIMUM;
    }

    PLONG levels = PcAudVolumeLevels(PropertyRequest);
    for (LONG i = 0; i < PCAUD_CHANNELS; i++) {
        if (channel < 0 || channel == i) {
            levels[i] = level;
        }
    }
    return STATUS_SUCCESS;
}

// Basic support with the stepped range: a variable-size answer, so this
// support handler checks ValueSize itself (MinData does not apply to
// basic-support requests, see PcAudPropertyDispatch).
static NTSTATUS NTAPI PcAudVolumeSupport(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    const ULONG access = KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT;
    const ULONG fullSize = sizeof(KSPROPERTY_DESCRIPTION) + sizeof(KSPROPERTY_MEMBERSHEADER) +
                           sizeof(KSPROPERTY_STEPPING_LONG);

    if (PropertyRequest->ValueSize >= fullSize) {
        PKSPROPERTY_DESCRIPTION description = static_cast<PKSPROPERTY_DESCRIPTION>(PropertyRequest->Value);
        description->AccessFlags = access;
        description->DescriptionSize = fullSize;
        description->PropTypeSet.Set = KSPROPTYPESETID_General;
        description->PropTypeSet.Id = VT_I4;
        description->PropTypeSet.Flags = 0;
        description->MembersListCount = 1;
        description->Reserved = 0;

        PKSPROPERTY_MEMBERSHEADER members = reinterpret_cast<PKSPROPERTY_MEMBERSHEADER>(description + 1);
        members->MembersFlags = KSPROPERTY_MEMBER_STEPPEDRANGES;
        members->MembersSize = sizeof(KSPROPERTY_STEPPING_LONG);
        members->MembersCount = 1;
        members->Flags = KSPROPERTY_MEMBER_FLAG_BASICSUPPORT_MULTICHANNEL;

        PKSPROPERTY_STEPPING_LONG range = reinterpret_cast<PKSPROPERTY_STEPPING_LONG>(members + 1);
        range->SteppingDelta = PCAUD_VOLUME_STEPPING;
        range->Reserved = 0;
        range->Bounds.SignedMinimum = PCAUD_VOLUME_MINIMUM;
        range->Bounds.SignedMaximum = PCAUD_VOLUME_MAXIMUM;

        PropertyRequest->ValueSize = fullSize;
        return STATUS_SUCCESS;
    }
    if (PropertyRequest->ValueSize >= sizeof(ULONG)) {
        *static_cast<PULONG>(PropertyRequest->Value) = access;
        PropertyRequest->ValueSize = sizeof(ULONG);
        return STATUS_SUCCESS;
    }
    NTSTATUS status = PropertyRequest->ValueSize == 0 ? STATUS_BUFFER_OVERFLOW : STATUS_BUFFER_TOO_SMALL;
    PropertyRequest->ValueSize = fullSize;
    return status;
}

static NTSTATUS NTAPI PcAudVolumeRampGet(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    *static_cast<PULONG>(PropertyRequest->Value) = CMiniportTopology::FromRequest(PropertyRequest)->m_State.VolumeRampMs;
    return STATUS_SUCCESS;
}

static NTSTATUS NTAPI PcAudVolumeRampSet(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    ULONG rampMs = *static_cast<const ULONG *>(PropertyRequest->Value);
    if (rampMs > 1000) {
        return STATUS_INVALID_PARAMETER;
    }
    CMiniportTopology::FromRequest(PropertyRequest)->m_State.VolumeRampMs = rampMs;
    return STATUS_SUCCESS;
}

static const PCAUD_PROPERTY_ITEM PcAudVolumeProperties[] = {
    {
        {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_VOLUMELEVEL,
         KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT, PcAudPropertyDispatch},
        sizeof(KSNODEPROPERTY_AUDIO_CHANNEL), // MinProperty
        sizeof(LONG),                         // MinData
        PcAudVolumeGet,
        PcAudVolumeSet,
        PcAudVolumeSupport,
    },
    {
        // Same numeric id as KSPROPERTY_AUDIO_VOLUMELEVEL, other set.
        {&PCAUD_PROPSETID_Private, PCAUD_PRIVATE_VOLUME_RAMP,
         KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT, PcAudPropertyDispatch},
        sizeof(KSNODEPROPERTY),
        sizeof(ULONG),
        PcAudVolumeRampGet,
        PcAudVolumeRampSet,
        NULL, // PcAudBasicSupport
    },
};

static DEFINE_PCAUTOMATION_TABLE_PROP(PcAudVolumeAutomation, PcAudVolumeProperties);

//
// Speaker mute node: plain PCPROPERTY_ITEMs. PortCls checks no sizes for
// them; every handler checks ValueSize itself.
//
static NTSTATUS NTAPI PcAudMuteHandler(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_BASICSUPPORT) {
        return PcAudBasicSupport(PropertyRequest, PropertyRequest->PropertyItem->Flags);
    }
    if (PropertyRequest->InstanceSize < sizeof(LONG)) {
        return STATUS_INVALID_PARAMETER;
    }
    if (PropertyRequest->ValueSize < sizeof(BOOL)) {
        if (PropertyRequest->ValueSize == 0) {
            PropertyRequest->ValueSize = sizeof(BOOL);
            return STATUS_BUFFER_OVERFLOW;
        }
        return STATUS_BUFFER_TOO_SMALL;
    }

    LONG channel = *static_cast<const LONG *>(PropertyRequest->Instance);
    if (!PcAudChannelInRange(channel)) {
        return STATUS_INVALID_PARAMETER;
    }
    PPCAUD_TOPO_STATE state = &CMiniportTopology::FromRequest(PropertyRequest)->m_State;

    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        *static_cast<PBOOL>(PropertyRequest->Value) = state->SpeakerMute[channel < 0 ? 0 : channel];
        PropertyRequest->ValueSize = sizeof(BOOL);
        return STATUS_SUCCESS;
    }
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_SET) {
        BOOL mute = *static_cast<const BOOL *>(PropertyRequest->Value) ? TRUE : FALSE;
        for (LONG i = 0; i < PCAUD_CHANNELS; i++) {
            if (channel < 0 || channel == i) {
                state->SpeakerMute[i] = mute;
            }
        }
        return STATUS_SUCCESS;
    }
    return STATUS_INVALID_DEVICE_REQUEST;
}

NTSTATUS NTAPI CMiniportTopology::PropertyHandlerMuteAllChannels(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    // Mutes or unmutes every speaker channel at once, whatever the request's
    // channel says.
    if (PropertyRequest->ValueSize < sizeof(BOOL)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    PPCAUD_TOPO_STATE state = &FromRequest(PropertyRequest)->m_State;
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        *static_cast<PBOOL>(PropertyRequest->Value) = state->SpeakerMute[0] && state->SpeakerMute[1];
        PropertyRequest->ValueSize = sizeof(BOOL);
        return STATUS_SUCCESS;
    }
    BOOL mute = *static_cast<const BOOL *>(PropertyRequest->Value) ? TRUE : FALSE;
    for (LONG i = 0; i < PCAUD_CHANNELS; i++) {
        state->SpeakerMute[i] = mute;
    }
    return STATUS_SUCCESS;
}

// CPU resources of a node: none, it is all "hardware". The size check is
// the shared helper's.
static NTSTATUS NTAPI PcAudCpuResourcesHandler(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_BASICSUPPORT) {
        return PcAudBasicSupport(PropertyRequest, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT);
    }
    if (!(PropertyRequest->Verb & KSPROPERTY_TYPE_GET)) {
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    NTSTATUS status = PcAudValidatePropertyRequest(PropertyRequest, sizeof(ULONG), 0);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    *static_cast<PULONG>(PropertyRequest->Value) = KSAUDIO_CPU_RESOURCES_NOT_HOST_CPU;
    return STATUS_SUCCESS;
}

static const PCPROPERTY_ITEM PcAudSpeakerMuteProperties[] = {
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_MUTE,
     KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT, PcAudMuteHandler},
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_CPU_RESOURCES, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT,
     PcAudCpuResourcesHandler},
    // SEEDED DEFECT 1: ks-property-duplicate-id — KSPROPSETID_Audio / KSPROPERTY_AUDIO_MUTE is already entry 0 of this table; PortCls matches the first, so this handler never runs
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_MUTE, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET,
     CMiniportTopology::PropertyHandlerMuteAllChannels},
};

static DEFINE_PCAUTOMATION_TABLE_PROP(PcAudSpeakerMuteAutomation, PcAudSpeakerMuteProperties);

//
// Speaker peak meter node.
//
static NTSTATUS NTAPI PcAudPeakMeterHandler(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (!(PropertyRequest->Verb & KSPROPERTY_TYPE_GET)) {
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    if (PropertyRequest->InstanceSize < sizeof(LONG)) {
        return STATUS_INVALID_PARAMETER;
    }
    LONG channel = *static_cast<const LONG *>(PropertyRequest->Instance);
    if (channel < 0 || channel >= PCAUD_CHANNELS) {
        return STATUS_INVALID_PARAMETER;
    }

    const CMiniportTopology *topology =
        static_cast<CMiniportTopology *>(static_cast<IMiniportTopology *>(PropertyRequest->MajorTarget));
    // SEEDED DEFECT 3: ks-property-min-size — writes 4 bytes through PropertyRequest->Value but never looks at ValueSize, and PortCls passes any output length (MinData 0)
    *(PLONG)PropertyRequest->Value = topology->PeakLevel(channel);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI CMiniportTopology::PropertyHandlerClipCount(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (!(PropertyRequest->Verb & KSPROPERTY_TYPE_GET)) {
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    if (PropertyRequest->ValueSize == 0) {
        PropertyRequest->ValueSize = sizeof(ULONG);
        return STATUS_BUFFER_OVERFLOW;
    }
    if (PropertyRequest->ValueSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    CMiniportTopology *topology = FromRequest(PropertyRequest);
    *static_cast<PULONG>(PropertyRequest->Value) = static_cast<ULONG>(topology->m_State.ClipCount);
    PropertyRequest->ValueSize = sizeof(ULONG);
    return STATUS_SUCCESS;
}

static const PCPROPERTY_ITEM PcAudPeakMeterProperties[] = {
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_PEAKMETER, KSPROPERTY_TYPE_GET, PcAudPeakMeterHandler},
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_CPU_RESOURCES, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT,
     PcAudCpuResourcesHandler},
    {&PCAUD_PROPSETID_Private, PCAUD_PRIVATE_CLIP_COUNT, KSPROPERTY_TYPE_GET,
     CMiniportTopology::PropertyHandlerClipCount},
};

static DEFINE_PCAUTOMATION_TABLE_PROP(PcAudPeakMeterAutomation, PcAudPeakMeterProperties);

//
// Microphone AGC node: extended items.
//
static NTSTATUS NTAPI PcAudAgcGet(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    *static_cast<PBOOL>(PropertyRequest->Value) = CMiniportTopology::FromRequest(PropertyRequest)->m_State.MicAgc;
    return STATUS_SUCCESS;
}

static NTSTATUS NTAPI PcAudAgcSet(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    CMiniportTopology::FromRequest(PropertyRequest)->m_State.MicAgc =
        *static_cast<const BOOL *>(PropertyRequest->Value) ? TRUE : FALSE;
    return STATUS_SUCCESS;
}

static NTSTATUS NTAPI PcAudAgcGetDynamicRange(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    // Compression the AGC applies, in 1/65536 dB, quiet and loud ends.
    const CMiniportTopology *topology =
        static_cast<CMiniportTopology *>(static_cast<IMiniportTopology *>(PropertyRequest->MajorTarget));
    BOOL agc = topology->m_State.MicAgc;
    KSAUDIO_DYNAMIC_RANGE range;
    range.QuietCompression = agc ? 12 * 0x10000 : 0;
    range.LoudCompression = agc ? 6 * 0x10000 : 0;
    *(PKSAUDIO_DYNAMIC_RANGE)PropertyRequest->Value = range;
    return STATUS_SUCCESS;
}

static const PCAUD_PROPERTY_ITEM PcAudAgcProperties[] = {
    {
        {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_AGC,
         KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT, PcAudPropertyDispatch},
        sizeof(KSNODEPROPERTY_AUDIO_CHANNEL),
        sizeof(BOOL),
        PcAudAgcGet,
        PcAudAgcSet,
        NULL,
    },
    {
        {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_DYNAMIC_RANGE, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT,
         PcAudPropertyDispatch},
        sizeof(KSNODEPROPERTY),
        // SEEDED DEFECT 4: ks-property-min-size — MinData sizeof(ULONG) (4) but PcAudAgcGetDynamicRange writes an 8-byte KSAUDIO_DYNAMIC_RANGE through PropertyRequest->Value
        sizeof(ULONG),
        PcAudAgcGetDynamicRange,
        NULL,
        NULL,
    },
};

static DEFINE_PCAUTOMATION_TABLE_PROP(PcAudAgcAutomation, PcAudAgcProperties);

//
// Microphone mute node: one switch handler per BOOL of the state, written
// once as a template.
//
template <BOOL PCAUD_TOPO_STATE::*Switch>
static NTSTATUS NTAPI PcAudSwitchHandler(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_BASICSUPPORT) {
        return PcAudBasicSupport(PropertyRequest, PropertyRequest->PropertyItem->Flags);
    }
    if (PropertyRequest->ValueSize < sizeof(BOOL)) {
        if (PropertyRequest->ValueSize == 0) {
            PropertyRequest->ValueSize = sizeof(BOOL);
            return STATUS_BUFFER_OVERFLOW;
        }
        return STATUS_BUFFER_TOO_SMALL;
    }

    BOOL &value = CMiniportTopology::FromRequest(PropertyRequest)->m_State.*Switch;
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        *static_cast<PBOOL>(PropertyRequest->Value) = value;
        PropertyRequest->ValueSize = sizeof(BOOL);
        return STATUS_SUCCESS;
    }
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_SET) {
        value = *static_cast<const BOOL *>(PropertyRequest->Value) ? TRUE : FALSE;
        return STATUS_SUCCESS;
    }
    return STATUS_INVALID_DEVICE_REQUEST;
}

static const PCPROPERTY_ITEM PcAudMicMuteProperties[] = {
    // Same set and id as the speaker mute table's first entry: another table.
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_MUTE,
     KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT,
     PcAudSwitchHandler<&PCAUD_TOPO_STATE::MicMute>},
};

// Written out instead of DEFINE_PCAUTOMATION_TABLE_PROP.
static const PCAUTOMATION_TABLE PcAudMicMuteAutomation = {
    sizeof(PCPROPERTY_ITEM),             // PropertyItemSize
    SIZEOF_ARRAY(PcAudMicMuteProperties), // PropertyCount
    PcAudMicMuteProperties,               // Properties
    0, 0, NULL,                           // methods
    0, 0, NULL,                           // events
    0                                     // Reserved
};

//
// Jack pins: a private pin property describing the connector.
//
NTSTATUS NTAPI CMiniportTopology::PropertyHandlerConnector(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_BASICSUPPORT) {
        return PcAudBasicSupport(PropertyRequest, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT);
    }
    if (!(PropertyRequest->Verb & KSPROPERTY_TYPE_GET)) {
        return STATUS_INVALID_DEVICE_REQUEST;
    }
    // KSP_PIN: the pin id follows the KSPROPERTY.
    if (PropertyRequest->InstanceSize < sizeof(ULONG)) {
        return STATUS_INVALID_PARAMETER;
    }
    if (PropertyRequest->ValueSize == 0) {
        PropertyRequest->ValueSize = sizeof(PCAUD_CONNECTOR_INFO);
        return STATUS_BUFFER_OVERFLOW;
    }
    if (PropertyRequest->ValueSize < sizeof(PCAUD_CONNECTOR_INFO)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    PCAUD_CONNECTOR_INFO info;
    switch (*static_cast<const ULONG *>(PropertyRequest->Instance)) {
    case PcAudTopoPinSpeakerDest:
        info.ConnectorType = eConnType3Point5mm;
        info.Color = 0x0000ff00; // green
        break;
    case PcAudTopoPinMicSource:
        info.ConnectorType = eConnType3Point5mm;
        info.Color = 0x00ff80c0; // pink
        break;
    default:
        return STATUS_INVALID_PARAMETER;
    }
    info.IsConnected = TRUE;

    RtlCopyMemory(PropertyRequest->Value, &info, sizeof(info));
    PropertyRequest->ValueSize = sizeof(info);
    return STATUS_SUCCESS;
}

static const PCPROPERTY_ITEM PcAudConnectorProperties[] = {
    {&PCAUD_PROPSETID_Connector, PCAUD_CONNECTOR_DESCRIPTION, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT,
     CMiniportTopology::PropertyHandlerConnector},
};

static DEFINE_PCAUTOMATION_TABLE_PROP(PcAudConnectorAutomation, PcAudConnectorProperties);

// The topology filter itself has no properties of its own.
static const PCAUTOMATION_TABLE PcAudTopoFilterAutomation = {0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0};

//
// Pins.
//
static const KSDATARANGE PcAudTopoAnalogRange = {
    sizeof(KSDATARANGE),
    0, // Flags
    0, // SampleSize
    0, // Reserved
    STATICGUIDOF(KSDATAFORMAT_TYPE_AUDIO),
    STATICGUIDOF(KSDATAFORMAT_SUBTYPE_ANALOG),
    STATICGUIDOF(KSDATAFORMAT_SPECIFIER_NONE),
};

static const PKSDATARANGE PcAudTopoAnalogRanges[] = {
    (PKSDATARANGE)&PcAudTopoAnalogRange,
};

static const PCPIN_DESCRIPTOR PcAudTopoPins[] = {
    // PcAudTopoPinWaveOutSource
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudTopoAnalogRanges), PcAudTopoAnalogRanges, KSPIN_DATAFLOW_IN,
      KSPIN_COMMUNICATION_NONE, &KSCATEGORY_AUDIO, NULL, 0}},
    // PcAudTopoPinSpeakerDest
    {0, 0, 0, &PcAudConnectorAutomation,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudTopoAnalogRanges), PcAudTopoAnalogRanges, KSPIN_DATAFLOW_OUT,
      KSPIN_COMMUNICATION_NONE, &KSNODETYPE_SPEAKER, NULL, 0}},
    // PcAudTopoPinMicSource
    {0, 0, 0, &PcAudConnectorAutomation,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudTopoAnalogRanges), PcAudTopoAnalogRanges, KSPIN_DATAFLOW_IN,
      KSPIN_COMMUNICATION_NONE, &KSNODETYPE_MICROPHONE, NULL, 0}},
    // PcAudTopoPinWaveInDest
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudTopoAnalogRanges), PcAudTopoAnalogRanges, KSPIN_DATAFLOW_OUT,
      KSPIN_COMMUNICATION_NONE, &KSCATEGORY_AUDIO, NULL, 0}},
};

//
// Nodes (in PCAUD_TOPO_NODE order) and connections.
//
static const PCNODE_DESCRIPTOR PcAudTopoNodes[] = {
    {0, &PcAudVolumeAutomation, &KSNODETYPE_VOLUME, &KSAUDFNAME_MASTER_VOLUME},
    {0, &PcAudSpeakerMuteAutomation, &KSNODETYPE_MUTE, &KSAUDFNAME_MASTER_MUTE},
    {0, &PcAudPeakMeterAutomation, &KSNODETYPE_PEAKMETER, &KSAUDFNAME_PEAKMETER},
    {0, &PcAudVolumeAutomation, &KSNODETYPE_VOLUME, &KSAUDFNAME_MIC_VOLUME},
    {0, &PcAudAgcAutomation, &KSNODETYPE_AGC, NULL},
    {0, &PcAudMicMuteAutomation, &KSNODETYPE_MUTE, &KSAUDFNAME_MIC_MUTE},
};

static const PCCONNECTION_DESCRIPTOR PcAudTopoConnections[] = {
    // FromNode, FromNodePin, ToNode, ToNodePin
    {PCFILTER_NODE, PcAudTopoPinWaveOutSource, PcAudTopoNodeSpeakerVolume, KSNODEPIN_STANDARD_IN},
    {PcAudTopoNodeSpeakerVolume, KSNODEPIN_STANDARD_OUT, PcAudTopoNodeSpeakerMute, KSNODEPIN_STANDARD_IN},
    {PcAudTopoNodeSpeakerMute, KSNODEPIN_STANDARD_OUT, PcAudTopoNodeSpeakerPeak, KSNODEPIN_STANDARD_IN},
    {PcAudTopoNodeSpeakerPeak, KSNODEPIN_STANDARD_OUT, PCFILTER_NODE, PcAudTopoPinSpeakerDest},
    {PCFILTER_NODE, PcAudTopoPinMicSource, PcAudTopoNodeMicVolume, KSNODEPIN_STANDARD_IN},
    {PcAudTopoNodeMicVolume, KSNODEPIN_STANDARD_OUT, PcAudTopoNodeMicAgc, KSNODEPIN_STANDARD_IN},
    {PcAudTopoNodeMicAgc, KSNODEPIN_STANDARD_OUT, PcAudTopoNodeMicMute, KSNODEPIN_STANDARD_IN},
    {PcAudTopoNodeMicMute, KSNODEPIN_STANDARD_OUT, PCFILTER_NODE, PcAudTopoPinWaveInDest},
};

static const GUID PcAudTopoCategories[] = {
    STATICGUIDOF(KSCATEGORY_AUDIO),
    STATICGUIDOF(KSCATEGORY_TOPOLOGY),
};

static const PCFILTER_DESCRIPTOR PcAudTopoFilter = {
    0,                          // Version
    &PcAudTopoFilterAutomation, // AutomationTable
    sizeof(PCPIN_DESCRIPTOR),   // PinSize
    SIZEOF_ARRAY(PcAudTopoPins),
    PcAudTopoPins,
    sizeof(PCNODE_DESCRIPTOR),  // NodeSize
    SIZEOF_ARRAY(PcAudTopoNodes),
    PcAudTopoNodes,
    SIZEOF_ARRAY(PcAudTopoConnections),
    PcAudTopoConnections,
    SIZEOF_ARRAY(PcAudTopoCategories),
    PcAudTopoCategories,
};

//
// The miniport object.
//
CMiniportTopology::~CMiniportTopology()
{
    if (m_Port) {
        m_Port->Release();
        m_Port = NULL;
    }
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::NonDelegatingQueryInterface(REFIID Interface, PVOID *Object)
{
    if (IsEqualGUIDAligned(Interface, IID_IUnknown)) {
        *Object = PVOID(PUNKNOWN(PMINIPORTTOPOLOGY(this)));
    } else if (IsEqualGUIDAligned(Interface, IID_IMiniport) ||
               IsEqualGUIDAligned(Interface, IID_IMiniportTopology)) {
        *Object = PVOID(PMINIPORTTOPOLOGY(this));
    } else {
        *Object = NULL;
        return STATUS_INVALID_PARAMETER;
    }
    PUNKNOWN(*Object)->AddRef();
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::Init(_In_ PUNKNOWN UnknownAdapter, _In_ PRESOURCELIST ResourceList,
                                                _In_ PPORTTOPOLOGY Port)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(UnknownAdapter);
    UNREFERENCED_PARAMETER(ResourceList);

    m_Port = Port;
    m_Port->AddRef();

    for (ULONG i = 0; i < PCAUD_CHANNELS; i++) {
        m_State.SpeakerVolume[i] = -20 * 0x10000;
        m_State.MicVolume[i] = 0;
        m_State.SpeakerMute[i] = FALSE;
    }
    m_State.MicMute = FALSE;
    m_State.MicAgc = TRUE;
    m_State.VolumeRampMs = 50;
    m_State.ClipCount = 0;
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::GetDescription(_Out_ PPCFILTER_DESCRIPTOR *Description)
{
    PAGED_CODE();
    *Description = const_cast<PPCFILTER_DESCRIPTOR>(&PcAudTopoFilter);
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportTopology::DataRangeIntersection(
    _In_ ULONG PinId, _In_ PKSDATARANGE DataRange, _In_ PKSDATARANGE MatchingDataRange,
    _In_ ULONG OutputBufferLength, _Out_opt_ PVOID ResultantFormat, _Out_ PULONG ResultantFormatLength)
{
    UNREFERENCED_PARAMETER(PinId);
    UNREFERENCED_PARAMETER(DataRange);
    UNREFERENCED_PARAMETER(MatchingDataRange);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(ResultantFormat);
    UNREFERENCED_PARAMETER(ResultantFormatLength);
    // Analog bridge pins only: the port's default intersection does it.
    return STATUS_NOT_IMPLEMENTED;
}

NTSTATUS PcAudCreateMiniportTopology(_Out_ PUNKNOWN *Unknown, _In_opt_ PUNKNOWN OuterUnknown,
                                     _In_ POOL_TYPE PoolType)
{
    CMiniportTopology *miniport = new (PoolType, PCAUD_POOL_TAG) CMiniportTopology(OuterUnknown);
    if (!miniport) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    *Unknown = PUNKNOWN(PMINIPORTTOPOLOGY(miniport));
    (*Unknown)->AddRef();
    return STATUS_SUCCESS;
}

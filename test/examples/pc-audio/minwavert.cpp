//
// minwavert.cpp - the WaveRT miniport: DAC/ADC node tables, filter
// properties, pins, the filter descriptor, the miniport and its stream.
//
// Render: host buffer -> DAC -> bridge to topology.
// Capture: bridge from topology -> ADC -> host buffer.
//
#include "minwavert.h"

CMiniportWaveRT *CMiniportWaveRT::FromRequest(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    return static_cast<CMiniportWaveRT *>(static_cast<IMiniportWaveRT *>(PropertyRequest->MajorTarget));
}

//
// Filter properties: extended items, one generic PortCls handler.
//
NTSTATUS NTAPI CMiniportWaveRT::GetGlitchCount(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    *static_cast<PULONG>(PropertyRequest->Value) = static_cast<ULONG>(FromRequest(PropertyRequest)->m_GlitchCount);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI CMiniportWaveRT::GetHwLatency(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    KSRTAUDIO_HWLATENCY latency;
    latency.FifoSize = 64;    // bytes
    latency.ChipsetDelay = 0; // 100 ns units
    latency.CodecDelay = 2500;
    *static_cast<KSRTAUDIO_HWLATENCY *>(PropertyRequest->Value) = latency;
    return STATUS_SUCCESS;
}

static const PCAUD_PROPERTY_ITEM PcAudWaveFilterProperties[] = {
    {
        {&PCAUD_PROPSETID_Private, PCAUD_PRIVATE_GLITCH_COUNT, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT,
         PcAudPropertyDispatch},
        sizeof(KSPROPERTY),
        sizeof(ULONG),
        CMiniportWaveRT::GetGlitchCount,
        NULL,
        NULL,
    },
    {
        {&PCAUD_PROPSETID_Private, PCAUD_PRIVATE_HW_LATENCY, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT,
         PcAudPropertyDispatch},
        sizeof(KSPROPERTY),
        sizeof(KSRTAUDIO_HWLATENCY),
        CMiniportWaveRT::GetHwLatency,
        NULL,
        NULL,
    },
};

// Hand-written table over the extended items: PortCls must step by the
// extended size.
static const PCAUTOMATION_TABLE PcAudWaveFilterAutomation = {
    sizeof(PCAUD_PROPERTY_ITEM),
    SIZEOF_ARRAY(PcAudWaveFilterProperties),
    &PcAudWaveFilterProperties[0].Item,
    0, 0, NULL,
    0, 0, NULL,
    0
};

//
// DAC node: plain PCPROPERTY_ITEMs, handlers check ValueSize themselves.
//
NTSTATUS NTAPI CMiniportWaveRT::PropertyHandlerChannelConfig(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_BASICSUPPORT) {
        return PcAudBasicSupport(PropertyRequest, PropertyRequest->PropertyItem->Flags);
    }
    if (PropertyRequest->ValueSize < sizeof(KSAUDIO_CHANNEL_CONFIG)) {
        if (PropertyRequest->ValueSize == 0) {
            PropertyRequest->ValueSize = sizeof(KSAUDIO_CHANNEL_CONFIG);
            return STATUS_BUFFER_OVERFLOW;
        }
        return STATUS_BUFFER_TOO_SMALL;
    }

    CMiniportWaveRT *wave = FromRequest(PropertyRequest);
    PKSAUDIO_CHANNEL_CONFIG config = static_cast<PKSAUDIO_CHANNEL_CONFIG>(PropertyRequest->Value);
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        config->ActiveSpeakerPositions = wave->m_ChannelMask;
        PropertyRequest->ValueSize = sizeof(KSAUDIO_CHANNEL_CONFIG);
        return STATUS_SUCCESS;
    }
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_SET) {
        if (config->ActiveSpeakerPositions != KSAUDIO_SPEAKER_STEREO &&
            config->ActiveSpeakerPositions != KSAUDIO_SPEAKER_MONO) {
            return STATUS_NOT_SUPPORTED;
        }
        wave->m_ChannelMask = config->ActiveSpeakerPositions;
        return STATUS_SUCCESS;
    }
    return STATUS_INVALID_DEVICE_REQUEST;
}

static NTSTATUS NTAPI PcAudDacSamplingRateHandler(_In_ PPCPROPERTY_REQUEST PropertyRequest)
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
    ULONG rate = CMiniportWaveRT::FromRequest(PropertyRequest)->m_RenderSampleRate;
    *static_cast<PULONG>(PropertyRequest->Value) = rate ? rate : PCAUD_MAX_SAMPLE_RATE;
    PropertyRequest->ValueSize = sizeof(ULONG);
    return STATUS_SUCCESS;
}

static NTSTATUS NTAPI PcAudDacFilterHandler(_In_ PPCPROPERTY_REQUEST PropertyRequest)
{
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_BASICSUPPORT) {
        return PcAudBasicSupport(PropertyRequest, PropertyRequest->PropertyItem->Flags);
    }
    if (PropertyRequest->ValueSize == 0) {
        PropertyRequest->ValueSize = sizeof(ULONG);
        return STATUS_BUFFER_OVERFLOW;
    }
    if (PropertyRequest->ValueSize < sizeof(ULONG)) {
        return STATUS_BUFFER_TOO_SMALL;
    }

    CMiniportWaveRT *wave = CMiniportWaveRT::FromRequest(PropertyRequest);
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        *static_cast<PULONG>(PropertyRequest->Value) = wave->m_DacFilter;
        PropertyRequest->ValueSize = sizeof(ULONG);
        return STATUS_SUCCESS;
    }
    ULONG filter = *static_cast<const ULONG *>(PropertyRequest->Value);
    if (filter != PCAUD_DAC_FILTER_SHARP && filter != PCAUD_DAC_FILTER_SLOW) {
        return STATUS_INVALID_PARAMETER;
    }
    wave->m_DacFilter = filter;
    return STATUS_SUCCESS;
}

static const PCPROPERTY_ITEM PcAudDacProperties[] = {
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_CHANNEL_CONFIG,
     KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT,
     CMiniportWaveRT::PropertyHandlerChannelConfig},
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_SAMPLING_RATE, KSPROPERTY_TYPE_GET, PcAudDacSamplingRateHandler},
    {&PCAUD_PROPSETID_Private, PCAUD_PRIVATE_DAC_FILTER,
     KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT, PcAudDacFilterHandler},
};

static const PCAUTOMATION_TABLE PcAudDacAutomation = {
    sizeof(PCPROPERTY_ITEM), // PropertyItemSize
    // SEEDED DEFECT 2: ks-property-set-count — PropertyCount 2, but PcAudDacProperties has 3 entries; PortCls never sees PCAUD_PRIVATE_DAC_FILTER
    2,                       // PropertyCount
    PcAudDacProperties,      // Properties
    0, 0, NULL,              // methods
    0, 0, NULL,              // events
    0                        // Reserved
};

//
// ADC node.
//
static NTSTATUS NTAPI PcAudAdcHighPassHandler(_In_ PPCPROPERTY_REQUEST PropertyRequest)
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

    CMiniportWaveRT *wave = CMiniportWaveRT::FromRequest(PropertyRequest);
    if (PropertyRequest->Verb & KSPROPERTY_TYPE_GET) {
        *static_cast<PBOOL>(PropertyRequest->Value) = wave->m_AdcHighPass;
        PropertyRequest->ValueSize = sizeof(BOOL);
        return STATUS_SUCCESS;
    }
    wave->m_AdcHighPass = *static_cast<const BOOL *>(PropertyRequest->Value) ? TRUE : FALSE;
    return STATUS_SUCCESS;
}

static const PCPROPERTY_ITEM PcAudAdcProperties[] = {
    {&PCAUD_PROPSETID_Private, PCAUD_PRIVATE_ADC_HIGHPASS,
     KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_SET | KSPROPERTY_TYPE_BASICSUPPORT, PcAudAdcHighPassHandler},
    // SEEDED DEFECT 5: ks-property-missing-handler — advertises GET and BASICSUPPORT but has no Handler: PortCls lists the property and then has nothing to call
    {&KSPROPSETID_Audio, KSPROPERTY_AUDIO_CPU_RESOURCES, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT, NULL},
};

static DEFINE_PCAUTOMATION_TABLE_PROP(PcAudAdcAutomation, PcAudAdcProperties);

// The streaming pins have no properties of their own.
static const PCAUTOMATION_TABLE PcAudStreamPinAutomation = {0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0};

//
// Pins.
//
static const KSDATARANGE_AUDIO PcAudPcmRange = {
    {
        sizeof(KSDATARANGE_AUDIO),
        0, // Flags
        0, // SampleSize
        0, // Reserved
        STATICGUIDOF(KSDATAFORMAT_TYPE_AUDIO),
        STATICGUIDOF(KSDATAFORMAT_SUBTYPE_PCM),
        STATICGUIDOF(KSDATAFORMAT_SPECIFIER_WAVEFORMATEX),
    },
    PCAUD_CHANNELS,        // MaximumChannels
    PCAUD_BITS_PER_SAMPLE, // MinimumBitsPerSample
    PCAUD_BITS_PER_SAMPLE, // MaximumBitsPerSample
    PCAUD_MIN_SAMPLE_RATE, // MinimumSampleFrequency
    PCAUD_MAX_SAMPLE_RATE, // MaximumSampleFrequency
};

static const PKSDATARANGE PcAudPcmRanges[] = {
    (PKSDATARANGE)&PcAudPcmRange,
};

static const KSDATARANGE PcAudWaveAnalogRange = {
    sizeof(KSDATARANGE),
    0,
    0,
    0,
    STATICGUIDOF(KSDATAFORMAT_TYPE_AUDIO),
    STATICGUIDOF(KSDATAFORMAT_SUBTYPE_ANALOG),
    STATICGUIDOF(KSDATAFORMAT_SPECIFIER_NONE),
};

static const PKSDATARANGE PcAudWaveAnalogRanges[] = {
    (PKSDATARANGE)&PcAudWaveAnalogRange,
};

static const PCPIN_DESCRIPTOR PcAudWavePins[] = {
    // PcAudWavePinRenderSink
    {1, 1, 0, &PcAudStreamPinAutomation,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudPcmRanges), PcAudPcmRanges, KSPIN_DATAFLOW_IN,
      KSPIN_COMMUNICATION_SINK, &KSCATEGORY_AUDIO, NULL, 0}},
    // PcAudWavePinRenderBridge
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudWaveAnalogRanges), PcAudWaveAnalogRanges, KSPIN_DATAFLOW_OUT,
      KSPIN_COMMUNICATION_NONE, &KSCATEGORY_AUDIO, NULL, 0}},
    // PcAudWavePinCaptureBridge
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudWaveAnalogRanges), PcAudWaveAnalogRanges, KSPIN_DATAFLOW_IN,
      KSPIN_COMMUNICATION_NONE, &KSCATEGORY_AUDIO, NULL, 0}},
    // PcAudWavePinCaptureSource
    {1, 1, 0, &PcAudStreamPinAutomation,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(PcAudPcmRanges), PcAudPcmRanges, KSPIN_DATAFLOW_OUT,
      KSPIN_COMMUNICATION_SINK, &KSCATEGORY_AUDIO, NULL, 0}},
};

static const PCNODE_DESCRIPTOR PcAudWaveNodes[] = {
    {0, &PcAudDacAutomation, &KSNODETYPE_DAC, NULL},
    {0, &PcAudAdcAutomation, &KSNODETYPE_ADC, NULL},
};

static const PCCONNECTION_DESCRIPTOR PcAudWaveConnections[] = {
    {PCFILTER_NODE, PcAudWavePinRenderSink, PcAudWaveNodeDac, KSNODEPIN_STANDARD_IN},
    {PcAudWaveNodeDac, KSNODEPIN_STANDARD_OUT, PCFILTER_NODE, PcAudWavePinRenderBridge},
    {PCFILTER_NODE, PcAudWavePinCaptureBridge, PcAudWaveNodeAdc, KSNODEPIN_STANDARD_IN},
    {PcAudWaveNodeAdc, KSNODEPIN_STANDARD_OUT, PCFILTER_NODE, PcAudWavePinCaptureSource},
};

static const GUID PcAudWaveCategories[] = {
    STATICGUIDOF(KSCATEGORY_AUDIO),
    STATICGUIDOF(KSCATEGORY_RENDER),
    STATICGUIDOF(KSCATEGORY_CAPTURE),
    STATICGUIDOF(KSCATEGORY_REALTIME),
};

static const PCFILTER_DESCRIPTOR PcAudWaveFilter = {
    0,
    &PcAudWaveFilterAutomation,
    sizeof(PCPIN_DESCRIPTOR),
    SIZEOF_ARRAY(PcAudWavePins),
    PcAudWavePins,
    sizeof(PCNODE_DESCRIPTOR),
    SIZEOF_ARRAY(PcAudWaveNodes),
    PcAudWaveNodes,
    SIZEOF_ARRAY(PcAudWaveConnections),
    PcAudWaveConnections,
    SIZEOF_ARRAY(PcAudWaveCategories),
    PcAudWaveCategories,
};

//
// Formats.
//
NTSTATUS PcAudValidateFormat(_In_ PKSDATAFORMAT DataFormat)
{
    if (DataFormat->FormatSize < sizeof(KSDATAFORMAT_WAVEFORMATEX) ||
        !IsEqualGUIDAligned(DataFormat->MajorFormat, KSDATAFORMAT_TYPE_AUDIO) ||
        !IsEqualGUIDAligned(DataFormat->SubFormat, KSDATAFORMAT_SUBTYPE_PCM) ||
        !IsEqualGUIDAligned(DataFormat->Specifier, KSDATAFORMAT_SPECIFIER_WAVEFORMATEX)) {
        return STATUS_NO_MATCH;
    }
    const WAVEFORMATEX *wave = &reinterpret_cast<PKSDATAFORMAT_WAVEFORMATEX>(DataFormat)->WaveFormatEx;
    if (wave->wFormatTag != WAVE_FORMAT_PCM || wave->nChannels < 1 || wave->nChannels > PCAUD_CHANNELS ||
        wave->wBitsPerSample != PCAUD_BITS_PER_SAMPLE || wave->nSamplesPerSec < PCAUD_MIN_SAMPLE_RATE ||
        wave->nSamplesPerSec > PCAUD_MAX_SAMPLE_RATE ||
        wave->nBlockAlign != wave->nChannels * PCAUD_BITS_PER_SAMPLE / 8 ||
        wave->nAvgBytesPerSec != wave->nSamplesPerSec * wave->nBlockAlign) {
        return STATUS_NO_MATCH;
    }
    return STATUS_SUCCESS;
}

//
// The miniport object.
//
CMiniportWaveRT::~CMiniportWaveRT()
{
    if (m_Port) {
        m_Port->Release();
        m_Port = NULL;
    }
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRT::NonDelegatingQueryInterface(REFIID Interface, PVOID *Object)
{
    if (IsEqualGUIDAligned(Interface, IID_IUnknown)) {
        *Object = PVOID(PUNKNOWN(PMINIPORTWAVERT(this)));
    } else if (IsEqualGUIDAligned(Interface, IID_IMiniport) || IsEqualGUIDAligned(Interface, IID_IMiniportWaveRT)) {
        *Object = PVOID(PMINIPORTWAVERT(this));
    } else {
        *Object = NULL;
        return STATUS_INVALID_PARAMETER;
    }
    PUNKNOWN(*Object)->AddRef();
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRT::Init(_In_ PUNKNOWN UnknownAdapter, _In_ PRESOURCELIST ResourceList,
                                              _In_ PPORTWAVERT Port)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(UnknownAdapter);
    UNREFERENCED_PARAMETER(ResourceList);

    m_Port = Port;
    m_Port->AddRef();
    m_ChannelMask = KSAUDIO_SPEAKER_STEREO;
    m_DacFilter = PCAUD_DAC_FILTER_SHARP;
    m_AdcHighPass = TRUE;
    m_GlitchCount = 0;
    m_RenderSampleRate = 0;
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRT::GetDescription(_Out_ PPCFILTER_DESCRIPTOR *Description)
{
    PAGED_CODE();
    *Description = const_cast<PPCFILTER_DESCRIPTOR>(&PcAudWaveFilter);
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRT::DataRangeIntersection(
    _In_ ULONG PinId, _In_ PKSDATARANGE DataRange, _In_ PKSDATARANGE MatchingDataRange,
    _In_ ULONG OutputBufferLength, _Out_opt_ PVOID ResultantFormat, _Out_ PULONG ResultantFormatLength)
{
    UNREFERENCED_PARAMETER(PinId);
    UNREFERENCED_PARAMETER(DataRange);
    UNREFERENCED_PARAMETER(MatchingDataRange);
    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(ResultantFormat);
    UNREFERENCED_PARAMETER(ResultantFormatLength);
    // One KSDATARANGE_AUDIO per pin: the port's default intersection picks
    // the format; NewStream validates it.
    return STATUS_NOT_IMPLEMENTED;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRT::NewStream(_Out_ PMINIPORTWAVERTSTREAM *Stream,
                                                   _In_ PPORTWAVERTSTREAM PortStream, _In_ ULONG Pin,
                                                   _In_ BOOLEAN Capture, _In_ PKSDATAFORMAT DataFormat)
{
    PAGED_CODE();
    *Stream = NULL;

    if ((Capture && Pin != PcAudWavePinCaptureSource) || (!Capture && Pin != PcAudWavePinRenderSink)) {
        return STATUS_INVALID_PARAMETER;
    }
    BOOLEAN &open = Capture ? m_CaptureOpen : m_RenderOpen;
    if (open) {
        return STATUS_INSUFFICIENT_RESOURCES; // one stream per direction
    }
    NTSTATUS status = PcAudValidateFormat(DataFormat);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    CMiniportWaveRTStream *stream = new (NonPagedPoolNx, PCAUD_POOL_TAG) CMiniportWaveRTStream(NULL);
    if (!stream) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    stream->AddRef();
    status = stream->Init(this, PortStream, Capture, DataFormat);
    if (!NT_SUCCESS(status)) {
        stream->Release();
        return status;
    }

    open = TRUE;
    if (!Capture) {
        m_RenderSampleRate = reinterpret_cast<PKSDATAFORMAT_WAVEFORMATEX>(DataFormat)->WaveFormatEx.nSamplesPerSec;
    }
    *Stream = stream; // the reference taken above
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRT::GetDeviceDescription(_Out_ PDEVICE_DESCRIPTION DeviceDescription)
{
    PAGED_CODE();
    RtlZeroMemory(DeviceDescription, sizeof(DEVICE_DESCRIPTION));
    DeviceDescription->Version = DEVICE_DESCRIPTION_VERSION;
    DeviceDescription->Master = TRUE;
    DeviceDescription->ScatterGather = TRUE;
    DeviceDescription->Dma32BitAddresses = TRUE;
    DeviceDescription->InterfaceType = PCIBus;
    DeviceDescription->MaximumLength = 0xFFFFFFFF;
    return STATUS_SUCCESS;
}

void CMiniportWaveRT::StreamClosed(_In_ BOOLEAN Capture)
{
    if (Capture) {
        m_CaptureOpen = FALSE;
    } else {
        m_RenderOpen = FALSE;
        m_RenderSampleRate = 0;
    }
}

//
// The stream object. The "hardware" position advances with the interrupt
// time while the stream runs.
//
CMiniportWaveRTStream::~CMiniportWaveRTStream()
{
    if (m_BufferMdl) {
        m_PortStream->FreePagesFromMdl(m_BufferMdl);
        m_BufferMdl = NULL;
    }
    if (m_PortStream) {
        m_PortStream->Release();
    }
    if (m_Miniport) {
        m_Miniport->StreamClosed(m_Capture);
        m_Miniport->Release();
    }
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRTStream::NonDelegatingQueryInterface(REFIID Interface, PVOID *Object)
{
    if (IsEqualGUIDAligned(Interface, IID_IUnknown)) {
        *Object = PVOID(PUNKNOWN(PMINIPORTWAVERTSTREAM(this)));
    } else if (IsEqualGUIDAligned(Interface, IID_IMiniportWaveRTStream)) {
        *Object = PVOID(PMINIPORTWAVERTSTREAM(this));
    } else {
        *Object = NULL;
        return STATUS_INVALID_PARAMETER;
    }
    PUNKNOWN(*Object)->AddRef();
    return STATUS_SUCCESS;
}

NTSTATUS CMiniportWaveRTStream::Init(_In_ CMiniportWaveRT *Miniport, _In_ PPORTWAVERTSTREAM PortStream,
                                     _In_ BOOLEAN Capture, _In_ PKSDATAFORMAT DataFormat)
{
    m_Miniport = Miniport;
    m_Miniport->AddRef();
    m_PortStream = PortStream;
    m_PortStream->AddRef();
    m_Capture = Capture;
    m_State = KSSTATE_STOP;
    m_BytesPerSecond = reinterpret_cast<PKSDATAFORMAT_WAVEFORMATEX>(DataFormat)->WaveFormatEx.nAvgBytesPerSec;
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRTStream::SetFormat(_In_ PKSDATAFORMAT DataFormat)
{
    UNREFERENCED_PARAMETER(DataFormat);
    // The format is fixed for the life of a WaveRT stream.
    return STATUS_NOT_SUPPORTED;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRTStream::SetState(_In_ KSSTATE State)
{
    ULONGLONG now = KeQueryInterruptTime();
    if (State == KSSTATE_RUN && m_State != KSSTATE_RUN) {
        m_RunStartTime = now;
    } else if (State != KSSTATE_RUN && m_State == KSSTATE_RUN) {
        m_BytesBeforeRun += (now - m_RunStartTime) * m_BytesPerSecond / 10000000;
    }
    if (State == KSSTATE_STOP) {
        m_BytesBeforeRun = 0;
    }
    m_State = State;
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRTStream::GetPosition(_Out_ PKSAUDIO_POSITION Position)
{
    ULONGLONG bytes = m_BytesBeforeRun;
    if (m_State == KSSTATE_RUN) {
        bytes += (KeQueryInterruptTime() - m_RunStartTime) * m_BytesPerSecond / 10000000;
    }
    ULONGLONG offset = m_BufferSize ? bytes % m_BufferSize : 0;
    Position->PlayOffset = offset;
    Position->WriteOffset = offset;
    return STATUS_SUCCESS;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRTStream::AllocateAudioBuffer(_In_ ULONG RequestedSize,
                                                                   _Out_ PMDL *AudioBufferMdl,
                                                                   _Out_ ULONG *ActualSize,
                                                                   _Out_ ULONG *OffsetFromFirstPage,
                                                                   _Out_ MEMORY_CACHING_TYPE *CacheType)
{
    if (m_BufferMdl || RequestedSize == 0) {
        return STATUS_INVALID_DEVICE_REQUEST;
    }

    PHYSICAL_ADDRESS highest;
    highest.QuadPart = MAXLONGLONG;
    PMDL mdl = m_PortStream->AllocatePagesForMdl(highest, RequestedSize);
    if (!mdl) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    m_BufferMdl = mdl;
    m_BufferSize = RequestedSize;
    *AudioBufferMdl = mdl;
    *ActualSize = RequestedSize;
    *OffsetFromFirstPage = 0;
    *CacheType = MmCached;
    return STATUS_SUCCESS;
}

STDMETHODIMP_(VOID) CMiniportWaveRTStream::FreeAudioBuffer(_In_ PMDL AudioBufferMdl, _In_ ULONG BufferSize)
{
    UNREFERENCED_PARAMETER(BufferSize);
    if (AudioBufferMdl && AudioBufferMdl == m_BufferMdl) {
        m_PortStream->FreePagesFromMdl(AudioBufferMdl);
        m_BufferMdl = NULL;
        m_BufferSize = 0;
    }
}

STDMETHODIMP_(VOID) CMiniportWaveRTStream::GetHWLatency(_Out_ KSRTAUDIO_HWLATENCY *Latency)
{
    Latency->FifoSize = 64;
    Latency->ChipsetDelay = 0;
    Latency->CodecDelay = 2500;
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRTStream::GetPositionRegister(_Out_ KSRTAUDIO_HWREGISTER *Register)
{
    UNREFERENCED_PARAMETER(Register);
    return STATUS_NOT_SUPPORTED; // no memory-mapped position register
}

STDMETHODIMP_(NTSTATUS) CMiniportWaveRTStream::GetClockRegister(_Out_ KSRTAUDIO_HWREGISTER *Register)
{
    UNREFERENCED_PARAMETER(Register);
    return STATUS_NOT_SUPPORTED;
}

NTSTATUS PcAudCreateMiniportWaveRT(_Out_ PUNKNOWN *Unknown, _In_opt_ PUNKNOWN OuterUnknown, _In_ POOL_TYPE PoolType)
{
    CMiniportWaveRT *miniport = new (PoolType, PCAUD_POOL_TAG) CMiniportWaveRT(OuterUnknown);
    if (!miniport) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    *Unknown = PUNKNOWN(PMINIPORTWAVERT(miniport));
    (*Unknown)->AddRef();
    return STATUS_SUCCESS;
}

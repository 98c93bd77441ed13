//
// pcaudio.h - shared declarations of PcAud, a PortCls audio adapter.
//
// PcAud is a simulated two-endpoint audio device written for kstidy's tests:
// a WaveRT miniport with one render and one capture stream, and a topology
// miniport with a speaker path (volume, mute, peak meter) and a microphone
// path (volume, AGC, mute). There is no hardware: levels and positions are
// computed from the system time.
//
#pragma once

// mingw-w64's STDMETHOD_ marks interface methods __declspec(nothrow) but its
// IMP_* / DECLARE_STD_UNKNOWN macros do not, which clang reports for every
// override (-Wmicrosoft-exception-spec). The SDK's documented opt-out keeps
// both sides identical.
#define COM_STDMETHOD_CAN_THROW

#include <portcls.h>
#include <stdunk.h>
#include <ksmedia.h>

#define PCAUD_POOL_TAG 'duAP'

// Maximum number of miniports/ports PortCls tracks for the adapter.
#define PCAUD_MAX_MINIPORTS 2

// Stream formats: 16-bit PCM, stereo, 44.1 or 48 kHz.
#define PCAUD_CHANNELS 2
#define PCAUD_BITS_PER_SAMPLE 16
#define PCAUD_MIN_SAMPLE_RATE 44100
#define PCAUD_MAX_SAMPLE_RATE 48000

// Volume range in 1/65536 dB, as KSPROPERTY_AUDIO_VOLUMELEVEL reports it.
#define PCAUD_VOLUME_MINIMUM (-96 * 0x10000)
#define PCAUD_VOLUME_MAXIMUM 0
#define PCAUD_VOLUME_STEPPING 0x8000 // 0.5 dB

//
// Topology filter: pins, nodes.
//
enum PCAUD_TOPO_PIN {
    PcAudTopoPinWaveOutSource = 0, // bridge, from the wave filter's render path
    PcAudTopoPinSpeakerDest = 1,   // the speaker jack
    PcAudTopoPinMicSource = 2,     // the microphone jack
    PcAudTopoPinWaveInDest = 3,    // bridge, to the wave filter's capture path
    PcAudTopoPinCount
};

enum PCAUD_TOPO_NODE {
    PcAudTopoNodeSpeakerVolume = 0,
    PcAudTopoNodeSpeakerMute = 1,
    PcAudTopoNodeSpeakerPeak = 2,
    PcAudTopoNodeMicVolume = 3,
    PcAudTopoNodeMicAgc = 4,
    PcAudTopoNodeMicMute = 5,
    PcAudTopoNodeCount
};

//
// Wave filter: pins, nodes.
//
enum PCAUD_WAVE_PIN {
    PcAudWavePinRenderSink = 0,     // streaming, host -> device
    PcAudWavePinRenderBridge = 1,   // bridge, to topology
    PcAudWavePinCaptureBridge = 2,  // bridge, from topology
    PcAudWavePinCaptureSource = 3,  // streaming, device -> host
    PcAudWavePinCount
};

enum PCAUD_WAVE_NODE {
    PcAudWaveNodeDac = 0,
    PcAudWaveNodeAdc = 1,
    PcAudWaveNodeCount
};

//
// Private property set PCAUD_PROPSETID_Private (node and filter
// properties) and PCAUD_PROPSETID_Connector (pin properties).
//
extern const GUID PCAUD_PROPSETID_Private;
extern const GUID PCAUD_PROPSETID_Connector;

enum PCAUD_PRIVATE_PROPERTY {
    PCAUD_PRIVATE_GLITCH_COUNT = 1, // filter: ULONG
    PCAUD_PRIVATE_HW_LATENCY = 2,   // filter: KSRTAUDIO_HWLATENCY
    PCAUD_PRIVATE_CLIP_COUNT = 3,   // peak meter node: ULONG
    PCAUD_PRIVATE_VOLUME_RAMP = 4,  // volume node: ULONG, milliseconds
    PCAUD_PRIVATE_DAC_FILTER = 5,   // DAC node: ULONG, PCAUD_DAC_FILTER_*
    PCAUD_PRIVATE_ADC_HIGHPASS = 6, // ADC node: BOOL
};

enum PCAUD_CONNECTOR_PROPERTY {
    PCAUD_CONNECTOR_DESCRIPTION = 0, // pin: PCAUD_CONNECTOR_INFO
};

#define PCAUD_DAC_FILTER_SHARP 0
#define PCAUD_DAC_FILTER_SLOW 1

// Output of PCAUD_CONNECTOR_DESCRIPTION (instance: the pin id, ULONG).
typedef struct _PCAUD_CONNECTOR_INFO {
    ULONG ConnectorType; // a EPcxConnectionType value
    ULONG Color;         // 0x00RRGGBB
    BOOL IsConnected;
} PCAUD_CONNECTOR_INFO, *PPCAUD_CONNECTOR_INFO;

//
// Extended PortCls property item. PortCls reads only the leading
// PCPROPERTY_ITEM and steps through a node's table by the automation table's
// PropertyItemSize (sizeof(PCAUD_PROPERTY_ITEM) for these tables). Every
// entry's Handler is PcAudPropertyDispatch: it finds the entry from
// PropertyRequest->PropertyItem, validates InstanceSize and ValueSize against
// MinProperty / MinData (PortCls checks neither) and calls the verb's
// handler below. For a GET it presets ValueSize to MinData, so a get handler
// that writes exactly MinData bytes needs no size logic of its own.
//
typedef struct _PCAUD_PROPERTY_ITEM {
    PCPROPERTY_ITEM Item;
    ULONG MinProperty; // whole request: KSPROPERTY / KSNODEPROPERTY header + instance
    ULONG MinData;     // value buffer for GET and SET
    PCPFNPROPERTY_HANDLER GetHandler;
    PCPFNPROPERTY_HANDLER SetHandler;
    PCPFNPROPERTY_HANDLER SupportHandler; // NULL: PcAudBasicSupport with Item.Flags
} PCAUD_PROPERTY_ITEM, *PPCAUD_PROPERTY_ITEM; // 56 bytes on x64

// The Handler of every PCAUD_PROPERTY_ITEM (propdispatch.cpp).
NTSTATUS NTAPI PcAudPropertyDispatch(_In_ PPCPROPERTY_REQUEST PropertyRequest);

// Answers a basic-support request with the item's access flags and, if the
// buffer is large enough, a KSPROPERTY_DESCRIPTION of a VT_I4 property
// without ranges. Checks ValueSize itself.
NTSTATUS PcAudBasicSupport(_In_ PPCPROPERTY_REQUEST PropertyRequest, _In_ ULONG AccessFlags);

// Size handshake for plain PCPROPERTY_ITEM handlers: PortCls passes every
// request through with MinData 0, so the handler must check. Returns
// STATUS_BUFFER_OVERFLOW with ValueSize = ValueSizeNeeded for a size query
// (ValueSize 0), STATUS_BUFFER_TOO_SMALL or STATUS_INVALID_PARAMETER for
// short buffers.
NTSTATUS PcAudValidatePropertyRequest(_In_ PPCPROPERTY_REQUEST PropertyRequest,
                                      _In_ ULONG ValueSizeNeeded, _In_ ULONG InstanceSizeNeeded);

// Channel of a per-channel node request (KSNODEPROPERTY_AUDIO_CHANNEL), or
// -1 (all channels) when the request carries none.
LONG PcAudRequestChannel(_In_ PPCPROPERTY_REQUEST PropertyRequest);

//
// Miniport factories (mintopo.cpp, minwavert.cpp).
//
NTSTATUS PcAudCreateMiniportTopology(_Out_ PUNKNOWN *Unknown, _In_opt_ PUNKNOWN OuterUnknown,
                                     _In_ POOL_TYPE PoolType);
NTSTATUS PcAudCreateMiniportWaveRT(_Out_ PUNKNOWN *Unknown, _In_opt_ PUNKNOWN OuterUnknown,
                                   _In_ POOL_TYPE PoolType);

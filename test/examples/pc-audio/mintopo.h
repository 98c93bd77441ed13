//
// mintopo.h - the topology miniport.
//
#pragma once

#include "pcaudio.h"

// Control state of the topology filter. Handlers reach it through the
// miniport (PropertyRequest->MajorTarget).
typedef struct _PCAUD_TOPO_STATE {
    LONG SpeakerVolume[PCAUD_CHANNELS]; // 1/65536 dB
    LONG MicVolume[PCAUD_CHANNELS];
    BOOL SpeakerMute[PCAUD_CHANNELS];
    BOOL MicMute;
    BOOL MicAgc;
    ULONG VolumeRampMs;
    volatile LONG ClipCount;
} PCAUD_TOPO_STATE, *PPCAUD_TOPO_STATE;

class CMiniportTopology : public IMiniportTopology, public CUnknown {
public:
    DECLARE_STD_UNKNOWN();
    DEFINE_STD_CONSTRUCTOR(CMiniportTopology);
    ~CMiniportTopology();

    IMP_IMiniport;

    STDMETHODIMP_(NTSTATUS) Init(_In_ PUNKNOWN UnknownAdapter, _In_ PRESOURCELIST ResourceList,
                                 _In_ PPORTTOPOLOGY Port);

    // The miniport a property request is addressed to.
    static CMiniportTopology *FromRequest(_In_ PPCPROPERTY_REQUEST PropertyRequest);

    // Property handlers that need the miniport's private state.
    static NTSTATUS NTAPI PropertyHandlerConnector(_In_ PPCPROPERTY_REQUEST PropertyRequest);
    static NTSTATUS NTAPI PropertyHandlerClipCount(_In_ PPCPROPERTY_REQUEST PropertyRequest);
    static NTSTATUS NTAPI PropertyHandlerMuteAllChannels(_In_ PPCPROPERTY_REQUEST PropertyRequest);

    // Simulated peak level of a speaker channel (1/65536 dB).
    LONG PeakLevel(_In_ LONG Channel) const;

    PCAUD_TOPO_STATE m_State;

private:
    PPORTTOPOLOGY m_Port;
};
